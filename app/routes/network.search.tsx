import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/permissions.server";
import { parseNetworkSearch, searchNetwork } from "~/domain/network.server";
import { useT } from "~/ui/i18n";
import { NetworkItem } from "~/ui/NetworkItem";
import { Pagination } from "~/ui/Pagination";

export const meta: MetaFunction = () => [{ title: "Zoeken in het netwerk · Leernetwerk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { q, page } = parseNetworkSearch(new URL(request.url).searchParams);
  const results = await searchNetwork(user, q, page);
  return json({ q, page, results });
}

export default function NetworkSearch() {
  const t = useT();
  const { q, page, results } = useLoaderData<typeof loader>();
  return (
    <section>
      <p>
        <Link to="/network">{t("network.search.back")}</Link>
      </p>
      <h1>{t("network.searchTitle")}</h1>
      <Form method="get" role="search" className="filters" aria-label={t("network.searchTitle")}>
        <div className="field">
          <label htmlFor="network-q">{t("network.search.label")}</label>
          <input id="network-q" type="search" name="q" defaultValue={q} aria-describedby="network-q-hint" />
          <p id="network-q-hint" className="hint">
            {t("network.search.hint")}
          </p>
        </div>
        <div className="actions">
          <button type="submit" className="button button-secondary">
            {t("network.search.submit")}
          </button>
        </div>
      </Form>

      {q ? (
        <p className="muted" role="status">
          {results.total > 0
            ? t("network.search.results", { count: results.total, q })
            : t("network.search.none", { q })}
        </p>
      ) : null}
      {results.items.length > 0 ? (
        <ol className="plain-list">
          {results.items.map((item) => (
            <NetworkItem key={`${item.kind}-${item.id}`} item={item}>
              {item.snippet.length > 0 ? (
                <p>
                  {item.snippet.map((part, i) =>
                    part.hit ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
                  )}
                </p>
              ) : null}
            </NetworkItem>
          ))}
        </ol>
      ) : null}
      <Pagination page={page} total={results.total} pageSize={results.pageSize} />
    </section>
  );
}
