import { formatTimeSpan } from "../../../i18n/dates";
import { translator } from "../../../i18n/dictionaries.server";
import type { MessageKey } from "../../../i18n/i18n";
import { sendEmail } from "../../mail/email.server";
import { eventCalendarFile, type CalendarEvent } from "../event-calendar.server";

// The e-mails a registrant gets: registered, on the waiting list, moved up. Dutch, like the public pages;
// each carries the personal link, and (once there is a place) the calendar file.

export function registrationLink(origin: string, slug: string, token: string): string {
  return `${origin}/events/${encodeURIComponent(slug)}/registration/${token}`;
}

export function calendarAttachment(event: CalendarEvent, origin: string) {
  return {
    filename: `${event.slug}.ics`,
    contentType: "text/calendar; charset=utf-8",
    content: eventCalendarFile(event, origin),
  };
}

const mailKeys = {
  registered: ["eventPublic.mail.registered.subject", "eventPublic.mail.registered.body"],
  waiting: ["eventPublic.mail.waiting.subject", "eventPublic.mail.waiting.body"],
  movedUp: ["eventPublic.mail.movedUp.subject", "eventPublic.mail.movedUp.body"],
  reminder: ["eventPublic.mail.reminder.subject", "eventPublic.mail.reminder.body"],
} as const satisfies Record<string, [MessageKey, MessageKey]>;

export async function mailRegistrant(
  kind: keyof typeof mailKeys,
  event: CalendarEvent,
  person: { name: string; email: string },
  link: string,
  origin: string
) {
  const t = translator("nl");
  const [subject, body] = mailKeys[kind];
  await sendEmail({
    to: person.email,
    subject: t(subject, { title: event.title }),
    text: t(body, {
      name: person.name,
      title: event.title,
      when: formatTimeSpan(event.startsAt, event.endsAt, "nl"),
      place: event.place,
      address: event.address,
      link,
    }),
    attachments: kind === "waiting" ? [] : [calendarAttachment(event, origin)],
  });
}
