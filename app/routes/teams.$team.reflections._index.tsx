import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { membershipIn, requireContentReader, requireUser } from "~/auth/permissions.server";
import { listReflections, listVisibleAuthors, parseReflectionFilters } from "~/domain/reflections/reflections.server";
import { visibilities } from "~/domain/vocabulary";
import { listThemes } from "~/domain/programme/themes.server";
import { formatDay } from "~/i18n/dates";
import { useLocale, useT } from "~/ui/i18n";
import { Pagination } from "~/ui/Pagination";
import { ThemeFilter, ThemeBadges } from "~/ui/Themes";
import { VisibilityBadge } from "~/ui/Visibility";
import { usePersonName } from "~/ui/PersonName";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.team.name ?? ""} · Leernetwerk` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const team = await requireContentReader(user, params.team);
  const filters = parseReflectionFilters(new URL(request.url).searchParams);
  const [page, authors, themes] = await Promise.all([
    listReflections(user, team, filters),
    listVisibleAuthors(user, team),
    listThemes(),
  ]);
  return json({ team, page, authors, themes, filters, canWrite: Boolean(membershipIn(user, team.id)) });
}

export default function ReflectionLog() {
  const t = useT();
  const personName = usePersonName();
  const locale = useLocale();
  const { team, page, authors, themes, filters, canWrite } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const filtered = [...searchParams.keys()].some((key) => key !== "page");
  return (
    <section>
      <p>
        <Link to={`/teams/${team.slug}`}>{team.name}</Link>
      </p>
      <h1>{t("reflections.title")}</h1>
      <p className="lead">{t("reflections.intro", { team: team.name })}</p>
      {canWrite ? (
        <p className="actions">
          <Link className="button button-primary" to="new">
            {t("reflections.new")}
          </Link>
          <Link to="trash">{t("reflections.trash")}</Link>
        </p>
      ) : null}

      <Form method="get" className="filters" aria-label={t("reflections.filters")}>
        <div className="field">
          <label htmlFor="filter-q">{t("reflections.filter.q")}</label>
          <input id="filter-q" type="search" name="q" defaultValue={filters.q ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="filter-author">{t("reflections.filter.author")}</label>
          <select id="filter-author" name="author" defaultValue={filters.author ?? ""}>
            <option value="">{t("reflections.filter.any")}</option>
            {authors.map((a) => (
              <option key={a.id} value={a.id}>
                {personName(a.name)}
              </option>
            ))}
          </select>
        </div>
        <ThemeFilter themes={themes} value={filters.theme} label={t("reflections.filter.theme")} anyLabel={t("reflections.filter.any")} />
        <div className="field">
          <label htmlFor="filter-visibility">{t("reflections.filter.visibility")}</label>
          <select id="filter-visibility" name="visibility" defaultValue={filters.visibility ?? ""}>
            <option value="">{t("reflections.filter.any")}</option>
            {visibilities.map((v) => (
              <option key={v} value={v}>
                {t(`visibility.${v}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-from">{t("reflections.filter.from")}</label>
          <input id="filter-from" type="date" name="from" defaultValue={filters.from ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="filter-to">{t("reflections.filter.to")}</label>
          <input id="filter-to" type="date" name="to" defaultValue={filters.to ?? ""} />
        </div>
        <div className="actions">
          <button type="submit" className="button button-secondary">
            {t("reflections.filter.apply")}
          </button>
          {filtered ? <Link to=".">{t("reflections.filter.reset")}</Link> : null}
        </div>
      </Form>

      <p className="muted" role="status">
        {t("reflections.count", { count: page.total })}
      </p>
      {page.items.length === 0 ? (
        <p>
          {filtered ? t("reflections.noneFiltered") : t("reflections.none")}{" "}
          {canWrite && !filtered ? <Link to="new">{t("reflections.firstOne")}</Link> : null}
        </p>
      ) : (
        <ol className="plain-list">
          {page.items.map((item) => (
            <li key={item.id} className="log-item">
              <h2>
                <Link to={item.id}>{item.title}</Link>
              </h2>
              <p className="meta">
                <VisibilityBadge visibility={item.visibility} />
                <span>{formatDay(item.happenedOn, locale)}</span>
                <span>{t("reflections.by", { name: personName(item.authorName) })}</span>
                {item.comments > 0 ? <span>{t("reflections.comments", { count: item.comments })}</span> : null}
                <ThemeBadges themes={item.themes} />
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
