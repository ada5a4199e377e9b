import nodemailer, { type Transporter } from "nodemailer";
import { sql } from "kysely";
import { db } from "../../../db/db.server";
import type { Attempt, Job } from "../../server/queue.server";

// Every e-mail is sent by a job: a mail server that is down or refuses is tried again with growing delays, for
// about a day (60 s × 2^n, a random half more, 9 times: 17 to 34 hours), then the mail is marked failed.

/** Tries after the first, and the first delay; MAIL_RETRY_LIMIT and MAIL_RETRY_DELAY_SECONDS change them. */
function mailRetry() {
  return {
    limit: Number(process.env.MAIL_RETRY_LIMIT || 9),
    delaySeconds: Number(process.env.MAIL_RETRY_DELAY_SECONDS || 60),
    backoff: true,
  };
}

export const sendMailJob: Job<{ outboxId: string }> = {
  name: "send-email",
  retry: mailRetry,
  run: ({ outboxId }, attempt) => deliverFromOutbox(outboxId, attempt),
};

export const mailJobs: Job[] = [sendMailJob as Job];

/**
 * Sends one mail of the outbox. A mail already sent (a job tried again after it got through) or no longer there
 * (its person was erased meanwhile) ends the job quietly; so does a mail while no mail server is configured.
 */
async function deliverFromOutbox(outboxId: string, attempt: Attempt): Promise<void> {
  const mail = await db()
    .selectFrom("email_outbox")
    .where("id", "=", outboxId)
    .where("sent_at", "is", null)
    .where("failed_at", "is", null)
    .selectAll()
    .executeTakeFirst();
  if (!mail) return;
  const url = process.env.SMTP_URL;
  if (!url) return console.log(`[mail] no mail server (SMTP_URL): mail ${outboxId} stays in the outbox`);
  try {
    await transport(url).sendMail({
      from: process.env.MAIL_FROM ?? "Leernetwerk <noreply@leernetwerk.local>",
      to: mail.to_address,
      subject: mail.subject,
      text: mail.body_text,
      ...(mail.body_html && { html: mail.body_html }),
      headers: mail.headers,
      attachments: mail.attachments,
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    await db()
      .updateTable("email_outbox")
      .set({ attempts: sql`attempts + 1`, last_error: reason, ...(attempt.last && { failed_at: new Date() }) })
      .where("id", "=", outboxId)
      .execute();
    // The mail server's answer may name the address: it stays in the outbox (erased with the person), not in the
    // queue's own record of the failed job.
    throw new Error(`mail ${outboxId} not delivered (the reason is in the outbox)`);
  }
  await db()
    .updateTable("email_outbox")
    .set({ sent_at: new Date(), attempts: sql`attempts + 1`, last_error: null })
    .where("id", "=", outboxId)
    .execute();
}

let cached: { url: string; transport: Transporter } | undefined;
function transport(url: string): Transporter {
  if (cached?.url !== url) cached = { url, transport: nodemailer.createTransport(url) };
  return cached.transport;
}
