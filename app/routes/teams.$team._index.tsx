import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { membershipIn, requireTeamReader, requireUser } from "~/auth/permissions.server";
import { membersByPerspective } from "~/domain/coalitions/coalitions.server";
import { teamHomePage } from "~/domain/coalitions/team-home.server";
import { formatDay } from "~/i18n/dates";
import { DemoNotice } from "~/ui/DemoNotice";
import { useLocale, useT } from "~/ui/i18n";
import { Activity } from "~/ui/team/Activity";
import { MembersByPerspective } from "~/ui/team/Members";
import { Waiting } from "~/ui/team/Waiting";
import type { loader as teamFrameLoader } from "./teams.$team";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.team.name ?? ""} · Leernetwerk` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const team = await requireTeamReader(user, params.team);
  const { partners, members, home, demo } = await teamHomePage(user, team);
  return json({
    team,
    partners,
    groups: membersByPerspective(members),
    role: membershipIn(user, team.id)?.role ?? null,
    home,
    demo,
  });
}

export default function TeamHome() {
  const t = useT();
  const locale = useLocale();
  const { team, partners, groups, role, home, demo } = useLoaderData<typeof loader>();
  // What waits for the person is the coalition frame's (teams.$team.tsx), which counts it for the navigation.
  const waiting = useRouteLoaderData<typeof teamFrameLoader>("routes/teams.$team")?.waiting ?? [];
  return (
    <section>
      <h1>{team.name}</h1>
      <p className="lead">
        {team.place}
        {role ? ` · ${t("team.yourRole", { role: t(`role.${role}`) })}` : null}
      </p>
      {team.description ? <p>{team.description}</p> : null}
      {demo ? <DemoNotice /> : null}
      {role === "facilitator" ? (
        <p>
          <Link to={`/teams/${team.slug}/members`} className="button button-secondary">
            {t("team.manageMembers")}
          </Link>{" "}
          <Link to={`/teams/${team.slug}/visits`}>{t("visits.link")}</Link>
        </p>
      ) : null}
      {home?.firstStep ? (
        <section className="card first-step" aria-labelledby="first-step">
          <h2 id="first-step">{t("team.firstStep.title")}</h2>
          <p>{t("team.firstStep.body")}</p>
          <p>
            <Link className="button button-primary" to="reflections/new">
              {t("team.writeFirst")}
            </Link>
          </p>
        </section>
      ) : null}
      <div className="team-home">
        <div className="team-home-main">
          {home && role ? <Waiting teamSlug={team.slug} items={waiting} /> : null}
          {home ? (
            <section aria-labelledby="recent-activity" className="team-home-feed">
              <h2 id="recent-activity">{t("team.activity")}</h2>
              <Activity items={home.activity} />
              {role ? (
                <p className="actions">
                  <Link className="button button-primary" to="reflections/new">
                    {t("reflections.new")}
                  </Link>
                </p>
              ) : null}
            </section>
          ) : null}
        </div>
        <div className="team-home-side">
          {home ? (
            <>
              {home.actions.length > 0 ? (
                <section aria-labelledby="my-actions" className="card my-actions">
                  <h2 id="my-actions">{t("intervision.actions.title")}</h2>
                  <ul className="plain-list">
                    {home.actions.map((action) => (
                      <li key={action.id}>
                        <Link to={`${action.notesPath}#actions`}>{action.what}</Link>
                        {action.dueOn ? (
                          <span className="muted"> · {t("intervision.actions.due", { date: formatDay(action.dueOn, locale) })}</span>
                        ) : null}
                        {action.overdue ? <span className="badge badge-overdue"> {t("intervision.actions.overdue")}</span> : null}
                      </li>
                    ))}
                  </ul>
                </section>
              ) : null}
              <section aria-labelledby="at-a-glance" className="card">
                <h2 id="at-a-glance">{t("team.milestones")}</h2>
                <ul className="glance plain-list">
                  <li>
                    <strong>{home.milestones.achieved}</strong> {t("team.milestones.achieved")}
                  </li>
                  <li>
                    <strong>{home.milestones.inProgress}</strong> {t("team.milestones.inProgress")}
                  </li>
                  <li className={home.milestones.overdue > 0 ? "glance-warning" : undefined}>
                    <strong>{home.milestones.overdue}</strong> {t("team.milestones.overdue")}
                  </li>
                </ul>
                <p>
                  <Link to="milestones">{t("team.milestones.all", { count: home.milestones.total })}</Link>
                </p>
              </section>
            </>
          ) : null}
          <section aria-labelledby="partners" className="card">
            <h2 id="partners">{t("team.partners")}</h2>
            <ul className="plain-list">
              {partners.map((p) => (
                <li key={p.id}>
                  {p.name} <span className="badge">{t(`orgKind.${p.kind}`)}</span>
                </li>
              ))}
            </ul>
          </section>
        </div>
      </div>
      <h2 id="deelnemers">{t("team.members")}</h2>
      <MembersByPerspective groups={groups} />
    </section>
  );
}
