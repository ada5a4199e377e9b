import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../db/db.server";
import { authenticate } from "../../app/domain/accounts/accounts.server";
import * as membersRoute from "../../app/routes/teams.$team.members";
import { PASSWORD, browserRequest, callRoute, createCoalition, createPerson, sessionFor, unique } from "../fixtures";
import { renderPage } from "../fixtures/render";

// Issue 8, item 5: the facilitator sees when each member last logged in and who has not logged in for six
// months (or never since joining more than six months ago), and can remove them. Members see none of it.

type Person = Awaited<ReturnType<typeof createPerson>>;
let team: Awaited<ReturnType<typeof createCoalition>>;
let facilitator: Person, member: Person;
const people: Record<"stale" | "neverOld" | "neverNew" | "oldLogStillActive" | "recent", Person> = {} as never;

const monthsAgo = (months: number) => sql<Date>`now() - make_interval(months => ${months})`;

async function joinedMonthsAgo(person: Person, months: number) {
  await sql`update membership set created_at = ${monthsAgo(months)} where person_id = ${person.id}`.execute(db());
}

async function page(as: Person) {
  return callRoute(membersRoute.loader, {
    request: browserRequest(`/teams/${team.slug}/members`, { cookie: await sessionFor(as) }),
    params: { team: team.slug },
  });
}

async function remove(as: Person, target: Person) {
  const membership = await db().selectFrom("membership").where("person_id", "=", target.id).select("id").executeTakeFirstOrThrow();
  return callRoute(membersRoute.action, {
    request: browserRequest(`/teams/${team.slug}/members`, {
      cookie: await sessionFor(as),
      form: { intent: "remove", membershipId: membership.id },
    }),
    params: { team: team.slug },
  });
}

beforeAll(async () => {
  team = await createCoalition();
  facilitator = await createPerson({ team, role: "facilitator", name: unique("Begeleider") });
  member = await createPerson({ team, role: "member", name: unique("Lid") });
  for (const key of ["stale", "neverOld", "neverNew", "oldLogStillActive", "recent"] as const) {
    people[key] = await createPerson({ team, role: "member", name: unique(key) });
  }
  // Last logged in seven months ago, member for two years.
  await joinedMonthsAgo(people.stale, 24);
  await sql`update person set last_login_at = ${monthsAgo(7)} where id = ${people.stale.id}`.execute(db());
  // Never logged in, joined eight months ago; and never logged in, joined last month.
  await joinedMonthsAgo(people.neverOld, 8);
  await joinedMonthsAgo(people.neverNew, 1);
  // No last_login_at yet (from before this feature), but a login in the audit log two months ago.
  await joinedMonthsAgo(people.oldLogStillActive, 30);
  await sql`insert into audit_event (kind, actor_id, subject_id, at) values ('login', ${people.oldLogStillActive.id}, ${people.oldLogStillActive.id}, ${monthsAgo(2)})`.execute(db());
  // Joined long ago, logs in today: the login sets last_login_at.
  await joinedMonthsAgo(people.recent, 40);
  expect((await authenticate(people.recent.email, PASSWORD, "192.0.2.1")).ok).toBe(true);
});

describe("inactive members on /teams/:team/members", () => {
  it("a login records when it happened", async () => {
    const row = await db().selectFrom("person").where("id", "=", people.recent.id).select("last_login_at").executeTakeFirstOrThrow();
    expect(Date.now() - new Date(row.last_login_at!).getTime()).toBeLessThan(60_000);
  });

  it("shows the facilitator who has not logged in for 6 months, with the last login of everyone", async () => {
    const response = await page(facilitator);
    expect(response.status).toBe(200);
    const data = await response.json();
    const inactive = data.members.filter((m: { inactive: boolean }) => m.inactive).map((m: { personId: string }) => m.personId);
    expect(inactive.sort()).toEqual([people.stale.id, people.neverOld.id].sort());
    const html = await renderPage(membersRoute.default, data);
    expect(html).toContain("Niet ingelogd in de afgelopen 6 maanden");
    const section = html.slice(html.indexOf("Niet ingelogd in de afgelopen 6 maanden"), html.indexOf("Iemand uitnodigen"));
    expect(section).toContain(people.stale.name);
    expect(section).toContain(people.neverOld.name);
    for (const active of [people.neverNew, people.oldLogStillActive, people.recent, member]) expect(section).not.toContain(active.name);
    expect(html).toContain("Laatst ingelogd");
    expect(html).toContain("Niet sinds"); // never logged in: since when we know
  });

  it("members see neither the page nor anyone's login dates, and cannot remove anyone", async () => {
    expect((await page(member)).status).toBe(404);
    const refused = await remove(member, people.stale);
    expect(refused.status).toBe(404);
    expect(await db().selectFrom("membership").where("person_id", "=", people.stale.id).select("id").executeTakeFirst()).toBeTruthy();
  });

  it("the facilitator removes an inactive member; the account stays", async () => {
    const response = await remove(facilitator, people.neverOld);
    expect(response.status).toBe(302);
    expect(await db().selectFrom("membership").where("person_id", "=", people.neverOld.id).select("id").executeTakeFirst()).toBeUndefined();
    expect(await db().selectFrom("person").where("id", "=", people.neverOld.id).select("id").executeTakeFirst()).toBeTruthy();
  });
});
