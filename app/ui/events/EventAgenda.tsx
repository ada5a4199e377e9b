import { Link } from "@remix-run/react";
import { useT } from "../i18n";
import { EventList, type EventListItem } from "./EventList";

/** The team's (or the programme's) events, coming and past, each to its public page and, for organisers, its own page. */
export function EventAgenda({
  coming,
  past,
  organiserBase,
  canOrganise,
}: {
  coming: EventListItem[];
  past: EventListItem[];
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
      <EventList
        events={coming}
        empty={t(canOrganise ? "event.list.noneComing" : "event.list.noneComingReader")}
        labelledBy="coming"
        organiserBase={canOrganise ? organiserBase : null}
      />
      <h2 id="past">{t("event.list.past")}</h2>
      <EventList events={past} empty={t("event.list.nonePast")} labelledBy="past" organiserBase={canOrganise ? organiserBase : null} />
    </>
  );
}
