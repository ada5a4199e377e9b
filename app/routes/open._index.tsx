import { json, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { programmePage } from "~/domain/open/programme-page.server";
import { useT } from "~/ui/i18n";
import { OpenCoalition } from "~/ui/open/OpenCoalition";

// /open — the programme's public face, for anyone, without an account and without JavaScript: what the
// programme is, and per coalition what it made public itself, with a way to ask to come and see it.

export const meta: MetaFunction = () => [
  { title: "Het programma · Leernetwerk" },
  { name: "description", content: "Coalities van bewoners, vrijwilligers, professionals en gemeenten die samen leren." },
];

export async function loader() {
  return json({ coalitions: await programmePage() });
}

export default function OpenPage() {
  const t = useT();
  const { coalitions } = useLoaderData<typeof loader>();
  return (
    <article className="open-page">
      <h1>{t("open.title")}</h1>
      <p className="lead">{t("open.intro")}</p>
      <p>{t("open.intro2")}</p>
      <section aria-labelledby="coalitions-heading">
        <h2 id="coalitions-heading">{t("open.coalitions")}</h2>
        <div className="stack">
          {coalitions.map((coalition) => (
            <OpenCoalition key={coalition.slug} coalition={coalition} />
          ))}
        </div>
      </section>
      <p className="muted">
        <Link to="/login">{t("open.signIn")}</Link>
      </p>
    </article>
  );
}
