import { Form, Link, useLocation } from "@remix-run/react";
import type { Perspective } from "../../../db/schema";
import { useT } from "../i18n";
import { PerspectiveFilter } from "../PerspectiveFilter";
import { ThemeFilter } from "../Themes";

export type NetworkKind = "reflection" | "lesson";
/** The network page's filters, which its search keeps (the address bar's names). */
export type NetworkFilterView = {
  coalition?: string;
  theme?: string;
  perspective?: Perspective;
  kind?: NetworkKind;
  from?: string;
  to?: string;
};
export type CoalitionOption = { slug: string; name: string };
export type ThemeOption = { id: string; slug: string; name_nl: string; name_en: string };

export const filterKeys = ["coalition", "theme", "perspective", "kind", "from", "to"] as const;

/** The address of a network search (or, without `q`, of the network page) with these filters. */
export function networkHref(path: "/network" | "/network/search", q: string, filters: NetworkFilterView): string {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  for (const key of filterKeys) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

export function hasFilters(filters: NetworkFilterView): boolean {
  return filterKeys.some((key) => Boolean(filters[key]));
}

/**
 * The search box with the network's filters in one form, so that a search keeps the filters and a filter
 * keeps the search. On the network page the filter button shows the list (`filterAction`), the search
 * button searches; on the search page both search.
 */
export function NetworkSearchForm(props: {
  q: string;
  filters: NetworkFilterView;
  coalitions: CoalitionOption[];
  themes: ThemeOption[];
  filterAction?: "/network";
}) {
  const t = useT();
  const { q, filters, coalitions, themes, filterAction } = props;
  // A link to another search (a suggestion, a filter dropped) renders the same route: remounting the form
  // shows the new words and filters instead of what was typed before.
  const { search } = useLocation();
  const active = filterKeys.filter((key) => Boolean(filters[key])).length;
  return (
    <Form key={search} method="get" action="/network/search" role="search" className="network-search" aria-label={t("network.searchTitle")}>
      <div className="field">
        <label htmlFor="network-q">{t("network.search.label")}</label>
        <div className="search-box">
          <input id="network-q" type="search" name="q" defaultValue={q} aria-describedby="network-q-hint" />
          <button type="submit" className="button button-primary">
            {t("network.search.submit")}
          </button>
        </div>
        <p id="network-q-hint" className="field-hint">
          {t("network.search.hint")}
        </p>
      </div>
      {/* Closed until a filter is in use, so that on a phone the results follow the search box. */}
      <details className="network-filters" open={active > 0}>
        <summary>{active > 0 ? t("network.filters.active", { count: active }) : t("network.filters")}</summary>
        <div className="filters">
          <div className="field">
            <label htmlFor="filter-coalition">{t("network.filter.coalition")}</label>
            <select id="filter-coalition" name="coalition" defaultValue={filters.coalition ?? ""}>
              <option value="">{t("network.filter.any")}</option>
              {coalitions.map((c) => (
                <option key={c.slug} value={c.slug}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          <ThemeFilter themes={themes} value={filters.theme} label={t("network.filter.theme")} anyLabel={t("network.filter.any")} />
          <PerspectiveFilter
            id="filter-perspective"
            value={filters.perspective}
            label={t("network.filter.perspective")}
            anyLabel={t("network.filter.any")}
          />
          <div className="field">
            <label htmlFor="filter-kind">{t("network.filter.kind")}</label>
            <select id="filter-kind" name="kind" defaultValue={filters.kind ?? ""}>
              <option value="">{t("network.filter.any")}</option>
              <option value="reflection">{t("network.kind.reflection")}</option>
              <option value="lesson">{t("network.kind.lesson")}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-from">{t("network.filter.from")}</label>
            <input id="filter-from" type="date" name="from" defaultValue={filters.from ?? ""} />
          </div>
          <div className="field">
            <label htmlFor="filter-to">{t("network.filter.to")}</label>
            <input id="filter-to" type="date" name="to" defaultValue={filters.to ?? ""} />
          </div>
          <div className="actions">
            <button type="submit" className="button button-secondary" formAction={filterAction}>
              {t("network.filter.apply")}
            </button>
            {active > 0 ? <Link to={networkHref(filterAction ?? "/network/search", q, {})}>{t("network.filter.reset")}</Link> : null}
          </div>
        </div>
      </details>
    </Form>
  );
}
