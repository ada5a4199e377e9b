import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { membershipIn, requireContentReader, requireUser } from "~/auth/permissions.server";
import { listLessons, parseLessonFilters } from "~/domain/lessons/lessons.server";
import { listThemes } from "~/domain/programme/themes.server";
import { formatDate } from "~/i18n/dates";
import { useLocale, useT } from "~/ui/i18n";
import { Pagination } from "~/ui/Pagination";
import { ThemeFilter, ThemeBadges } from "~/ui/Themes";
import { VisibilityBadge } from "~/ui/Visibility";
import { usePersonName } from "~/ui/PersonName";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.team.name ?? ""} · Leernetwerk` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const team = await requireContentReader(user, params.team);
  const filters = parseLessonFilters(new URL(request.url).searchParams);
  const [page, themes] = await Promise.all([listLessons(user, team, filters), listThemes()]);
  return json({ team, page, themes, filters, canWrite: Boolean(membershipIn(user, team.id)) });
}

export default function Lessons() {
  const t = useT();
  const personName = usePersonName();
  const locale = useLocale();
  const { team, page, themes, filters, canWrite } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const filtered = [...searchParams.keys()].some((key) => key !== "page");
  return (
    <section>
      <p>
        <Link to={`/teams/${team.slug}`}>{team.name}</Link>
      </p>
      <h1>{t("lessons.title")}</h1>
      <p className="lead">{t("lessons.intro", { team: team.name })}</p>
      {canWrite ? (
        <p className="actions">
          <Link className="button button-primary" to="new">
            {t("lessons.new")}
          </Link>
          <Link to="trash">{t("reflections.trash")}</Link>
        </p>
      ) : null}

      <Form method="get" className="filters" aria-label={t("reflections.filters")}>
        <div className="field">
          <label htmlFor="filter-q">{t("reflections.filter.q")}</label>
          <input id="filter-q" type="search" name="q" defaultValue={filters.q ?? ""} />
        </div>
        <ThemeFilter themes={themes} value={filters.theme} label={t("reflections.filter.theme")} anyLabel={t("reflections.filter.any")} />
        <div className="actions">
          <button type="submit" className="button button-secondary">
            {t("reflections.filter.apply")}
          </button>
          {filtered ? <Link to=".">{t("reflections.filter.reset")}</Link> : null}
        </div>
      </Form>

      <p className="muted" role="status">
        {t("lessons.count", { count: page.total })}
      </p>
      {page.items.length === 0 ? (
        <p>
          {filtered ? t("lessons.noneFiltered") : t("lessons.none")}{" "}
          {canWrite && !filtered ? <Link to="new">{t("lessons.firstOne")}</Link> : null}
        </p>
      ) : (
        <ol className="plain-list">
          {page.items.map((item) => (
            <li key={item.id} className="log-item">
              <h2>
                <Link to={item.id}>{item.statement}</Link>
              </h2>
              <p className="meta">
                <VisibilityBadge visibility={item.visibility} />
                <span>{formatDate(item.createdAt, locale)}</span>
                <span>{t("reflections.by", { name: personName(item.authorName) })}</span>
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
