import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/permissions.server";
import { programmeAgreements } from "~/domain/agreements/joining/programme-agreements.server";
import { ArticlesByTheme, CoalitionAgreementCard } from "~/ui/agreements/joining/ProgrammeAgreements";
import { useLocale, useT } from "~/ui/i18n";

// /programme/agreements — the funder's overview of every coalition's agreement and input rounds, and the
// articles of all coalitions side by side for one programme theme. Participants find nothing (404).

export const meta: MetaFunction = () => [{ title: "Samenwerkingsovereenkomsten · Programma · Leernetwerk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json(await programmeAgreements(user, new URL(request.url).searchParams.get("theme")));
}

export default function ProgrammeAgreementsPage() {
  const t = useT();
  const locale = useLocale();
  const { coalitions, themes, theme } = useLoaderData<typeof loader>();
  return (
    <section>
      <p>
        <Link to="/programme">{t("joining.programme.back")}</Link>
      </p>
      <h1>{t("joining.programme.title")}</h1>
      <p className="lead">{t("joining.programme.intro")}</p>
      {coalitions.map((coalition) => (
        <CoalitionAgreementCard key={coalition.slug} coalition={coalition} />
      ))}
      <section aria-labelledby="compare-heading">
        <h2 id="compare-heading">{t("joining.programme.compare.title")}</h2>
        <Form method="get" className="filters">
          <div className="field">
            <label htmlFor="compare-theme">{t("joining.programme.compare.theme")}</label>
            <select id="compare-theme" name="theme" defaultValue={theme ?? ""}>
              <option value="">{t("joining.programme.compare.choose")}</option>
              {themes.map((option) => (
                <option key={option.slug} value={option.slug}>
                  {locale === "en" ? option.nameEn : option.nameNl}
                </option>
              ))}
            </select>
          </div>
          <div className="actions">
            <button type="submit" className="button button-secondary">
              {t("joining.programme.compare.show")}
            </button>
          </div>
        </Form>
        {theme ? <ArticlesByTheme coalitions={coalitions} /> : null}
      </section>
    </section>
  );
}
