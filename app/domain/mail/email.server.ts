import nodemailer, { type Transporter } from "nodemailer";
import { db } from "../../../db/db.server";
import type { EmailAttachment } from "../../../db/schema";

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
 * Every message goes through the outbox table first, so nothing is lost when the mail server is down.
 * With SMTP_URL it is sent at once; otherwise it is written to the server log.
 */
export async function sendEmail(email: Email): Promise<void> {
  const row = await db()
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
  if (mailStaysInOutbox()) {
    console.log(`[mail] to ${email.to}: ${email.subject}\n${email.text}`);
    return;
  }
  try {
    await transport().sendMail({ from: process.env.MAIL_FROM ?? "Leernetwerk <noreply@leernetwerk.local>", ...email });
    await db().updateTable("email_outbox").set({ sent_at: new Date(), attempts: 1 }).where("id", "=", row.id).execute();
  } catch (error) {
    await db()
      .updateTable("email_outbox")
      .set({ attempts: 1, last_error: String(error) })
      .where("id", "=", row.id)
      .execute();
    console.error("[mail] sending failed; the message stays in the outbox", error);
  }
}

let cached: { url: string; transport: Transporter } | undefined;
function transport(): Transporter {
  const url = process.env.SMTP_URL ?? "";
  if (cached?.url !== url) cached = { url, transport: nodemailer.createTransport(url) };
  return cached.transport;
}

export function listOutbox(limit = 100) {
  return db()
    .selectFrom("email_outbox")
    .select(["id", "to_address", "subject", "body_text", "created_at", "sent_at", "attachments"])
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}

/** The public address of the app, for links in e-mails. */
export function publicUrl(request: Request): string {
  return (process.env.PUBLIC_URL ?? new URL(request.url).origin).replace(/\/$/, "");
}
