import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/permissions.server";
import { networkEvents } from "~/domain/events/event-listings.server";
import { listNetwork, listNetworkCoalitions, parseNetworkFilters } from "~/domain/network/network.server";
import { listThemes } from "~/domain/programme/themes.server";
import { EventList } from "~/ui/events/EventList";
import { useT } from "~/ui/i18n";
import { NetworkItem } from "~/ui/network/NetworkItem";
import { hasFilters, NetworkSearchForm } from "~/ui/network/NetworkSearchForm";
import { Pagination } from "~/ui/Pagination";

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
  const filtered = hasFilters(filters);
  return (
    <section>
      <h1>{t("network.title")}</h1>
      <p className="lead">{t("network.intro")}</p>

      <NetworkSearchForm q="" filters={filters} coalitions={coalitions} themes={themes} filterAction="/network" />

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
      <EventList events={events.coming} empty={t("network.events.noneComing")} heading="h4" />
      <h3>{t("network.events.past")}</h3>
      <EventList events={events.past} empty={t("network.events.nonePast")} heading="h4" />
    </section>
  );
}
