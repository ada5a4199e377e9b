import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { notFound, requireUser } from "~/auth/permissions.server";
import { methodBySlug } from "~/domain/sessions/intervision-methods";
import { useLocale, useT } from "~/ui/i18n";
import { ConfidentialityAgreements } from "~/ui/sessions/Agreements";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? data.method.name[data.locale] : ""} · Leernetwerk` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const method = methodBySlug(params.method ?? "");
  if (!method) throw notFound();
  return json({ method, locale: user.language });
}

export default function IntervisionMethod() {
  const t = useT();
  const locale = useLocale();
  const { method } = useLoaderData<typeof loader>();
  return (
    <article>
      <p>
        <Link to="/methods">{t("method.all")}</Link>
      </p>
      <h1>{method.name[locale]}</h1>
      <p className="meta">
        <span>{t("method.phaseCount", { count: method.phases.length })}</span>
        <span>{t("method.total", { minutes: method.totalMinutes })}</span>
      </p>
      <section aria-labelledby="purpose">
        <h2 id="purpose">{t("method.purpose")}</h2>
        <p>{method.purpose[locale]}</p>
        <p className="method-fits">{t("method.fitsWhen", { question: method.fitsWhen[locale] })}</p>
      </section>
      <section aria-labelledby="roles">
        <h2 id="roles">{t("method.roles")}</h2>
        <ul>
          {method.roles[locale].map((role) => (
            <li key={role}>{role}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="phases">
        <h2 id="phases">{t("method.phases")}</h2>
        <ol className="plain-list method-phases">
          {method.phases.map((phase, index) => (
            <li key={phase.name.nl} className="log-item">
              <h3>{t("method.phaseHeading", { number: index + 1, name: phase.name[locale] })}</h3>
              <p className="meta">{t("method.minutes", { minutes: phase.minutes })}</p>
              <p>{phase.what[locale]}</p>
              {index === 0 ? <ConfidentialityAgreements level="h4" /> : null}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
