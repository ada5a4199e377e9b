import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../db/db.server";
import { sendEmail } from "../../app/domain/email.server";

// A real SMTP server on the loopback address receives what the app sends when SMTP_URL is set.
const received: { to: string[]; data: string }[] = [];
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  onData(stream, session, callback) {
    let data = "";
    stream.on("data", (chunk: Buffer) => (data += chunk.toString("utf8")));
    stream.on("end", () => {
      received.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
      callback();
    });
  },
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.env.SMTP_URL = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("e-mail with SMTP_URL set", () => {
  it("is sent through the mail server and marked sent in the outbox", async () => {
    await sendEmail({ to: "bewoner@test.example", subject: "Uitnodiging", text: "Welkom in het netwerk: één link." });
    expect(received).toHaveLength(1);
    expect(received[0].to).toEqual(["bewoner@test.example"]);
    expect(received[0].data).toContain("Subject: Uitnodiging");
    const row = await db().selectFrom("email_outbox").selectAll().orderBy("id", "desc").executeTakeFirstOrThrow();
    expect(row.sent_at).not.toBeNull();
    expect(row.last_error).toBeNull();
  });

  it("stays in the outbox with the error when the mail server refuses", async () => {
    const working = process.env.SMTP_URL;
    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    try {
      await sendEmail({ to: "vrijwilliger@test.example", subject: "Herinnering", text: "Tot donderdag." });
    } finally {
      process.env.SMTP_URL = working;
    }
    const row = await db()
      .selectFrom("email_outbox")
      .where("to_address", "=", "vrijwilliger@test.example")
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(row.sent_at).toBeNull();
    expect(row.last_error).toBeTruthy();
  });
});
