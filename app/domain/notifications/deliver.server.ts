import { db } from "../../../db/db.server";
import type { Language } from "../../../db/schema";
import { usersByIds } from "../../auth/permissions.server";
import { translator } from "../../i18n/dictionaries.server";
import { sendEmail, type Email } from "../mail/email.server";
import { sessionMail } from "../sessions/session-mail.server";
import { currentItems, itemKey } from "./items.server";
import { notificationLine } from "./notifications.server";
import type { NotificationKind } from "./notification-kinds";
import { unsubscribeUrl } from "./preferences.server";

// "E-mail at once": one notification, one mail. It needs only the notification's id, so a job queue can run it
// later: whatever happened meanwhile (the item made private, moved or deleted, the account switched off) is
// asked again here, and the mail is then not sent.

export function mailOrigin(): string {
  return (process.env.PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, "");
}

export async function deliverNotification(id: string, origin = mailOrigin()): Promise<void> {
  const row = await db()
    .selectFrom("notification")
    .leftJoin("person as actor", "actor.id", "notification.actor_id")
    .where("notification.id", "=", id)
    .where("notification.delivery", "=", "email")
    .where("notification.mailed_at", "is", null)
    .select(["notification.recipient_id", "notification.kind", "notification.item_type", "notification.item_id", "notification.detail", "actor.name as actorName"])
    .executeTakeFirst();
  if (!row) return;
  const [person] = await usersByIds([row.recipient_id]);
  const item = { type: row.item_type, id: row.item_id };
  const facts = person && (await currentItems([item], [person.id])).get(itemKey(item));
  if (!person || !facts || !facts.visibleTo(person, row.kind)) return;
  // Claimed before sending: however often this runs, the mail goes out once.
  const claimed = await db()
    .updateTable("notification")
    .set({ mailed_at: new Date() })
    .where("id", "=", id)
    .where("mailed_at", "is", null)
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) return;

  // A session's poll and its time have mails of their own (with the calendar file); the rest says its one line.
  const content =
    facts.type === "session" && (row.kind === "poll" || row.kind === "session")
      ? await sessionMail(facts.id, row.detail, person, origin)
      : lineMail(person, { ...row, title: facts.title }, origin + facts.path);
  if (content) await sendNotificationMail(person, row.kind, content, origin);
}

function lineMail(person: { name: string; language: Language }, n: Parameters<typeof notificationLine>[1], link: string) {
  const t = translator(person.language);
  const line = notificationLine(t, n);
  return { subject: line, text: t("notificationMail.body", { name: person.name, line, link }) };
}

/**
 * Sends a mail of this kind with what every notification mail carries: a one-click unsubscribe for the kind
 * (RFC 8058: the headers, and the link in the text) and a link to the person's settings.
 */
export async function sendNotificationMail(
  person: { id: string; email: string; language: Language },
  kind: NotificationKind,
  content: Pick<Email, "subject" | "text" | "attachments">,
  origin = mailOrigin(),
): Promise<void> {
  const t = translator(person.language);
  const unsubscribe = await unsubscribeUrl(person.id, kind, origin);
  await sendEmail({
    ...content,
    to: person.email,
    text: `${content.text}\n\n${t("notificationMail.footer", { unsubscribe, settings: `${origin}/settings/notifications` })}`,
    headers: { "List-Unsubscribe": `<${unsubscribe}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  });
}
