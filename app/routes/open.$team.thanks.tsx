import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { coalitionToVisit } from "~/domain/open/programme-page.server";
import { useT } from "~/ui/i18n";

// After a visit request: what happens next.

export const meta: MetaFunction = () => [{ title: "Bedankt · Leernetwerk" }];

export async function loader({ params }: LoaderFunctionArgs) {
  const coalition = await coalitionToVisit(params.team);
  return json({ coalition: { name: coalition.name } });
}

export default function VisitThanks() {
  const t = useT();
  const { coalition } = useLoaderData<typeof loader>();
  return (
    <section className="page-narrow">
      <h1>{t("open.thanks.title")}</h1>
      <p className="lead">{t("open.thanks.body", { name: coalition.name })}</p>
      <p>{t("open.thanks.retention")}</p>
      <p>
        <Link to="/open">{t("open.form.back")}</Link>
      </p>
    </section>
  );
}
