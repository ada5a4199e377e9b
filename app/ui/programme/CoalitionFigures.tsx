import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";
import type { programmeDashboard } from "~/domain/programme/programme-dashboard.server";
import { perspectives } from "~/domain/vocabulary";
import { formatDate } from "~/i18n/dates";
import { ActivityChart } from "../ActivityChart";
import { useLocale, useT } from "../i18n";

export type DashboardCoalition = SerializeFrom<Awaited<ReturnType<typeof programmeDashboard>>>["coalitions"][number];

const milestoneFigures = ["achieved", "inProgress", "adjusted", "overdue"] as const;

// The dashboard's tables compare coalitions figure by figure; each is narrow enough for a laptop and turns
// into one card per coalition on a phone (.stack-table).

/** Who takes part: members per perspective, and the partner organisations. */
export function PeopleTable({ coalitions }: { coalitions: DashboardCoalition[] }) {
  const t = useT();
  return (
    <table className="stack-table">
      <caption>{t("programme.perspective")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("programme.coalition")}</th>
          <th scope="col">{t("programme.place")}</th>
          {perspectives.map((p) => (
            <th scope="col" key={p} className="figure">
              {t(`perspective.${p}`)}
            </th>
          ))}
          <th scope="col" className="figure">
            {t("programme.total")}
          </th>
          <th scope="col">{t("programme.partners")}</th>
        </tr>
      </thead>
      <tbody>
        {coalitions.map((c) => (
          <tr key={c.id}>
            <th scope="row">
              <Link to={`/teams/${c.slug}`}>{c.name}</Link>
            </th>
            <td data-label={t("programme.place")}>{c.place}</td>
            {c.byPerspective.map((p) => (
              <td key={p.perspective} data-label={t(`perspective.${p.perspective}`)} className="figure">
                {p.members}
              </td>
            ))}
            <td data-label={t("programme.total")} className="figure">
              {c.members}
            </td>
            <td data-label={t("programme.partners")}>
              <ul className="plain-list">
                {c.partners.map((partner) => (
                  <li key={partner}>{partner}</li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** When each coalition last wrote something, and the events it held. */
export function EngagementTable({ coalitions }: { coalitions: DashboardCoalition[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <table className="stack-table">
      <caption>{t("programme.dashboard.engagement")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("programme.coalition")}</th>
          <th scope="col">{t("programme.dashboard.lastActivity")}</th>
          <th scope="col" className="figure">
            {t("programme.dashboard.eventsHeld")}
          </th>
          <th scope="col" className="figure">
            {t("programme.dashboard.attendance")}
          </th>
        </tr>
      </thead>
      <tbody>
        {coalitions.map((c) => (
          <tr key={c.id}>
            <th scope="row">{c.name}</th>
            <td data-label={t("programme.dashboard.lastActivity")}>
              {c.lastActivity ? (
                <time dateTime={c.lastActivity}>{formatDate(c.lastActivity, locale)}</time>
              ) : (
                t("programme.dashboard.never")
              )}
            </td>
            <td data-label={t("programme.dashboard.eventsHeld")} className="figure">
              {c.events.held}
            </td>
            <td data-label={t("programme.dashboard.attendance")} className="figure">
              {c.events.attendance}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Milestones per coalition as they stand today; the funder follows a name to that coalition's list. */
export function MilestoneFigures({ coalitions, readsContent }: { coalitions: DashboardCoalition[]; readsContent: boolean }) {
  const t = useT();
  return (
    <table className="stack-table">
      <caption>{t("programme.dashboard.milestonesCaption")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("programme.coalition")}</th>
          {milestoneFigures.map((figure) => (
            <th scope="col" key={figure} className="figure">
              {t(`programme.dashboard.${figure}`)}
            </th>
          ))}
          <th scope="col" className="figure">
            {t("programme.total")}
          </th>
        </tr>
      </thead>
      <tbody>
        {coalitions.map((c) => (
          <tr key={c.id}>
            <th scope="row">
              {readsContent ? (
                <Link
                  to={`/programme/milestones?coalition=${c.slug}`}
                  aria-label={t("programme.dashboard.milestonesLink", { name: c.name })}
                >
                  {c.name}
                </Link>
              ) : (
                c.name
              )}
            </th>
            {milestoneFigures.map((figure) => (
              <td key={figure} data-label={t(`programme.dashboard.${figure}`)} className="figure">
                {c.milestones[figure]}
              </td>
            ))}
            <td data-label={t("programme.total")} className="figure">
              {c.milestones.total}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One card per coalition: its activity chart, what each perspective wrote and (for the funder) its latest lessons. */
export function ActivityCards({
  coalitions,
  peak,
  readsContent,
}: {
  coalitions: DashboardCoalition[];
  peak: number;
  readsContent: boolean;
}) {
  const t = useT();
  return (
    <ul className="cards activity-cards">
      {coalitions.map((c) => (
        <li className="card" key={c.id}>
          <h3>{c.name}</h3>
          <ActivityChart activity={c.activity} peak={peak} caption={t("programme.dashboard.activityCaption", { name: c.name })} />
          <h4>{t("programme.dashboard.byPerspective")}</h4>
          <ul className="plain-list">
            {c.byPerspective.map((p) => (
              <li key={p.perspective}>
                {p.contributions === null
                  ? t("programme.dashboard.tooFew", { perspective: t(`perspective.${p.perspective}`) })
                  : t("programme.dashboard.byPerspectiveFigure", {
                      perspective: t(`perspective.${p.perspective}`),
                      count: p.contributions,
                    })}
              </li>
            ))}
          </ul>
          {readsContent ? (
            <>
              <h4>{t("programme.dashboard.latestLessons")}</h4>
              {c.latestLessons.length > 0 ? (
                <ul>
                  {c.latestLessons.map((lesson) => (
                    <li key={lesson.id}>
                      <Link to={lesson.href}>{lesson.statement}</Link>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted">{t("programme.dashboard.noLessons")}</p>
              )}
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
