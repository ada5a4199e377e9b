import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireFunder, requireUser } from "~/auth/permissions.server";
import { compareTheme, parseCompareFilters } from "~/domain/programme/programme.server";
import { listThemes } from "~/domain/programme/themes.server";
import { useLocale, useT } from "~/ui/i18n";
import { PerspectiveFilter } from "~/ui/PerspectiveFilter";
import { usePersonName } from "~/ui/PersonName";

export const meta: MetaFunction = () => [{ title: "Lessen vergelijken · Leernetwerk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireFunder(user);
  const filters = parseCompareFilters(new URL(request.url).searchParams);
  const themes = await listThemes();
  const theme = themes.find((t) => t.slug === filters.theme);
  const comparison = theme ? await compareTheme(user, theme, filters.perspective) : null;
  return json({ themes, filters, comparison });
}

export default function ProgrammeCompare() {
  const t = useT();
  const personName = usePersonName();
  const locale = useLocale();
  const { themes, filters, comparison } = useLoaderData<typeof loader>();
  // Every lesson of a long column, with the same filters, on the network page.
  const networkLink = (coalition: string) =>
    `/network?${new URLSearchParams({ coalition, theme: filters.theme ?? "", ...(filters.perspective ? { perspective: filters.perspective } : {}) })}`;
  const themeName = comparison ? (locale === "en" ? comparison.theme.name_en : comparison.theme.name_nl) : null;
  return (
    <section>
      <p>
        <Link to="/programme">{t("programme.title")}</Link> · <Link to="/programme/themes">{t("programme.nav.themes")}</Link>
      </p>
      <h1>{themeName ? t("programme.compare.titleTheme", { theme: themeName }) : t("programme.compare.title")}</h1>
      <p className="lead">{t("programme.compare.intro")}</p>

      <Form method="get" className="filters" aria-label={t("programme.compare.filters")}>
        <div className="field">
          <label htmlFor="compare-theme">{t("programme.compare.theme")}</label>
          <select id="compare-theme" name="theme" defaultValue={filters.theme ?? ""} required>
            <option value="">{t("programme.compare.chooseTheme")}</option>
            {themes.map((theme) => (
              <option key={theme.id} value={theme.slug}>
                {locale === "en" ? theme.name_en : theme.name_nl}
              </option>
            ))}
          </select>
        </div>
        <PerspectiveFilter id="compare-perspective" value={filters.perspective} label={t("programme.compare.perspective")} anyLabel={t("programme.compare.anyPerspective")} />
        <div className="actions">
          <button type="submit" className="button button-secondary">
            {t("programme.compare.show")}
          </button>
        </div>
      </Form>

      {!filters.theme ? (
        <p>{t("programme.compare.pickTheme")}</p>
      ) : !comparison ? (
        <p role="status">{t("programme.compare.unknownTheme")}</p>
      ) : (
        <div className="admin-columns">
          {comparison.columns.map((column) => (
            <section key={column.coalition.id} aria-labelledby={`compare-${column.coalition.id}`}>
              <h2 id={`compare-${column.coalition.id}`}>{column.coalition.name}</h2>
              <p className="muted">{t("programme.compare.count", { count: column.total })}</p>
              {column.lessons.length === 0 ? (
                <p>{t("programme.compare.none")}</p>
              ) : (
                <ol className="plain-list">
                  {column.lessons.map((lesson) => (
                    <li key={lesson.id} className="log-item">
                      <h3>
                        <Link to={lesson.href}>{lesson.statement}</Link>
                      </h3>
                      <p className="meta">
                        <span>
                          {t("programme.compare.by", { name: personName(lesson.authorName) })}
                          {lesson.perspective ? ` (${t(`perspective.${lesson.perspective}`)})` : null}
                        </span>
                      </p>
                      {lesson.excerpt ? <p>{lesson.excerpt}</p> : null}
                    </li>
                  ))}
                </ol>
              )}
              {column.total > column.lessons.length ? (
                <p>
                  <Link to={networkLink(column.coalition.slug)}>
                    {t("programme.compare.more", { count: column.total, coalition: column.coalition.name })}
                  </Link>
                </p>
              ) : null}
            </section>
          ))}
        </div>
      )}
    </section>
  );
}
