import { Link } from "@remix-run/react";
import type { ActivityItem } from "../../domain/coalitions/team-home.server";
import { formatDateTime } from "../../i18n/dates";
import { useLocale, useT } from "../i18n";
import { VisibilityBadge } from "../Visibility";

const sectionOf = { reflection: "reflections", lesson: "lessons", milestone: "milestones" } as const;

/** What happened lately in a coalition, newest first, as far as the reader may see it. */
export function Activity({ items }: { items: ActivityItem[] }) {
  const t = useT();
  const locale = useLocale();
  if (items.length === 0) return <p className="empty-state">{t("team.activity.none")}</p>;
  return (
    <ol className="plain-list">
      {items.map((item) => (
        <li key={`${item.kind}-${item.id}-${item.at}`} className="log-item">
          <p className="meta">
            <span className="badge">{t(`team.activity.${item.kind}`)}</span>
            {item.kind !== "milestone" ? <VisibilityBadge visibility={item.visibility} /> : null}
            <time dateTime={item.at}>{formatDateTime(item.at, locale)}</time>
            <span>{item.by}</span>
          </p>
          <h3>
            <Link to={`${sectionOf[item.kind]}/${item.id}`}>{item.title}</Link>
          </h3>
          {item.kind === "milestone" ? (
            <p>
              {item.from ? `${t(`status.${item.from as "planned"}`)} → ` : null}
              {t(`status.${item.to as "planned"}`)}: {item.reason}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
