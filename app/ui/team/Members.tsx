import type { Perspective, TeamRole } from "../../../db/schema";
import { Avatar } from "../Avatar";
import { useT } from "../i18n";

type Group = { perspective: Perspective; members: { personId: string; name: string; role: TeamRole; organisation: string | null }[] };

/** A coalition's members by perspective, each with their initials, role and organisation. */
export function MembersByPerspective({ groups }: { groups: Group[] }) {
  const t = useT();
  return (
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
                <li key={m.personId} className="person">
                  <Avatar name={m.name} size="sm" />
                  {m.name}
                  {m.role === "facilitator" ? <span className="badge">{t("role.facilitator")}</span> : null}
                  {m.organisation ? <span className="muted"> · {m.organisation}</span> : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}
