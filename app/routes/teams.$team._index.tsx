import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { membershipIn, readsContent, requireTeamReader, requireUser } from "~/auth/permissions.server";
import { listMembers, listPartners, membersByPerspective } from "~/domain/coalitions.server";
import { recentReflections } from "~/domain/reflections.server";
import { formatDay } from "~/i18n/dates";
import { useLocale, useT } from "~/ui/i18n";
import { VisibilityBadge } from "~/ui/Visibility";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.team.name ?? ""} · Leernetwerk` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const team = await requireTeamReader(user, params.team);
  const [partners, members, reflections] = await Promise.all([
    listPartners(team.id),
    listMembers(team),
    readsContent(user) ? recentReflections(user, team) : Promise.resolve([] as Awaited<ReturnType<typeof recentReflections>>),
  ]);
  return json({
    team,
    partners,
    groups: membersByPerspective(members),
    role: membershipIn(user, team.id)?.role ?? null,
    reflections,
    readsContent: readsContent(user),
  });
}

export default function TeamHome() {
  const t = useT();
  const locale = useLocale();
  const { team, partners, groups, role, reflections, readsContent } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>{team.name}</h1>
      <p className="lead">
        {team.place}
        {role ? ` · ${t("team.yourRole", { role: t(`role.${role}`) })}` : null}
      </p>
      {team.description ? <p>{team.description}</p> : null}
      {role === "facilitator" ? (
        <p>
          <Link to={`/teams/${team.slug}/members`} className="button button-secondary">
            {t("team.manageMembers")}
          </Link>
        </p>
      ) : null}
      {readsContent ? (
        <section aria-labelledby="recent-reflections">
          <h2 id="recent-reflections">{t("team.recentReflections")}</h2>
          {reflections.length === 0 ? (
            <p className="muted">{t("reflections.none")}</p>
          ) : (
            <ul className="plain-list">
              {reflections.map((r) => (
                <li key={r.id} className="log-item">
                  <h3>
                    <Link to={`reflections/${r.id}`}>{r.title}</Link>
                  </h3>
                  <p className="meta">
                    <VisibilityBadge visibility={r.visibility} />
                    <span>{formatDay(r.happenedOn, locale)}</span>
                    <span>{t("reflections.by", { name: r.authorName })}</span>
                  </p>
                </li>
              ))}
            </ul>
          )}
          <p className="actions">
            {role && reflections.length === 0 ? (
              <Link className="button button-primary" to="reflections/new">
                {t("team.writeFirst")}
              </Link>
            ) : role ? (
              <Link className="button button-primary" to="reflections/new">
                {t("reflections.new")}
              </Link>
            ) : null}
            <Link to="reflections">{t("team.allReflections")}</Link>
          </p>
        </section>
      ) : null}
      <h2>{t("team.partners")}</h2>
      <ul className="plain-list">
        {partners.map((p) => (
          <li key={p.id}>
            {p.name} <span className="badge">{t(`orgKind.${p.kind}`)}</span>
          </li>
        ))}
      </ul>
      <h2>{t("team.members")}</h2>
      <div className="cards">
        {groups.map((group) => (
          <section key={group.perspective} className="card" aria-labelledby={`perspective-${group.perspective}`}>
            <h3 id={`perspective-${group.perspective}`}>
              {t(`perspective.${group.perspective}`)} ({group.members.length})
            </h3>
            {group.members.length === 0 ? (
              <p className="muted">{t("team.membersNone")}</p>
            ) : (
              <ul className="plain-list">
                {group.members.map((m) => (
                  <li key={m.personId}>
                    {m.name}
                    {m.role === "facilitator" ? <span className="badge"> {t("role.facilitator")}</span> : null}
                    {m.organisation ? <span className="muted"> · {m.organisation}</span> : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>
    </section>
  );
}
