import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { publishedPublication } from "~/domain/publications/public.server";
import { formatDate } from "~/i18n/dates";
import { useLocale, useT } from "~/ui/i18n";
import { PublicationText } from "~/ui/publications/PublicationText";
import publicationStyles from "~/ui/publications/publications.css";

// /publications/:slug — a published publication for anyone, without an account or JavaScript, and printable
// as a clean PDF. Of its quotes only those approved at this moment appear.

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: publicationStyles },
  { rel: "alternate", type: "application/atom+xml", href: "/publications/feed.xml", title: "Publicaties van Leernetwerk" },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.publication.title ?? ""} · Leernetwerk` },
  { name: "description", content: data?.publication.summary ?? "" },
];

export async function loader({ params }: LoaderFunctionArgs) {
  return json({ publication: await publishedPublication(params.slug) });
}

export default function PublicationPage() {
  const t = useT();
  const locale = useLocale();
  const { publication } = useLoaderData<typeof loader>();
  return (
    <article className="publication-page">
      <p className="meta">
        <span>{t(`publication.kind.${publication.kind}`)}</span>
        <time dateTime={publication.publishedAt}>{formatDate(publication.publishedAt, locale)}</time>
      </p>
      <h1>{publication.title}</h1>
      {publication.summary ? <p className="lead">{publication.summary}</p> : null}
      <PublicationText
        body={publication.body}
        quotes={publication.quotes}
        quotesHeading={t("publication.quotes.heading")}
        anonymous={t("publication.quote.anonymous")}
      />
      <p className="publication-print-hide">
        <a href="/publications/feed.xml">{t("publication.feed.follow")}</a>
      </p>
    </article>
  );
}
