import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../db/db.server";
import { sendEmail } from "../../app/domain/mail/email.server";
import { queueSchema } from "../../app/server/queue.server";
import * as invitations from "../../app/routes/admin.invitations";
import { browserRequest, callRoute, createPerson, lastMailTo, sessionFor, unique } from "../fixtures";
import { eventually, startTestQueue } from "../fixtures/queue";
import { REFUSED_DOMAIN, startMailReceiver } from "../fixtures/smtp";

// Every e-mail is sent by a job, through a real SMTP server on the loopback address. A mail server that is down
// or refuses is tried again with growing delays (here 1 s, then 2–4 s: the day of tries shortened by config).
process.env.MAIL_RETRY_LIMIT = "2";
process.env.MAIL_RETRY_DELAY_SECONDS = "1";

let mail: Awaited<ReturnType<typeof startMailReceiver>>;
let queue: Awaited<ReturnType<typeof startTestQueue>>;
const mailsTo = (address: string) => mail.received.filter((m) => m.to.includes(address));

beforeAll(async () => {
  mail = await startMailReceiver();
  queue = await startTestQueue();
});

afterAll(async () => {
  await queue.stop();
  await mail.stop();
});

async function sentRow(address: string) {
  const row = await lastMailTo(address);
  return row?.sent_at ? row : null;
}

describe("e-mail with SMTP_URL set", () => {
  it("is sent by a job through the mail server, with its HTML part and headers, and marked sent", async () => {
    const to = `${unique("bewoner")}@test.example`;
    await sendEmail({
      to,
      subject: "Uitnodiging",
      text: "Welkom in het netwerk: één link.",
      html: "<p>Welkom in het <strong>netwerk</strong></p>",
      headers: { "List-Unsubscribe": "<https://leernetwerk.test/unsubscribe/abc>" },
    });
    const row = await eventually(() => sentRow(to));
    expect(row).toMatchObject({ attempts: 1, last_error: null, failed_at: null });
    const [received] = mailsTo(to);
    expect(received.data).toContain("Subject: Uitnodiging");
    expect(received.data).toContain("List-Unsubscribe: <https://leernetwerk.test/unsubscribe/abc>");
    expect(received.data).toMatch(/Content-Type: text\/html/i);
  });

  it("stop the mail server, invite someone, start it again: the invitation arrives, once", async () => {
    const admin = await createPerson({ accountRole: "admin" });
    const email = `${unique("fonds")}@test.example`;
    await mail.pause();
    const response = await callRoute(invitations.action, {
      request: browserRequest("/admin/invitations", { cookie: await sessionFor(admin), form: { intent: "funder", email, language: "nl" } }),
    });
    expect(response.status).toBe(302);
    // The first try finds no mail server; the mail waits in the outbox with the reason.
    const waiting = await eventually(async () => {
      const row = await lastMailTo(email);
      return row?.last_error ? row : null;
    });
    expect(waiting).toMatchObject({ sent_at: null, failed_at: null });
    expect(waiting.last_error).toMatch(/ECONNREFUSED/);
    await mail.resume();
    const sent = await eventually(() => sentRow(email), 30_000);
    expect(sent.attempts).toBeGreaterThanOrEqual(2);
    // Given time for any further try: still exactly one.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(mailsTo(email)).toHaveLength(1);
    expect(mailsTo(email)[0].data).toContain("Subject: Uitnodiging voor Leernetwerk");
  });

  it("a mail the server keeps refusing ends failed with its reason after the last try", async () => {
    const to = `${unique("nergens")}@${REFUSED_DOMAIN}`;
    await sendEmail({ to, subject: "Herinnering", text: "Tot donderdag." });
    const failed = await eventually(async () => {
      const row = await lastMailTo(to);
      return row?.failed_at ? row : null;
    }, 30_000);
    expect(failed).toMatchObject({ sent_at: null, attempts: 3 });
    expect(failed.last_error).toMatch(/550/);
    expect(failed.last_error).toContain(to);
    expect(mailsTo(to)).toHaveLength(0);
    // The queue keeps its failed jobs for weeks: what it keeps names the mail, not the person's address.
    // The queue marks its job failed a moment after the outbox says so.
    const jobs = await eventually(async () => {
      const found = await sql<{ state: string; output: unknown }>`
        select state::text, output from ${sql.id(queueSchema(), "job")} where name = 'send-email' and data->>'outboxId' = ${failed.id}`.execute(db());
      return found.rows.every((job) => job.state === "failed") && found.rows.length === 1 ? found : null;
    });
    expect(JSON.stringify(jobs.rows)).not.toContain(to.split("@")[0]);
  });

  it("a mail deleted meanwhile (its person erased) ends its job quietly", async () => {
    const to = `${unique("gewist")}@test.example`;
    await mail.pause();
    await sendEmail({ to, subject: "Uw account", text: "…" });
    const row = await eventually(async () => {
      const waiting = await lastMailTo(to);
      return waiting?.last_error ? waiting : null;
    });
    await db().deleteFrom("email_outbox").where("id", "=", row.id).execute();
    await mail.resume();
    const jobState = async () => {
      const jobs = await sql<{ state: string }>`
        select state::text from ${sql.id(queueSchema(), "job")} where name = 'send-email' and data->>'outboxId' = ${row.id}`.execute(db());
      return jobs.rows.map((j) => j.state);
    };
    await eventually(async () => (await jobState()).join() === "completed", 30_000);
    expect(mailsTo(to)).toHaveLength(0);
  });
});

describe("e-mail without SMTP_URL", () => {
  it("stays in the outbox, unsent, and no job is made for it", async () => {
    const url = process.env.SMTP_URL;
    delete process.env.SMTP_URL;
    const to = `${unique("demo")}@test.example`;
    try {
      await sendEmail({ to, subject: "Demo", text: "Alleen in de uitgaande e-mail." });
    } finally {
      process.env.SMTP_URL = url;
    }
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await lastMailTo(to)).toMatchObject({ sent_at: null, failed_at: null, attempts: 0 });
    expect(mailsTo(to)).toHaveLength(0);
  });
});
