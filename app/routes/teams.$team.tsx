import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { membershipIn, readsContent, requireTeamReader, requireUser } from "~/auth/permissions.server";
import { waitingFor } from "~/domain/coalitions/team-home.server";
import { TeamNav } from "~/ui/team/TeamNav";

// The frame of every coalition page: the coalition's name and its sections, with what waits for the person.
// Remix keeps this loader's data while one moves between the sections of the same coalition, so it runs
// on arriving in the coalition and after a form is sent: the team (by slug) and one look at what waits.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const team = await requireTeamReader(user, params.team);
  const waiting = await waitingFor(user, team);
  return json({
    team: { slug: team.slug, name: team.name },
    role: membershipIn(user, team.id)?.role ?? null,
    readsContent: readsContent(user),
    waiting,
  });
}

export default function TeamFrame() {
  const { team, role, readsContent: sections, waiting } = useLoaderData<typeof loader>();
  return (
    <>
      {sections ? <TeamNav team={team} role={role} waiting={waiting.length} /> : null}
      <Outlet />
    </>
  );
}
