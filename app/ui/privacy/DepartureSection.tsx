import { Form, Link } from "@remix-run/react";
import { formatDate } from "../../i18n/dates";
import { SubmitButton } from "../Button";
import { useLocale, useT } from "../i18n";

export type OpenDeparture = { id: string; coalitionName: string; leftAt: string; finalAt: string };

/** On /settings/data: leave a coalition, delete the account, or come back to a coalition one left. */
export function DepartureSection({
  teams,
  open,
}: {
  teams: { slug: string; name: string }[];
  open: OpenDeparture[];
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <section className="stack" aria-labelledby="departures-title">
      <h2 id="departures-title">{t("departures.section.title")}</h2>
      <p>{t("departures.section.intro")}</p>
      {open.length ? (
        <>
          <h3>{t("departures.open.title")}</h3>
          <ul className="plain-list">
            {open.map((departure) => (
              <li key={departure.id} className="stack">
                <p>
                  {t("departures.open.item", {
                    team: departure.coalitionName,
                    date: formatDate(departure.leftAt, locale),
                    until: formatDate(departure.finalAt, locale),
                  })}
                </p>
                <Form method="post" action={`/settings/return/${departure.id}`}>
                  <SubmitButton variant="secondary">{t("departures.open.return", { team: departure.coalitionName })}</SubmitButton>
                </Form>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <ul className="plain-list">
        {teams.map((team) => (
          <li key={team.slug}>
            <Link to={`/settings/leave/${team.slug}`}>{t("departures.leaveLink", { team: team.name })}</Link>
          </li>
        ))}
        <li>
          <Link to="/settings/delete">{t("departures.deleteLink")}</Link>
        </li>
      </ul>
    </section>
  );
}
