import { Link } from "@remix-run/react";
import { formatTimeSpan } from "~/i18n/dates";
import { useLocale, useT } from "../i18n";

export type OpenCoalitionView = {
  slug: string;
  name: string;
  place: string;
  description: string;
  partners: string[];
  agreementPublished: boolean;
  events: { slug: string; title: string; place: string; startsAt: string; endsAt: string }[];
};

/** One coalition on /open: what it published itself, and the way to ask to come and see it. */
export function OpenCoalition({ coalition }: { coalition: OpenCoalitionView }) {
  const t = useT();
  const locale = useLocale();
  const heading = `coalition-${coalition.slug}`;
  return (
    <section className="card open-coalition" aria-labelledby={heading}>
      <h3 id={heading}>{coalition.name}</h3>
      <p className="muted">{coalition.place}</p>
      {coalition.description ? <p>{coalition.description}</p> : null}
      <h4>{t("open.partners")}</h4>
      {coalition.partners.length > 0 ? (
        <ul>
          {coalition.partners.map((partner) => (
            <li key={partner}>{partner}</li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("open.noPartners")}</p>
      )}
      {coalition.agreementPublished ? (
        <p>
          <Link to={`/agreements/${coalition.slug}`}>{t("open.agreement")}</Link>
        </p>
      ) : null}
      <h4>{t("open.events")}</h4>
      {coalition.events.length > 0 ? (
        <ul>
          {coalition.events.map((event) => (
            <li key={event.slug}>
              <Link to={`/events/${event.slug}`}>{event.title}</Link>
              <br />
              <span className="muted">
                {formatTimeSpan(event.startsAt, event.endsAt, locale)} · {event.place}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("open.noEvents")}</p>
      )}
      <p>
        <Link className="button button-secondary" to={`/open/${coalition.slug}/visit`}>
          {t("open.visit", { name: coalition.name })}
        </Link>
      </p>
    </section>
  );
}
