import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireTeamReader, requireUser } from "~/auth/permissions.server";
import { listTeamEvents } from "~/domain/events/events.server";
import { EventAgenda } from "~/ui/events/EventAgenda";
import { useT } from "~/ui/i18n";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Bijeenkomsten · ${data?.team.name ?? ""} · Leernetwerk` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const team = await requireTeamReader(user, params.team);
  return json({ team, ...(await listTeamEvents(user, team)) });
}

export default function TeamEvents() {
  const t = useT();
  const { team, coming, past, canOrganise } = useLoaderData<typeof loader>();
  return (
    <section>
      <p>
        <Link to={`/teams/${team.slug}`}>{team.name}</Link>
      </p>
      <h1>{t("event.list.title")}</h1>
      <p className="lead">{t("event.list.intro", { team: team.name })}</p>
      <EventAgenda coming={coming} past={past} canOrganise={canOrganise} organiserBase={`/teams/${team.slug}/events`} />
    </section>
  );
}
