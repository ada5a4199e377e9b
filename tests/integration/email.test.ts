import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../db/db.server";
import { sendEmail } from "../../app/domain/mail/email.server";
import { startMailReceiver, type ReceivedMail } from "../fixtures/smtp";

// A real SMTP server on the loopback address receives what the app sends when SMTP_URL is set.
let mail: Awaited<ReturnType<typeof startMailReceiver>>;
let received: ReceivedMail[];

beforeAll(async () => {
  mail = await startMailReceiver();
  received = mail.received;
});

afterAll(() => mail.stop());

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
