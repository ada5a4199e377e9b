import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/permissions.server";
import { programmeDashboard } from "~/domain/programme-dashboard.server";
import { perspectives } from "~/domain/vocabulary";
import { formatDate } from "~/i18n/dates";
import { ActivityChart } from "~/ui/ActivityChart";
import { useLocale, useT } from "~/ui/i18n";
import { TableScroll } from "~/ui/TableScroll";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json(await programmeDashboard(user));
}

const milestoneFigures = ["achieved", "inProgress", "adjusted", "overdue"] as const;

export default function Programme() {
  const t = useT();
  const locale = useLocale();
  const { coalitions, peak, readsContent, programmeEvents } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>{t("programme.title")}</h1>
      <p className="lead">{t("programme.intro")}</p>
      {readsContent ? null : <p>{t("programme.dashboard.adminNote")}</p>}
      <nav aria-label={t("programme.nav.label")}>
        <ul className="inline-list">
          <li>
            <Link to="/programme/themes">{t("programme.nav.themes")}</Link>
          </li>
          {readsContent ? (
            <>
              <li>
                <Link to="/programme/compare">{t("programme.nav.compare")}</Link>
              </li>
              <li>
                <Link to="/programme/milestones">{t("programmeMilestones.nav")}</Link>
              </li>
              <li>
                <Link to="/programme/digest">{t("digest.nav")}</Link>
              </li>
              <li>
                <Link to="/programme/events">{t("event.list.programmeTitle")}</Link>
              </li>
              <li>
                <a href="/programme/export/lessons.csv" download>
                  {t("programme.nav.exportLessons")}
                </a>
              </li>
              <li>
                <a href="/programme/export/milestones.csv" download>
                  {t("programme.nav.exportMilestones")}
                </a>
              </li>
              <li>
                <a href="/programme/export/activity.csv" download>
                  {t("programme.nav.exportActivity")}
                </a>
              </li>
            </>
          ) : null}
        </ul>
      </nav>

      <TableScroll label={t("programme.perspective")}>
        <table>
          <caption className="muted">{t("programme.perspective")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("programme.coalition")}</th>
              <th scope="col">{t("programme.place")}</th>
              {perspectives.map((p) => (
                <th scope="col" key={p}>
                  {t(`perspective.${p}`)}
                </th>
              ))}
              <th scope="col">{t("programme.total")}</th>
              <th scope="col">{t("programme.dashboard.eventsHeld")}</th>
              <th scope="col">{t("programme.dashboard.attendance")}</th>
              <th scope="col">{t("programme.dashboard.lastActivity")}</th>
              <th scope="col">{t("programme.partners")}</th>
            </tr>
          </thead>
          <tbody>
            {coalitions.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  <Link to={`/teams/${c.slug}`}>{c.name}</Link>
                </th>
                <td>{c.place}</td>
                {c.byPerspective.map((p) => (
                  <td key={p.perspective}>{p.members}</td>
                ))}
                <td>{c.members}</td>
                <td>{c.events.held}</td>
                <td>{c.events.attendance}</td>
                <td>
                  {c.lastActivity ? (
                    <time dateTime={c.lastActivity}>{formatDate(c.lastActivity, locale)}</time>
                  ) : (
                    t("programme.dashboard.never")
                  )}
                </td>
                <td>{c.partners.join(", ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>

      {programmeEvents.held > 0 ? (
        <p>
          {t("programme.dashboard.programmeEvents", {
            held: programmeEvents.held,
            attendance: t("count.registrations", { count: programmeEvents.attendance }),
          })}
        </p>
      ) : null}

      <h2>{t("programme.dashboard.milestones")}</h2>
      <TableScroll label={t("programme.dashboard.milestonesCaption")}>
        <table>
          <caption className="muted">{t("programme.dashboard.milestonesCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("programme.coalition")}</th>
              {milestoneFigures.map((figure) => (
                <th scope="col" key={figure}>
                  {t(`programme.dashboard.${figure}`)}
                </th>
              ))}
              <th scope="col">{t("programme.total")}</th>
            </tr>
          </thead>
          <tbody>
            {coalitions.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  {readsContent ? (
                    <Link to={`/programme/milestones?coalition=${c.slug}`} aria-label={t("programme.dashboard.milestonesLink", { name: c.name })}>
                      {c.name}
                    </Link>
                  ) : (
                    c.name
                  )}
                </th>
                {milestoneFigures.map((figure) => (
                  <td key={figure}>{c.milestones[figure]}</td>
                ))}
                <td>{c.milestones.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>

      <h2>{t("programme.dashboard.activity")}</h2>
      <p className="muted">{t("programme.dashboard.activityIntro")}</p>
      <ul className="cards">
        {coalitions.map((c) => (
          <li className="card" key={c.id}>
            <h3>{c.name}</h3>
            <p>
              {t("programme.dashboard.totals", {
                reflections: t("count.reflections", { count: c.totals.reflections }),
                sessions: t("count.intervisions", { count: c.totals.sessions }),
                lessons: t("count.lessons", { count: c.totals.lessons }),
              })}
            </p>
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
    </section>
  );
}
