import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireUser } from "~/auth/permissions.server";
import { networkEvents } from "~/domain/event-listings.server";
import { listNetwork, listNetworkCoalitions, parseNetworkFilters } from "~/domain/network.server";
import { listThemes } from "~/domain/themes.server";
import { EventList } from "~/ui/EventList";
import { useT } from "~/ui/i18n";
import { PerspectiveFilter } from "~/ui/PerspectiveFilter";
import { NetworkItem } from "~/ui/NetworkItem";
import { Pagination } from "~/ui/Pagination";
import { ThemeFilter } from "~/ui/Themes";

export const meta: MetaFunction = () => [{ title: "Netwerk · Leernetwerk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const filters = parseNetworkFilters(new URL(request.url).searchParams);
  const [page, coalitions, themes, events] = await Promise.all([
    listNetwork(user, filters),
    listNetworkCoalitions(user),
    listThemes(),
    networkEvents(user),
  ]);
  return json({ page, coalitions, themes, filters, events });
}

export default function Network() {
  const t = useT();
  const { page, coalitions, themes, filters, events } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const filtered = [...searchParams.keys()].some((key) => key !== "page");
  return (
    <section>
      <h1>{t("network.title")}</h1>
      <p className="lead">{t("network.intro")}</p>

      <Form
        method="get"
        action="/network/search"
        role="search"
        className="filters"
        aria-label={t("network.searchTitle")}
      >
        <div className="field">
          <label htmlFor="network-q">{t("network.search.label")}</label>
          <input id="network-q" type="search" name="q" />
        </div>
        <div className="actions">
          <button type="submit" className="button button-secondary">
            {t("network.search.submit")}
          </button>
        </div>
      </Form>

      <Form method="get" className="filters" aria-label={t("network.filters")}>
        <div className="field">
          <label htmlFor="filter-coalition">{t("network.filter.coalition")}</label>
          <select id="filter-coalition" name="coalition" defaultValue={filters.coalition ?? ""}>
            <option value="">{t("network.filter.any")}</option>
            {coalitions.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <ThemeFilter themes={themes} value={filters.theme} label={t("network.filter.theme")} anyLabel={t("network.filter.any")} />
        <PerspectiveFilter id="filter-perspective" value={filters.perspective} label={t("network.filter.perspective")} anyLabel={t("network.filter.any")} />
        <div className="actions">
          <button type="submit" className="button button-secondary">
            {t("network.filter.apply")}
          </button>
          {filtered ? <Link to=".">{t("network.filter.reset")}</Link> : null}
        </div>
      </Form>

      <p className="muted" role="status">
        {t("network.count", { count: page.total })}
      </p>
      {page.items.length === 0 ? (
        <p>{filtered ? t("network.noneFiltered") : t("network.none")}</p>
      ) : (
        <ol className="plain-list">
          {page.items.map((item) => (
            <NetworkItem key={`${item.kind}-${item.id}`} item={item}>
              {item.excerpt ? <p>{item.excerpt}</p> : null}
            </NetworkItem>
          ))}
        </ol>
      )}
      <Pagination page={filters.page} total={page.total} pageSize={page.pageSize} />

      <h2>{t("network.events.title")}</h2>
      <h3>{t("network.events.coming")}</h3>
      <EventList events={events.coming} empty={t("network.events.noneComing")} />
      <h3>{t("network.events.past")}</h3>
      <EventList events={events.past} empty={t("network.events.nonePast")} />
    </section>
  );
}
