import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/permissions.server";
import { intervisionMethods } from "~/domain/sessions/intervision-methods";
import { translator } from "~/i18n/dictionaries.server";
import { useLocale, useT } from "~/ui/i18n";
import { ConfidentialityAgreements } from "~/ui/sessions/Agreements";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Leernetwerk` }];

// The methods are reference material shipped with the app (app/domain/sessions/intervision-methods.ts), the same
// for every coalition: anyone signed in reads them, a facilitator of several teams finds them in one place,
// and the funder, who sees which method a session followed, can read what that method is.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({ title: translator(user.language)("method.library.title") });
}

export default function IntervisionMethods() {
  const t = useT();
  const locale = useLocale();
  useLoaderData<typeof loader>();
  return (
    <section>
      <h1>{t("method.library.title")}</h1>
      <p className="lead">{t("method.library.intro")}</p>
      <section aria-labelledby="fit-heading">
        <h2 id="fit-heading">{t("method.library.fit")}</h2>
        <p>{t("method.library.fitIntro")}</p>
        <dl className="method-fit">
          {intervisionMethods.map((method) => (
            <div key={method.slug}>
              <dt>{method.fitsWhen[locale]}</dt>
              <dd>
                <Link to={`/methods/${method.slug}`}>{method.name[locale]}</Link>
              </dd>
            </div>
          ))}
        </dl>
      </section>
      <ul className="cards method-cards">
        {intervisionMethods.map((method) => (
          <li key={method.slug} className="card">
            <h2>
              <Link to={`/methods/${method.slug}`}>{method.name[locale]}</Link>
            </h2>
            <p className="meta">
              <span>{t("method.phaseCount", { count: method.phases.length })}</span>
              <span>{t("method.total", { minutes: method.totalMinutes })}</span>
            </p>
            <p>{method.purpose[locale]}</p>
          </li>
        ))}
      </ul>
      <div className="card">
        <ConfidentialityAgreements level="h2" />
        <p className="field-hint">{t("method.agreements.intro")}</p>
      </div>
    </section>
  );
}
