import { json, redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/permissions.server";
import { parseNetworkSearch, searchNetwork } from "~/domain/network/network-search.server";
import { listNetworkCoalitions } from "~/domain/network/network.server";
import { listThemes } from "~/domain/programme/themes.server";
import { useT } from "~/ui/i18n";
import { NetworkItem } from "~/ui/network/NetworkItem";
import { hasFilters, networkHref, NetworkSearchForm } from "~/ui/network/NetworkSearchForm";
import { DidYouMean, NothingFound } from "~/ui/network/SearchHelp";
import { Pagination } from "~/ui/Pagination";

export const meta: MetaFunction = () => [{ title: "Zoeken in het netwerk · Leernetwerk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { q, page, ...filters } = parseNetworkSearch(new URL(request.url).searchParams);
  // Filters without search words (Enter in a filter field of the network page): that is the filtered list.
  if (!q && hasFilters(filters)) throw redirect(networkHref("/network", "", filters));
  const [results, coalitions, themes] = await Promise.all([
    searchNetwork(user, { q, page, ...filters }),
    listNetworkCoalitions(user),
    listThemes(),
  ]);
  return json({ q, page, filters, results, coalitions, themes });
}

export default function NetworkSearch() {
  const t = useT();
  const { q, page, filters, results, coalitions, themes } = useLoaderData<typeof loader>();
  const filtered = hasFilters(filters);
  return (
    <section>
      <p>
        <Link to={networkHref("/network", "", filters)}>{t("network.search.back")}</Link>
      </p>
      <h1>{t("network.searchTitle")}</h1>
      <NetworkSearchForm q={q} filters={filters} coalitions={coalitions} themes={themes} />

      {q ? (
        <p className="muted" role="status">
          {results.total > 0
            ? t("network.search.results", { count: results.total, q })
            : t(filtered ? "network.search.noneFiltered" : "network.search.none", { q })}
        </p>
      ) : null}
      {results.suggestion ? <DidYouMean suggestion={results.suggestion} filters={filters} /> : null}
      {q && results.total === 0 ? (
        <NothingFound q={q} filters={filters} coalitions={coalitions} themes={themes} suggested={results.themes} />
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
