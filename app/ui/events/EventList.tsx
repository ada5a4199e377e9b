import { Link } from "@remix-run/react";
import type { EventAudience } from "../../../db/schema";
import { formatTimeSpan } from "../../i18n/dates";
import { useLocale, useT } from "../i18n";

/** An event as a list shows it, as it arrives in the browser (dates as strings). */
export type EventListItem = {
  id: string;
  slug: string;
  title: string;
  place: string;
  startsAt: string;
  endsAt: string;
  registered: number;
  /** On lists across teams: who holds it (null: the whole programme). */
  coalitionName?: string | null;
  /** On the organisers' lists: who may come and how many places there are. */
  audience?: EventAudience;
  capacity?: number;
};

/**
 * The one list of events: each to its public page, with when and where. Lists across teams say who holds
 * it; the organisers' lists add the audience, the places taken and, with organiserBase, a link to organise it.
 */
export function EventList({
  events,
  empty,
  labelledBy,
  heading = "h3",
  organiserBase = null,
}: {
  events: EventListItem[];
  empty: string;
  labelledBy?: string;
  heading?: "h3" | "h4";
  organiserBase?: string | null;
}) {
  const t = useT();
  const locale = useLocale();
  const Heading = heading;
  if (events.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="plain-list" aria-labelledby={labelledBy}>
      {events.map((event) => (
        <li key={event.id} className="log-item">
          <Heading>
            <Link to={`/events/${event.slug}`}>{event.title}</Link>
          </Heading>
          <p className="meta">
            <span>{formatTimeSpan(event.startsAt, event.endsAt, locale)}</span>
            <span>{event.place}</span>
            {event.coalitionName !== undefined ? <span>{event.coalitionName ?? t("network.events.programmeWide")}</span> : null}
            {event.audience ? <span className="badge">{t(`event.audience.${event.audience}`)}</span> : null}
            {event.capacity !== undefined ? (
              <span>{t("event.list.places", { registered: event.registered, capacity: event.capacity })}</span>
            ) : null}
          </p>
          {organiserBase ? (
            <p>
              <Link to={`${organiserBase}/${event.id}`} aria-label={`${t("event.list.organise")}: ${event.title}`}>
                {t("event.list.organise")}
              </Link>
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
