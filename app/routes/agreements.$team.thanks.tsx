import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { publicAgreementPage } from "~/domain/agreements/joining/public-agreement.server";
import { useT } from "~/ui/i18n";

// After a join request: what happens next. Only for an agreement that is published, like the form itself.

export const meta: MetaFunction = () => [{ title: "Bedankt · Leernetwerk" }];

export async function loader({ params }: LoaderFunctionArgs) {
  const { coalition } = await publicAgreementPage(params.team);
  return json({ coalition: { slug: coalition.slug, name: coalition.name } });
}

export default function JoinThanks() {
  const t = useT();
  const { coalition } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>{t("joining.public.thanks.title")}</h1>
      <p className="lead">{t("joining.public.thanks.body", { name: coalition.name })}</p>
      <p>{t("joining.public.thanks.retention")}</p>
      <p>
        <Link to={`/agreements/${coalition.slug}`}>{t("joining.public.thanks.back")}</Link>
      </p>
    </section>
  );
}
