import { Link } from "@remix-run/react";
import { formatTimeSpan } from "~/i18n/dates";
import { useLocale, useT } from "../i18n";

export type EventListItem = {
  id: string;
  slug: string;
  title: string;
  place: string;
  startsAt: string;
  endsAt: string;
  coalitionName: string | null;
  registered: number;
};

/** Events as a short list: title linking to the event's page, when, where and by whom. */
export function EventList({ events, empty }: { events: EventListItem[]; empty: string }) {
  const t = useT();
  const locale = useLocale();
  if (events.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="plain-list">
      {events.map((event) => (
        <li key={event.id}>
          <Link to={`/events/${event.slug}`}>{event.title}</Link>
          <span className="muted">
            {" · "}
            {formatTimeSpan(event.startsAt, event.endsAt, locale)} · {event.place} · {event.coalitionName ?? t("network.events.programmeWide")}
          </span>
        </li>
      ))}
    </ul>
  );
}
