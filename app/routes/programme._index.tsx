import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/permissions.server";
import { programmeDashboard } from "~/domain/programme/programme-dashboard.server";
import { useT } from "~/ui/i18n";
import { ActivityCards, EngagementTable, MilestoneFigures, PeopleTable } from "~/ui/programme/CoalitionFigures";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json(await programmeDashboard(user));
}

export default function Programme() {
  const t = useT();
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
                <Link to="/programme/questions">{t("questions.programme.nav")}</Link>
              </li>
              <li>
                <Link to="/programme/digest">{t("digest.nav")}</Link>
              </li>
              <li>
                <Link to="/programme/events">{t("event.list.programmeTitle")}</Link>
              </li>
              <li>
                <Link to="/programme/agreements">{t("joining.programme.nav")}</Link>
              </li>
              <li>
                <Link to="/programme/publications">{t("publications.nav")}</Link>
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

      <PeopleTable coalitions={coalitions} />
      <EngagementTable coalitions={coalitions} />
      {programmeEvents.held > 0 ? (
        <p>
          {t("programme.dashboard.programmeEvents", {
            held: programmeEvents.held,
            attendance: t("count.registrations", { count: programmeEvents.attendance }),
          })}
        </p>
      ) : null}

      <h2>{t("programme.dashboard.milestones")}</h2>
      <MilestoneFigures coalitions={coalitions} readsContent={readsContent} />

      <h2>{t("programme.dashboard.activity")}</h2>
      <p className="muted">{t("programme.dashboard.activityIntro")}</p>
      <ActivityCards coalitions={coalitions} peak={peak} readsContent={readsContent} />
    </section>
  );
}
