import { Link } from "@remix-run/react";
import { formatDay } from "../../i18n/dates";
import type { MessageKey } from "../../i18n/i18n";
import { useLocale, useT } from "../i18n";
import { filterKeys, networkHref, type CoalitionOption, type NetworkFilterView, type ThemeOption } from "./NetworkSearchForm";

type ThemeName = Omit<ThemeOption, "id">;

/** "Bedoelde u …?": the corrected words as a search of their own, with the same filters. */
export function DidYouMean({ suggestion, filters }: { suggestion: string; filters: NetworkFilterView }) {
  const t = useT();
  return (
    <p className="did-you-mean">
      {t("network.search.didYouMean")}{" "}
      <Link to={networkHref("/network/search", suggestion, filters)}>{suggestion}</Link>?
    </p>
  );
}

/** What to try when a search found nothing: the same words without a filter, and themes to look at. */
export function NothingFound(props: {
  q: string;
  filters: NetworkFilterView;
  coalitions: CoalitionOption[];
  themes: ThemeOption[];
  suggested: ThemeName[];
}) {
  const t = useT();
  const locale = useLocale();
  const { q, filters, coalitions, themes, suggested } = props;
  const themeName = (theme: ThemeName) => (locale === "en" ? theme.name_en : theme.name_nl);
  const valueOf: Record<FilterKey, (value: string) => string> = {
    coalition: (slug) => coalitions.find((c) => c.slug === slug)?.name ?? slug,
    theme: (slug) => {
      const theme = themes.find((th) => th.slug === slug);
      return theme ? themeName(theme) : slug;
    },
    perspective: (p) => t(`perspective.${p}` as MessageKey),
    kind: (kind) => t(`network.kind.${kind}` as MessageKey),
    from: (day) => t("network.filter.fromDay", { day: formatDay(day, locale) }),
    to: (day) => t("network.filter.toDay", { day: formatDay(day, locale) }),
  };
  const names: Partial<Record<FilterKey, MessageKey>> = {
    coalition: "network.filter.coalition",
    theme: "network.filter.theme",
    perspective: "network.filter.perspective",
    kind: "network.filter.kind",
  };
  const active = filterKeys.flatMap((key) => {
    const value = filters[key];
    if (!value) return [];
    const name = names[key];
    const label = name ? t("network.filter.active", { name: t(name).toLowerCase(), value: valueOf[key](value) }) : valueOf[key](value);
    return [{ key, label }];
  });
  return (
    <div className="search-help">
      {active.length > 0 ? (
        <>
          <p>{t("network.search.withoutFilters", { q })}</p>
          <ul className="link-list">
            {active.map(({ key, label }) => (
              <li key={key}>
                <Link to={networkHref("/network/search", q, { ...filters, [key]: undefined })}>
                  {t("network.search.withoutFilter", { filter: label })}
                </Link>
              </li>
            ))}
            {active.length > 1 ? (
              <li>
                <Link to={networkHref("/network/search", q, {})}>{t("network.search.withoutAny")}</Link>
              </li>
            ) : null}
          </ul>
        </>
      ) : null}
      <p>{t(suggested.length > 0 ? "network.search.themesLike" : "network.search.themesAll")}</p>
      <ul className="link-list">
        {(suggested.length > 0 ? suggested : themes).map((theme) => (
          <li key={theme.slug}>
            <Link to={networkHref("/network", "", { theme: theme.slug })}>{themeName(theme)}</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

type FilterKey = keyof NetworkFilterView;
