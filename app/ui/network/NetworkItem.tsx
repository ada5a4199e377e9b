import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { Perspective } from "../../../db/schema";
import { formatDay } from "../../i18n/dates";
import { useLocale, useT } from "../i18n";
import { ThemeBadges } from "../Themes";
import { usePersonName } from "../PersonName";

export type NetworkItemView = {
  kind: "lesson" | "reflection";
  id: string;
  title: string;
  day: string;
  coalitionSlug: string;
  coalitionName: string;
  authorName: string;
  perspective: Perspective | null;
  themes: { slug: string; name_nl: string; name_en: string }[];
};

/** One lesson or reflection shared with the network, as the network list and its search show it. */
export function NetworkItem({ item, children }: { item: NetworkItemView; children?: ReactNode }) {
  const t = useT();
  const personName = usePersonName();
  const locale = useLocale();
  return (
    <li className="log-item">
      <h2>
        <Link to={`/teams/${item.coalitionSlug}/${item.kind === "lesson" ? "lessons" : "reflections"}/${item.id}`}>
          {item.title}
        </Link>
      </h2>
      <p className="meta">
        <span className="badge">{t(`network.kind.${item.kind}`)}</span>
        <span>{formatDay(item.day, locale)}</span>
        <Link to={`/teams/${item.coalitionSlug}`}>{item.coalitionName}</Link>
        <span>
          {t("network.by", { name: personName(item.authorName) })}
          {item.perspective ? ` (${t(`perspective.${item.perspective}`)})` : null}
        </span>
        <ThemeBadges themes={item.themes} />
      </p>
      {children}
    </li>
  );
}
