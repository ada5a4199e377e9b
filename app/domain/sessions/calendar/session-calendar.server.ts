import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import type { Language, Rsvp } from "../../../../db/schema";
import { translator } from "../../../i18n/dictionaries.server";

// Calendar files (RFC 5545) for intervision sessions, made by ical-generator: it folds long lines at 75
// octets, ends lines with CRLF and escapes text. Times are written in UTC, so no calendar has to know the
// rules of summer time in Amsterdam. An event never mentions the notes or the case bringer: a calendar
// file travels by e-mail and into shared agendas.

export type CalendarSession = {
  uid: string;
  sequence: number;
  title: string;
  methodName: string;
  place: string;
  videoUrl: string | null;
  startsAt: Date;
  endsAt: Date;
  status: "confirmed" | "cancelled";
  /** The session's page in the app. */
  url: string;
  updatedAt: Date;
};

export type Recipient = { name: string; email: string; rsvp: Rsvp };

const prodId = { company: "Leernetwerk", product: "Leernetwerk", language: "NL" };

/** The address messages come from: the organizer of what the app sends, so replies never reach a person by surprise. */
function senderAddress(): string {
  const from = process.env.MAIL_FROM ?? "";
  return from.match(/<([^>]+)>/)?.[1] ?? (from.includes("@") ? from.trim() : "noreply@leernetwerk.local");
}

const partStat: Record<Rsvp, ICalAttendeeStatus> = {
  pending: ICalAttendeeStatus.NEEDSACTION,
  yes: ICalAttendeeStatus.ACCEPTED,
  no: ICalAttendeeStatus.DECLINED,
};

function addEvent(
  calendar: ReturnType<typeof ical>,
  session: CalendarSession,
  language: Language,
  stamp: Date,
) {
  const t = translator(language);
  const description = [
    t("calendar.event.method", { method: session.methodName }),
    session.videoUrl ? t("calendar.event.video", { url: session.videoUrl }) : null,
    t("calendar.event.page", { url: session.url }),
  ].filter(Boolean);
  return calendar.createEvent({
    id: session.uid,
    sequence: session.sequence,
    stamp,
    start: session.startsAt,
    end: session.endsAt,
    summary: session.title,
    location: session.place || session.videoUrl || null,
    description: description.join("\n"),
    url: session.url,
    status: session.status === "cancelled" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
}

/**
 * What goes with an e-mail to one invitee: a scheduling message (iTIP) that asks their calendar to add or
 * update the event (METHOD:REQUEST), or to take it out (METHOD:CANCEL). Same UID every time, and a higher
 * SEQUENCE with every new time or a cancellation, so calendars replace the event instead of adding one.
 */
export function sessionMessageFile(
  method: "request" | "cancel",
  session: CalendarSession & { facilitatorName: string },
  recipient: Recipient,
  language: Language,
): string {
  const calendar = ical({
    prodId,
    method: method === "cancel" ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  const event = addEvent(calendar, method === "cancel" ? { ...session, status: "cancelled" } : session, language, new Date());
  event.organizer({ name: session.facilitatorName, email: senderAddress() });
  // RSVP=FALSE: coming or not is answered in the app, not by a reply from the calendar.
  event.createAttendee({
    name: recipient.name,
    email: recipient.email,
    rsvp: false,
    role: ICalAttendeeRole.REQ,
    status: method === "cancel" ? ICalAttendeeStatus.DECLINED : partStat[recipient.rsvp],
  });
  return withFinalLineBreak(calendar.toString());
}

/** A plain calendar file (no scheduling method): the download of one session, or a person's feed. */
export function sessionCalendarFile(sessions: CalendarSession[], language: Language, name?: string): string {
  const calendar = ical({ prodId, name: name ?? null });
  for (const session of sessions) addEvent(calendar, session, language, session.updatedAt);
  return withFinalLineBreak(calendar.toString());
}

/** RFC 5545 ends every content line with CRLF, the last one too; ical-generator leaves the last one open. */
function withFinalLineBreak(text: string): string {
  return text.endsWith("\r\n") ? text : `${text}\r\n`;
}
