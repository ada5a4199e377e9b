import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../db/db.server";
import { RETENTION_LOCK_KEY, accountsPastRetention, anonymiseInactiveAccounts, retentionMonths } from "../../app/domain/privacy/retention.server";
import * as retentionRoute from "../../app/routes/admin.retention";
import { browserRequest, callRoute, createCoalition, createPerson, sessionFor, unique } from "../fixtures";
import { writeReflection } from "../fixtures/reflections";
import { renderPage } from "../fixtures/render";

// Issue 8, item 5: the admin may have accounts anonymised after 12, 24 or 36 months without a login. Off by
// default (nothing happens); admins are never anonymised; only accounts past the period are.

type Person = Awaited<ReturnType<typeof createPerson>>;
let admin: Person, member: Person, facilitator: Person, funder: Person;
const account: Record<"stale" | "staleFunder" | "staleAdmin" | "neverOld" | "neverNew" | "recent" | "oldAuditLogin", Person> = {} as never;

const monthsAgo = (months: number) => sql<Date>`now() - make_interval(months => ${months})`;

async function post(as: Person, months: string) {
  return callRoute(retentionRoute.action, {
    request: browserRequest("/admin/retention", { cookie: await sessionFor(as), form: { months } }),
    context: { clientAddress: "192.0.2.50" },
  });
}

// On PostgreSQL the job runs as it does with several processes behind a load balancer: under an advisory lock.
const onPostgres = process.env.TEST_ENGINE === "postgres";
async function asDeployed<T>(work: () => Promise<T>): Promise<T> {
  if (!onPostgres) return work();
  process.env.DATABASE_URL = process.env.TEST_DATABASE_URL;
  try {
    return await work();
  } finally {
    delete process.env.DATABASE_URL;
  }
}

async function personRow(person: Person) {
  return db().selectFrom("person").where("id", "=", person.id).select(["name", "email", "erased_at"]).executeTakeFirstOrThrow();
}

beforeAll(async () => {
  const team = await createCoalition();
  admin = await createPerson({ accountRole: "admin" });
  facilitator = await createPerson({ team, role: "facilitator" });
  member = await createPerson({ team, role: "member" });
  funder = await createPerson({ accountRole: "funder" });
  account.stale = await createPerson({ team, role: "member", name: unique("Oud") });
  account.staleFunder = await createPerson({ accountRole: "funder", name: unique("OudFonds") });
  account.staleAdmin = await createPerson({ accountRole: "admin", name: unique("OudBeheer") });
  account.neverOld = await createPerson({ team, role: "member", name: unique("NooitOud") });
  account.neverNew = await createPerson({ team, role: "member", name: unique("NooitNieuw") });
  account.recent = await createPerson({ team, role: "member", name: unique("Recent") });
  account.oldAuditLogin = await createPerson({ team, role: "member", name: unique("OudeLogin") });
  // Everyone created three years ago, except the newcomer.
  for (const person of Object.values(account)) {
    if (person !== account.neverNew) await sql`update person set created_at = ${monthsAgo(36)} where id = ${person.id}`.execute(db());
  }
  await sql`update person set created_at = ${monthsAgo(2)} where id = ${account.neverNew.id}`.execute(db());
  for (const person of [account.stale, account.staleFunder, account.staleAdmin]) {
    await sql`update person set last_login_at = ${monthsAgo(13)} where id = ${person.id}`.execute(db());
  }
  await sql`update person set last_login_at = ${monthsAgo(1)} where id = ${account.recent.id}`.execute(db());
  // From before last_login_at existed: the audit log's login counts.
  await sql`insert into audit_event (kind, actor_id, subject_id, at) values ('login', ${account.oldAuditLogin.id}, ${account.oldAuditLogin.id}, ${monthsAgo(3)})`.execute(db());
  await writeReflection(account.stale.id, team.id, { title: unique("PRIVE"), text: "tekst", visibility: "private" });
});

