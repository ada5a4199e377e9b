import { db } from "../../../db/db.server";
import type { EmailAttachment } from "../../../db/schema";
import { enqueue, wakeWorker } from "../../server/queue.server";
import { sendMailJob } from "./mail-jobs.server";

export type Email = {
  to: string;
  subject: string;
  text: string;
  /** An HTML part beside the text, for mails that are read rather than acted on (the digest). */
  html?: string;
  /** Headers of its own, such as List-Unsubscribe. */
  headers?: Record<string, string>;
  attachments?: EmailAttachment[];
};

/** True when no mail server is configured: mail stays in the outbox, which the admin can read. */
export function mailStaysInOutbox(): boolean {
  return !process.env.SMTP_URL;
}

/**
 * Every message goes into the outbox table first, so nothing is lost when the mail server is down. With SMTP_URL
 * a job sends it (sent in the same transaction as the row, so neither exists without the other); otherwise it
 * is written to the server log and stays in the outbox.
 */
export async function sendEmail(email: Email): Promise<void> {
  const bySending = !mailStaysInOutbox();
  await db()
    .transaction()
    .execute(async (trx) => {
      const row = await trx
        .insertInto("email_outbox")
        .values({
          to_address: email.to,
          subject: email.subject,
          body_text: email.text,
          body_html: email.html ?? null,
          headers: JSON.stringify(email.headers ?? {}),
          attachments: JSON.stringify(email.attachments ?? []),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      if (bySending) await enqueue(sendMailJob, { outboxId: row.id }, trx);
    });
  if (bySending) wakeWorker(sendMailJob);
  else console.log(`[mail] to ${email.to}: ${email.subject}\n${email.text}`);
}

export type OutboxState = "kept" | "queued" | "sent" | "failed";

/** The outbox, newest first, with each mail's state: kept (no mail server), queued (perhaps retrying), sent, failed. */
export async function listOutbox(limit = 100) {
  const rows = await db()
    .selectFrom("email_outbox")
    .select(["id", "to_address", "subject", "body_text", "created_at", "sent_at", "failed_at", "attempts", "last_error"])
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  const kept = mailStaysInOutbox();
  return rows.map((row) => ({ ...row, state: stateOf(row, kept) }));
}

function stateOf(row: { sent_at: Date | null; failed_at: Date | null }, kept: boolean): OutboxState {
  if (row.sent_at) return "sent";
  if (row.failed_at) return "failed";
  return kept ? "kept" : "queued";
}

/** Sends a failed mail again (a new job with a day of tries); false when the mail is not a failed one. */
export async function sendFailedMailAgain(outboxId: string): Promise<boolean> {
  const again = await db()
    .transaction()
    .execute(async (trx) => {
      const row = await trx
        .updateTable("email_outbox")
        .set({ failed_at: null })
        .where("id", "=", outboxId)
        .where("failed_at", "is not", null)
        .where("sent_at", "is", null)
        .returning("id")
        .executeTakeFirst();
      if (row) await enqueue(sendMailJob, { outboxId: row.id }, trx);
      return Boolean(row);
    });
  if (again) wakeWorker(sendMailJob);
  return again;
}

/** The public address of the app, for links in e-mails. */
export function publicUrl(request: Request): string {
  return (process.env.PUBLIC_URL ?? new URL(request.url).origin).replace(/\/$/, "");
}
