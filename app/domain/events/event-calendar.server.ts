import ical, { ICalEventStatus } from "ical-generator";
import type { Language } from "../../../db/schema";
import { amsterdamDayAndTime } from "../../i18n/dates";
import { translator } from "../../i18n/dictionaries.server";

// The calendar file of a network event, made by ical-generator like the intervision files: UTC times,
// CRLF, folded lines. The same file is the download on the event page and the attachment of the e-mails.
// Its description carries the programme (times on the clock in Amsterdam) and the address, so it reads
// well in a calendar app without the event page at hand.

const prodId = { company: "Leernetwerk", product: "Leernetwerk", language: "NL" };

export type CalendarEvent = {
  slug: string;
  title: string;
  descriptionText: string;
  place: string;
  address: string;
  startsAt: Date;
  endsAt: Date;
  icalUid: string;
  icalSequence: number;
  programme: { startsAt: Date; title: string }[];
};

export function eventPageUrl(origin: string, slug: string): string {
  return `${origin}/events/${encodeURIComponent(slug)}`;
}

export function eventCalendarFile(event: CalendarEvent, origin: string, language: Language = "nl"): string {
  const t = translator(language);
  const url = eventPageUrl(origin, event.slug);
  const description = [
    event.descriptionText.trim(),
    event.programme.length
      ? [
          t("eventPublic.ics.programme"),
          ...event.programme.map((item) => `${amsterdamDayAndTime(item.startsAt).time} ${item.title}`),
        ].join("\n")
      : null,
    t("eventPublic.ics.address", { address: `${event.place}, ${event.address}` }),
    t("eventPublic.ics.page", { url }),
  ].filter(Boolean);
  const calendar = ical({ prodId, name: event.title });
  calendar.createEvent({
    id: event.icalUid,
    sequence: event.icalSequence,
    stamp: new Date(),
    start: event.startsAt,
    end: event.endsAt,
    summary: event.title,
    location: `${event.place}, ${event.address}`,
    description: description.join("\n\n"),
    url,
    status: ICalEventStatus.CONFIRMED,
  });
  const text = calendar.toString();
  // RFC 5545 ends every content line with CRLF, the last one too; ical-generator leaves the last one open.
  return text.endsWith("\r\n") ? text : `${text}\r\n`;
}