describe("the retention period for inactive accounts", () => {
  it("is off by default: nothing is selected and nothing anonymised", async () => {
    expect(await retentionMonths()).toBeNull();
    expect(await accountsPastRetention()).toEqual([]);
    expect(await anonymiseInactiveAccounts()).toBe(0);
    expect((await personRow(account.stale)).erased_at).toBeNull();
  });

  it("only an admin reads or sets it; everyone else gets 404 and nothing changes", async () => {
    for (const person of [member, facilitator, funder]) {
      const page = await callRoute(retentionRoute.loader, { request: browserRequest("/admin/retention", { cookie: await sessionFor(person) }) });
      expect(page.status).toBe(404);
      expect((await post(person, "12")).status).toBe(404);
    }
    expect(await retentionMonths()).toBeNull();
  });

  it("refuses a period it does not offer, next to the field", async () => {
    const response = await post(admin, "6");
    expect(response.status).toBe(400);
    const reply = await response.json();
    expect(reply.error.months).toEqual(["audit.retention.error.choice"]);
    expect(await retentionMonths()).toBeNull();
  });

  it("set to 12 months (audited), selects participants and funders past it, never an admin or a recent login", async () => {
    const page = await callRoute(retentionRoute.loader, { request: browserRequest("/admin/retention", { cookie: await sessionFor(admin) }) });
    const before = await page.json();
    expect(before.months).toBeNull();
    expect(before.wouldAnonymise[12]).toBeGreaterThanOrEqual(3);
    const html = await renderPage(retentionRoute.default, before);
    expect(html).toContain("Inactieve accounts anonimiseren na");
    expect(html).toContain("Nu: uit.");
    expect(html).toMatch(/<option value="off" selected="">uit<\/option>/);

    expect((await post(admin, "12")).status).toBe(302);
    expect(await retentionMonths()).toBe(12);
    const audit = await db().selectFrom("audit_event").where("kind", "=", "retention_changed").selectAll().executeTakeFirstOrThrow();
    expect(audit.actor_id).toBe(admin.id);
    expect(audit.address).toBe("192.0.2.50");
    expect(audit.detail).toEqual({ from: null, to: 12 });

    const selected = await accountsPastRetention();
    expect(selected).toEqual(expect.arrayContaining([account.stale.id, account.staleFunder.id, account.neverOld.id]));
    for (const kept of [account.staleAdmin, account.neverNew, account.recent, account.oldAuditLogin, admin, member]) {
      expect(selected).not.toContain(kept.id);
    }
    // 24 months: a login 13 months ago is within it; never logged in for 36 months is not.
    await post(admin, "24");
    const at24 = await accountsPastRetention();
    expect(at24).not.toContain(account.stale.id);
    expect(at24).toContain(account.neverOld.id);
    await post(admin, "12");
  });

  it.runIf(onPostgres)("does nothing while another process runs the job", async () => {
    await db()
      .connection()
      .execute(async (otherProcess) => {
        await sql`select pg_advisory_lock(${RETENTION_LOCK_KEY})`.execute(otherProcess);
        try {
          expect(await asDeployed(() => anonymiseInactiveAccounts())).toBe(0);
        } finally {
          await sql`select pg_advisory_unlock(${RETENTION_LOCK_KEY})`.execute(otherProcess);
        }
      });
    expect((await personRow(account.stale)).erased_at).toBeNull();
  });

  it("anonymises exactly the accounts past the period, and a second run finds nothing left", async () => {
    const ran = await asDeployed(() => anonymiseInactiveAccounts());
    expect(ran).toBeGreaterThanOrEqual(3);
    for (const gone of [account.stale, account.staleFunder, account.neverOld]) {
      const row = await personRow(gone);
      expect(row.erased_at).not.toBeNull();
      expect(row.name).toBe("");
    }
    for (const kept of [account.staleAdmin, account.neverNew, account.recent, account.oldAuditLogin]) {
      expect((await personRow(kept)).erased_at).toBeNull();
    }
    const anonymised = await db().selectFrom("audit_event").where("kind", "=", "account_anonymised").select("subject_id").execute();
    expect(anonymised.map((e) => e.subject_id)).toEqual(expect.arrayContaining([account.stale.id, account.staleFunder.id, account.neverOld.id]));
    expect(await accountsPastRetention()).toEqual([]);
  });

  it("turned off again, nothing more is anonymised", async () => {
    expect((await post(admin, "off")).status).toBe(302);
    expect(await retentionMonths()).toBeNull();
    await sql`update person set last_login_at = ${monthsAgo(40)} where id = ${account.recent.id}`.execute(db());
    expect(await anonymiseInactiveAccounts()).toBe(0);
    expect((await personRow(account.recent)).erased_at).toBeNull();
  });
});
