import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";
import type { EventListItem } from "../../domain/events/events.server";
import { formatTimeSpan } from "../../i18n/dates";
import { useLocale, useT } from "../i18n";

type ListItem = SerializeFrom<EventListItem>;

/** The team's (or the programme's) events, coming and past, each to its public page and, for organisers, its own page. */
export function EventAgenda({
  coming,
  past,
  organiserBase,
  canOrganise,
}: {
  coming: ListItem[];
  past: ListItem[];
  organiserBase: string;
  canOrganise: boolean;
}) {
  const t = useT();
  return (
    <>
      {canOrganise ? (
        <p className="actions">
          <Link className="button button-primary" to={`${organiserBase}/new`}>
            {t("event.list.new")}
          </Link>
        </p>
      ) : null}
      <h2 id="coming">{t("event.list.coming")}</h2>
      {coming.length === 0 ? (
        <p className="muted">{t(canOrganise ? "event.list.noneComing" : "event.list.noneComingReader")}</p>
      ) : (
        <EventItems items={coming} labelledBy="coming" organiserBase={canOrganise ? organiserBase : null} />
      )}
      <h2 id="past">{t("event.list.past")}</h2>
      {past.length === 0 ? (
        <p className="muted">{t("event.list.nonePast")}</p>
      ) : (
        <EventItems items={past} labelledBy="past" organiserBase={canOrganise ? organiserBase : null} />
      )}
    </>
  );
}

function EventItems({ items, labelledBy, organiserBase }: { items: ListItem[]; labelledBy: string; organiserBase: string | null }) {
  const t = useT();
  const locale = useLocale();
  return (
    <ul className="plain-list" aria-labelledby={labelledBy}>
      {items.map((item) => (
        <li key={item.id} className="log-item">
          <h3>
            <Link to={`/events/${item.slug}`}>{item.title}</Link>
          </h3>
          <p className="meta">
            <span>{formatTimeSpan(item.startsAt, item.endsAt, locale)}</span>
            <span>{item.place}</span>
            <span className="badge">{t(`event.audience.${item.audience}`)}</span>
            <span>{t("event.list.places", { registered: item.registered, capacity: item.capacity })}</span>
          </p>
          {organiserBase ? (
            <p>
              <Link to={`${organiserBase}/${item.id}`} aria-label={`${t("event.list.organise")}: ${item.title}`}>
                {t("event.list.organise")}
              </Link>
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
