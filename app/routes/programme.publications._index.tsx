import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireFunder, requireUser } from "~/auth/permissions.server";
import { listPublications } from "~/domain/publications/publications.server";
import { formatDate } from "~/i18n/dates";
import { useLocale, useT } from "~/ui/i18n";
import publicationStyles from "~/ui/publications/publications.css";

// /programme/publications — the funder's newsletter items and articles: drafts, those waiting for a coalition's
// approval, and those published. Nobody else finds this page (404).

export const links: LinksFunction = () => [{ rel: "stylesheet", href: publicationStyles }];

export const meta: MetaFunction = () => [{ title: "Publicaties · Programma · Leernetwerk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireFunder(user);
  return json({ publications: await listPublications(user) });
}

export default function Publications() {
  const t = useT();
  const locale = useLocale();
  const { publications } = useLoaderData<typeof loader>();
  return (
    <section>
      <p>
        <Link to="/programme">{t("nav.programme")}</Link>
      </p>
      <h1>{t("publications.title")}</h1>
      <p className="lead">{t("publications.intro")}</p>
      <p>
        <Link className="button button-primary" to="/programme/publications/new">
          {t("publications.new")}
        </Link>{" "}
        <a href="/publications/feed.xml">{t("publications.feedLink")}</a>
      </p>
      {publications.length === 0 ? (
        <p>{t("publications.none")}</p>
      ) : (
        <ul className="stack publication-list">
          {publications.map((publication) => (
            <li key={publication.id} className="card">
              <h2>
                <Link to={`/programme/publications/${publication.id}`}>{publication.title}</Link>
              </h2>
              <p className="meta">
                <span className="badge">{t(`publications.state.${publication.state}`)}</span>{" "}
                <span>{t(`publication.kind.${publication.kind}`)}</span>{" "}
                <span>
                  {publication.publishedAt
                    ? t("publications.publishedOn", { date: formatDate(publication.publishedAt, locale) })
                    : t("publications.changedOn", { date: formatDate(publication.updatedAt, locale) })}
                </span>{" "}
                <span>{t("publications.quoteCount", { count: publication.quotes, waiting: publication.unapproved })}</span>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
