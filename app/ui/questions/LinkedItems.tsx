import { Link } from "@remix-run/react";
import { formatDateTime } from "../../i18n/dates";
import { useLocale, useT } from "../i18n";

type Item = { type: "reflection" | "lesson" | "milestone" | "session"; id: string; title: string; linkedAt: string };
const section = { reflection: "reflections", lesson: "lessons", milestone: "milestones", session: "sessions" } as const;

/** What was linked to a question over time, newest first: only what the reader may read reaches this list. */
export function LinkedItems({ team, items }: { team: { slug: string }; items: Item[] }) {
  const t = useT();
  const locale = useLocale();
  if (items.length === 0) return <p>{t("questions.noLinks")}</p>;
  return (
    <ol className="plain-list">
      {items.map((item) => (
        <li key={`${item.type}-${item.id}`} className="log-item">
          <p className="meta">
            <span className="badge">{t(`questions.itemType.${item.type}`)}</span>
            <span>{t("questions.linkedAt", { when: formatDateTime(item.linkedAt, locale) })}</span>
          </p>
          <p>
            <Link to={`/teams/${team.slug}/${section[item.type]}/${item.id}`}>{item.title}</Link>
          </p>
        </li>
      ))}
    </ol>
  );
}
