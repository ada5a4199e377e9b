import { db } from "../../../db/db.server";
import type { Language, Rsvp } from "../../../db/schema";
import { formatTimeSpan } from "../../i18n/dates";
import { translator } from "../../i18n/dictionaries.server";
import type { MessageKey } from "../../i18n/i18n";
import type { Email } from "../mail/email.server";
import { calendarSession } from "./calendar/calendar-feed.server";
import { sessionMessageFile, type Recipient } from "./calendar/session-calendar.server";
import { methodName, personName, sessionColumns, sessionUrl, type SessionRow } from "./session-access.server";

// The e-mails about a session, one person at a time: the poll's invitation, and its time confirmed, moved or
// called off (with the calendar file attached: METHOD:REQUEST, or METHOD:CANCEL to take it out). Each in the
// recipient's own language. Who receives them, and whether by mail at all, is the notifications' decision
// (session-notices.server.ts); none of them carries anything of the session's notes.

export type MailPerson = { id: string; email: string; name: string; language: Language };
type MailContent = Pick<Email, "subject" | "text" | "attachments">;

export type Notice = "confirmed" | "rescheduled" | "cancelled";
export const notices: readonly Notice[] = ["confirmed", "rescheduled", "cancelled"];
const noticeKeys = {
  confirmed: { subject: "session.mail.confirmed.subject", body: "session.mail.confirmed.body" },
  rescheduled: { subject: "session.mail.rescheduled.subject", body: "session.mail.rescheduled.body" },
  cancelled: { subject: "session.mail.cancelled.subject", body: "session.mail.cancelled.body" },
} as const satisfies Record<Notice, { subject: MessageKey; body: MessageKey }>;

type SessionWithTeam = { session: SessionRow; team: { slug: string; name: string }; slotCount: number };

async function sessionWithTeam(sessionId: string): Promise<SessionWithTeam | undefined> {
  const row = await db()
    .selectFrom("intervision_session")
    .innerJoin("coalition", "coalition.id", "intervision_session.coalition_id")
    .where("intervision_session.id", "=", sessionId)
    .select(sessionColumns)
    .select(["coalition.slug as teamSlug", "coalition.name as teamName"])
    .select((eb) =>
      eb.selectFrom("session_slot").whereRef("session_slot.session_id", "=", "intervision_session.id").select(({ fn }) => fn.countAll<string>().as("n")).as("slotCount"),
    )
    .executeTakeFirst();
  if (!row) return undefined;
  const { teamSlug, teamName, slotCount, ...session } = row;
  return { session, team: { slug: teamSlug, name: teamName }, slotCount: Number(slotCount ?? 0) };
}

/** The invitation to answer the poll. */
function pollMail({ session, team, slotCount }: SessionWithTeam, person: MailPerson, facilitator: string, origin: string): MailContent {
  const t = translator(person.language);
  return {
    subject: t("session.mail.poll.subject", { title: session.title }),
    text: t("session.mail.poll.body", {
      name: person.name,
      facilitator,
      team: team.name,
      title: session.title,
      method: methodName(session.method, person.language),
      count: slotCount,
      link: sessionUrl(origin, team, session.id),
    }),
  };
}

/** The session's time, with the calendar file that puts it in (or takes it out of) the person's calendar. */
function noticeMail(notice: Notice, { session, team }: SessionWithTeam, person: MailPerson, rsvp: Rsvp, facilitatorName: string, origin: string): MailContent {
  const t = translator(person.language);
  const event = { ...calendarSession(session, team, origin, person.language), facilitatorName };
  const recipient: Recipient = { name: person.name, email: person.email, rsvp };
  const method = notice === "cancelled" ? "cancel" : "request";
  return {
    subject: t(noticeKeys[notice].subject, { title: session.title }),
    // Who said yes to the confirmed time comes already; only the others are asked.
    text: t(notice === "confirmed" && rsvp === "yes" ? "session.mail.confirmed.bodyComing" : noticeKeys[notice].body, {
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
  };
}

/** The reminder to those coming: time, place, and the case bringer's question to prepare, if any (never the notes). */
async function reminderMail({ session, team }: SessionWithTeam, person: MailPerson, origin: string): Promise<MailContent> {
  const t = translator(person.language);
  const event = calendarSession(session, team, origin, person.language);
  const { preparation_question: question } = await db()
    .selectFrom("intervision_session")
    .where("id", "=", session.id)
    .select("preparation_question")
    .executeTakeFirstOrThrow();
  const when = formatTimeSpan(event.startsAt, event.endsAt, person.language);
  const text = t("session.mail.reminder.body", {
    name: person.name,
    title: session.title,
    team: team.name,
    when,
    where: [session.place, session.videoUrl].filter(Boolean).join(" · "),
    method: event.methodName,
    link: event.url,
  });
  return {
    subject: t("session.mail.reminder.subject", { title: session.title, when }),
    text: question ? `${text}\n\n${t("session.mail.reminder.question", { question })}` : text,
  };
}

/** After the session: an invitation to write down what they take with them, in a reflection linked to it. */
function heldMail({ session, team }: SessionWithTeam, person: MailPerson, origin: string): MailContent {
  const t = translator(person.language);
  return {
    subject: t("session.mail.held.subject", { title: session.title }),
    text: t("session.mail.held.body", { name: person.name, title: session.title, link: `${origin}/teams/${team.slug}/reflections/new?session=${session.id}` }),
  };
}

/**
 * The mail about a session for one person: the poll's invitation (detail null), a notice or the reminder. Undefined when the
 * session is gone. The facilitator counts as coming.
 */
export async function sessionMail(sessionId: string, detail: string | null, person: MailPerson, origin: string): Promise<MailContent | undefined> {
  const found = await sessionWithTeam(sessionId);
  if (!found) return undefined;
  const facilitator = await personName(found.session.facilitatorId);
  if (detail === "reminder") return reminderMail(found, person, origin);
  if (detail === "held") return heldMail(found, person, origin);
  const notice = notices.find((n) => n === detail);
  if (!notice) return pollMail(found, person, facilitator, origin);
  const invitation = await db()
    .selectFrom("session_invitee")
    .where("session_id", "=", sessionId)
    .where("person_id", "=", person.id)
    .select("rsvp")
    .executeTakeFirst();
  const rsvp: Rsvp = found.session.facilitatorId === person.id ? "yes" : (invitation?.rsvp ?? "pending");
  return noticeMail(notice, found, person, rsvp, facilitator, origin);
}
