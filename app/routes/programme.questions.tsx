import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/permissions.server";
import { parseThemeFilter, programmeQuestions } from "~/domain/questions/programme-questions.server";
import { useLocale, useT } from "~/ui/i18n";
import { HarvestDates } from "~/ui/questions/HarvestDates";

export const meta: MetaFunction = () => [{ title: "Leervragen · Programma · Leernetwerk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  // programmeQuestions refuses anyone but the funder with a 404.
  return json(await programmeQuestions(user, parseThemeFilter(new URL(request.url).searchParams)));
}

export default function ProgrammeQuestions() {
  const t = useT();
  const locale = useLocale();
  const { themes, groups, filter } = useLoaderData<typeof loader>();
  const themeName = (theme: { name_nl: string; name_en: string }) => (locale === "en" ? theme.name_en : theme.name_nl);
  return (
    <section>
      <p>
        <Link to="/programme">{t("questions.programme.back")}</Link>
      </p>
      <h1>{t("questions.programme.title")}</h1>
      <p className="lead">{t("questions.programme.intro")}</p>
      <Form method="get" className="filters" aria-label={t("questions.programme.filters")}>
        <div className="field">
          <label htmlFor="filter-theme">{t("questions.programme.filter.theme")}</label>
          <select id="filter-theme" name="theme" defaultValue={filter.theme ?? ""}>
            <option value="">{t("questions.programme.filter.all")}</option>
            {themes.map((theme) => (
              <option key={theme.slug} value={theme.slug}>
                {themeName(theme)}
              </option>
            ))}
            <option value="none">{t("questions.noTheme")}</option>
          </select>
        </div>
        <div className="actions">
          <button type="submit" className="button button-secondary">
            {t("questions.programme.filter.apply")}
          </button>
          {filter.theme ? <Link to=".">{t("questions.programme.filter.reset")}</Link> : null}
        </div>
      </Form>
      <p>
        <a href="/programme/questions.csv" download>
          {t("questions.programme.csv")}
        </a>
      </p>
      {groups.length === 0 ? <p>{t("questions.programme.none")}</p> : null}
      {groups.map((group) => (
        <section key={group.theme?.id ?? "none"} aria-labelledby={`theme-${group.theme?.slug ?? "none"}`}>
          <h2 id={`theme-${group.theme?.slug ?? "none"}`}>{group.theme ? themeName(group.theme) : t("questions.noTheme")}</h2>
          <ul className="cards">
            {group.questions.map((question) => (
              <li key={question.id} className="card">
                <p className="muted">{question.coalitionName}</p>
                <h3>{question.question}</h3>
                <p className="meta">
                  <span>{t("questions.programme.linkedItems", { count: question.linkedItems })}</span>
                  <HarvestDates days={question.harvestDates} />
                </p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
