import { db } from "../../../db/db.server";
import type { Language, Rsvp } from "../../../db/schema";
import type { Team, User } from "../../auth/permissions.server";
import { formatTimeSpan } from "../../i18n/dates";
import { translator } from "../../i18n/dictionaries.server";
import type { MessageKey } from "../../i18n/i18n";
import { sendEmail } from "../mail/email.server";
import { calendarSession } from "./calendar/calendar-feed.server";
import { sessionMessageFile, type Recipient } from "./calendar/session-calendar.server";
import { methodName, personName, sessionUrl, type SessionRow } from "./session-access.server";

// The e-mails about a session: the poll's invitation, and its time confirmed, moved or called off (with the
// calendar file attached). Each goes out in the recipient's own language.

type MailPerson = { id: string; email: string; name: string; language: Language; rsvp: Rsvp };

/** Everyone a message about the session goes to: the invitees with an active account, and its facilitator. */
async function peopleOf(session: Pick<SessionRow, "id" | "facilitatorId">): Promise<MailPerson[]> {
  const invitees = await db()
    .selectFrom("session_invitee")
    .innerJoin("person", "person.id", "session_invitee.person_id")
    .where("session_invitee.session_id", "=", session.id)
    .where("person.deactivated_at", "is", null)
    .select(["person.id", "person.email", "person.name", "person.language", "session_invitee.rsvp"])
    .execute();
  if (invitees.some((invitee) => invitee.id === session.facilitatorId)) return invitees;
  const facilitator = await db()
    .selectFrom("person")
    .where("id", "=", session.facilitatorId)
    .where("deactivated_at", "is", null)
    .select(["id", "email", "name", "language"])
    .executeTakeFirst();
  return facilitator ? [...invitees, { ...facilitator, rsvp: "yes" as const }] : invitees;
}

/** Asks everyone invited to a new session, but the facilitator who made it, to answer the poll. */
export async function askToAnswerPoll(
  user: User,
  team: Team,
  session: { id: string; title: string; method: string; slotCount: number },
  origin: string,
): Promise<void> {
  const link = sessionUrl(origin, team, session.id);
  for (const person of await peopleOf({ id: session.id, facilitatorId: user.id })) {
    if (person.id === user.id) continue;
    const t = translator(person.language);
    await sendEmail({
      to: person.email,
      subject: t("session.mail.poll.subject", { title: session.title }),
      text: t("session.mail.poll.body", {
        name: person.name,
        facilitator: user.name,
        team: team.name,
        title: session.title,
        method: methodName(session.method, person.language),
        count: session.slotCount,
        link,
      }),
    });
  }
}

export type Notice = "confirmed" | "rescheduled" | "cancelled";
const noticeKeys = {
  confirmed: { subject: "session.mail.confirmed.subject", body: "session.mail.confirmed.body" },
  rescheduled: { subject: "session.mail.rescheduled.subject", body: "session.mail.rescheduled.body" },
  cancelled: { subject: "session.mail.cancelled.subject", body: "session.mail.cancelled.body" },
} as const satisfies Record<Notice, { subject: MessageKey; body: MessageKey }>;

/** Tells everyone in the session about its time, each in their own language, with the calendar file attached. */
export async function notifyWithCalendar(notice: Notice, session: SessionRow, team: Team, origin: string): Promise<void> {
  const facilitatorName = await personName(session.facilitatorId);
  for (const person of await peopleOf(session)) {
    const t = translator(person.language);
    const event = { ...calendarSession(session, team, origin, person.language), facilitatorName };
    const recipient: Recipient = { name: person.name, email: person.email, rsvp: person.rsvp };
    const method = notice === "cancelled" ? "cancel" : "request";
    await sendEmail({
      to: person.email,
      subject: t(noticeKeys[notice].subject, { title: session.title }),
      // Who said yes to the confirmed time comes already; only the others are asked.
      text: t(notice === "confirmed" && person.rsvp === "yes" ? "session.mail.confirmed.bodyComing" : noticeKeys[notice].body, {
        name: person.name,
        title: session.title,
        team: team.name,
        when: formatTimeSpan(event.startsAt, event.endsAt, person.language),
        where: [session.place, session.videoUrl].filter(Boolean).join(" · "),
        method: event.methodName,
        link: event.url,
      }),
      attachments: [
        {
          filename: notice === "cancelled" ? "intervisie-geannuleerd.ics" : "intervisie.ics",
          contentType: `text/calendar; charset=utf-8; method=${method.toUpperCase()}`,
          content: sessionMessageFile(method, event, recipient, person.language),
        },
      ],
    });
  }
}
