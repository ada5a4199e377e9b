import { sql } from "kysely";
import { db } from "../../../db/db.server";
import type { OrganisationKind, Perspective, TeamRole } from "../../../db/schema";
import type { Team } from "../../auth/permissions.server";
import { perspectives } from "../vocabulary";

export type CoalitionSummary = {
  id: string;
  slug: string;
  name: string;
  place: string;
  members: number;
  partners: string[];
};

/** Every coalition with its partners and number of members: the programme at a glance. */
export async function listCoalitions(): Promise<CoalitionSummary[]> {
  const [coalitions, organisations] = await Promise.all([
    db()
      .selectFrom("coalition")
      .leftJoin("membership", "membership.coalition_id", "coalition.id")
      .leftJoin("person", "person.id", "membership.person_id")
      .groupBy(["coalition.id"])
      .select([
        "coalition.id",
        "coalition.slug",
        "coalition.name",
        "coalition.place",
        sql<string>`count(person.id) filter (where person.deactivated_at is null)`.as("members"),
      ])
      .orderBy("coalition.name")
      .execute(),
    db().selectFrom("organisation").select(["coalition_id", "name"]).orderBy("position").orderBy("name").execute(),
  ]);
  return coalitions.map((c) => ({
    ...c,
    members: Number(c.members),
    partners: organisations.filter((o) => o.coalition_id === c.id).map((o) => o.name),
  }));
}

export type Partner = { id: string; name: string; kind: OrganisationKind };
export type MemberOfTeam = {
  personId: string;
  name: string;
  role: TeamRole;
  perspective: Perspective;
  organisation: string | null;
};

export function listPartners(coalitionId: string): Promise<Partner[]> {
  return partnersQuery(coalitionId).execute();
}

/** A coalition's partner organisations, in their order: as a query, for pages that fold it into their own. */
export function partnersQuery(coalitionId: string) {
  return db()
    .selectFrom("organisation")
    .where("coalition_id", "=", coalitionId)
    .select(["id", "name", "kind"])
    .orderBy("position")
    .orderBy("name");
}

export function listMembers(team: Team): Promise<MemberOfTeam[]> {
  return membersQuery(team).execute();
}

/** A coalition's active members by name: as a query, for pages that fold it into their own. */
export function membersQuery(team: Team) {
  return db()
    .selectFrom("membership")
    .innerJoin("person", "person.id", "membership.person_id")
    .leftJoin("organisation", "organisation.id", "membership.organisation_id")
    .where("membership.coalition_id", "=", team.id)
    .where("person.deactivated_at", "is", null)
    .select([
      "person.id as personId",
      "person.name",
      "membership.role",
      "membership.perspective",
      "organisation.name as organisation",
    ])
    .orderBy("person.name");
}


/** Members grouped by perspective, in the fixed order of the perspectives (vocabulary.ts). */
export function membersByPerspective(members: MemberOfTeam[]) {
  return perspectives.map((perspective) => ({
    perspective,
    members: members.filter((m) => m.perspective === perspective),
  }));
}

/** Per coalition: how many active participants each perspective has (counts only, no names). */
export async function perspectiveCounts() {
  const rows = await db()
    .selectFrom("membership")
    .innerJoin("person", "person.id", "membership.person_id")
    .where("person.deactivated_at", "is", null)
    .groupBy(["membership.coalition_id", "membership.perspective"])
    .select(({ fn }) => ["membership.coalition_id", "membership.perspective", fn.countAll<string>().as("count")])
    .execute();
  return (coalitionId: string, perspective: Perspective) =>
    Number(rows.find((r) => r.coalition_id === coalitionId && r.perspective === perspective)?.count ?? 0);
}
