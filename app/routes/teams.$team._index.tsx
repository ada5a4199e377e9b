import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { membershipIn, requireTeamReader, requireUser } from "~/auth/permissions.server";
import { listMembers, listPartners, membersByPerspective } from "~/domain/coalitions.server";
import { useT } from "~/ui/i18n";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.team.name ?? ""} · Leernetwerk` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const team = await requireTeamReader(user, params.team);
  const [partners, members] = await Promise.all([listPartners(team.id), listMembers(team)]);
  return json({
    team,
    partners,
    groups: membersByPerspective(members),
    role: membershipIn(user, team.id)?.role ?? null,
  });
}

export default function TeamHome() {
  const t = useT();
  const { team, partners, groups, role } = useLoaderData<typeof loader>();
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
