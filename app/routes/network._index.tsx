import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireUser } from "~/auth/permissions.server";
import { listNetwork, listNetworkCoalitions, parseNetworkFilters } from "~/domain/network.server";
import { listThemes } from "~/domain/themes.server";
import { perspectives } from "~/domain/vocabulary";
import { formatDay } from "~/i18n/dates";
import { useLocale, useT } from "~/ui/i18n";
import { Pagination } from "~/ui/Pagination";

export const meta: MetaFunction = () => [{ title: "Netwerk · Leernetwerk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const filters = parseNetworkFilters(new URL(request.url).searchParams);
  const [page, coalitions, themes] = await Promise.all([
    listNetwork(user, filters),
    listNetworkCoalitions(user),
    listThemes(),
  ]);
  return json({ page, coalitions, themes, filters });
}

export default function Network() {
  const t = useT();
  const locale = useLocale();
  const { page, coalitions, themes, filters } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const filtered = [...searchParams.keys()].some((key) => key !== "page");
  return (
    <section>
      <h1>{t("network.title")}</h1>
      <p className="lead">{t("network.intro")}</p>

      <Form method="get" action="/network/search" role="search" className="filters" aria-label={t("network.searchTitle")}>
        <div className="field">
          <label htmlFor="network-q">{t("network.search.label")}</label>
          <input id="network-q" type="search" name="q" />
        </div>
        <div className="actions">
          <button type="submit" className="button button-secondary">
            {t("network.search.submit")}
          </button>
        </div>
      </Form>

      <Form method="get" className="filters" aria-label={t("network.filters")}>
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
        <div className="field">
          <label htmlFor="filter-theme">{t("network.filter.theme")}</label>
          <select id="filter-theme" name="theme" defaultValue={filters.theme ?? ""}>
            <option value="">{t("network.filter.any")}</option>
            {themes.map((theme) => (
              <option key={theme.id} value={theme.slug}>
                {locale === "en" ? theme.name_en : theme.name_nl}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-perspective">{t("network.filter.perspective")}</label>
          <select id="filter-perspective" name="perspective" defaultValue={filters.perspective ?? ""}>
            <option value="">{t("network.filter.any")}</option>
            {perspectives.map((p) => (
              <option key={p} value={p}>
                {t(`perspective.${p}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="actions">
          <button type="submit" className="button button-secondary">
            {t("network.filter.apply")}
          </button>
          {filtered ? <Link to=".">{t("network.filter.reset")}</Link> : null}
        </div>
      </Form>

      <p className="muted" role="status">
        {t("network.count", { count: page.total })}
      </p>
      {page.items.length === 0 ? (
        <p>{filtered ? t("network.noneFiltered") : t("network.none")}</p>
      ) : (
        <ol className="plain-list">
          {page.items.map((item) => (
            <li key={`${item.kind}-${item.id}`} className="log-item">
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
                  {t("network.by", { name: item.authorName })}
                  {item.perspective ? ` (${t(`perspective.${item.perspective}`)})` : null}
                </span>
                {item.themes.map((theme) => (
                  <span key={theme.slug} className="badge">
                    {locale === "en" ? theme.name_en : theme.name_nl}
                  </span>
                ))}
              </p>
              {item.excerpt ? <p>{item.excerpt}</p> : null}
            </li>
          ))}
        </ol>
      )}
      <Pagination page={filters.page} total={page.total} pageSize={page.pageSize} />
    </section>
  );
}
