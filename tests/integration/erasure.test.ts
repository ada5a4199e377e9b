import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../db/db.server";
import { finaliseDepartures, GRACE_DAYS } from "../../app/domain/privacy/departures.server";
import { anonymiseInactiveAccounts } from "../../app/domain/privacy/retention.server";
import * as deleteRoute from "../../app/routes/settings_.delete";
import { browserRequest, callRoute, createCoalition, createPerson, PASSWORD, sessionFor, unique } from "../fixtures";
import { insertEvent } from "../fixtures/events";

// An account deleted for good, or anonymised by the retention period, leaves nothing of the person behind:
// not in the registrations for events (made with the account, or with the address in another spelling),
// not in the outbox (mail addressed to them, sent or not), not in the sign-in attempts, not in the
// invitations sent to their address. A bystander's rows of each kind stay, so the test cannot pass by
// emptying the tables.

type Person = Awaited<ReturnType<typeof createPerson>>;
let team: Awaited<ReturnType<typeof createCoalition>>;
let facilitator: Person;
let person: Person;
let bystander: Person;
let eventIds: string[];

async function plant(who: Person, marker: string) {
  const shouting = who.email.toUpperCase();
  await db()
    .insertInto("event_registration")
    .values([
      // With the account, and (for another event) without it, under the address in capitals.
      { event_id: eventIds[0], status: "registered", name: who.name, email: who.email, organisation: marker, dietary: marker, person_id: who.id, token_hash: randomBytes(16).toString("hex"), updated_at: new Date() },
      { event_id: eventIds[1], status: "waiting", name: who.name, email: shouting, organisation: marker, dietary: null, person_id: null, token_hash: randomBytes(16).toString("hex"), updated_at: new Date() },
    ])
    .execute();
  await db()
    .insertInto("email_outbox")
    .values([
      { to_address: who.email, subject: "Aanmelding", body_text: `Beste ${who.name}, ${marker}` },
      { to_address: shouting, subject: "Herinnering", body_text: `Beste ${who.name}, ${marker}` },
    ])
    .execute();
  await sql`update email_outbox set sent_at = now() where to_address = ${who.email}`.execute(db());
  await db()
    .insertInto("login_attempt")
    .values([
      { email: who.email, address: "192.0.2.7", succeeded: false, at: new Date() },
      { email: shouting, address: "192.0.2.8", succeeded: true, at: new Date() },
    ])
    .execute();
  await db()
    .insertInto("invitation")
    .values({
      token_hash: randomBytes(16).toString("hex"),
      email: shouting,
      coalition_id: team.id,
      role: "member",
      invited_by: facilitator.id,
      expires_at: new Date(Date.now() + 7 * 86_400_000),
    })
    .execute();
}

/** Every row of the four kinds that still carries this person's id, address or name. */
async function traces(who: Person) {
  const address = who.email.toLowerCase();
  const [registrations, outbox, attempts, invitations] = await Promise.all([
    db()
      .selectFrom("event_registration")
      .where((eb) =>
        eb.or([eb("person_id", "=", who.id), eb(sql`lower(email)`, "=", address), eb("name", "=", who.name), eb("organisation", "like", `%${who.id}%`)]),
      )
      .selectAll()
      .execute(),
    db()
      .selectFrom("email_outbox")
      .where((eb) => eb.or([eb(sql`lower(to_address)`, "=", address), eb("body_text", "like", `%${who.name}%`), eb(sql`lower(body_text)`, "like", `%${address}%`)]))
      .select(["to_address", "subject"])
      .execute(),
    db().selectFrom("login_attempt").where(sql`lower(email)`, "=", address).selectAll().execute(),
    db().selectFrom("invitation").where(sql`lower(email)`, "=", address).selectAll().execute(),
  ]);
  return { registrations, outbox, attempts, invitations };
}

beforeEach(async () => {
  team = await createCoalition();
  facilitator = await createPerson({ team, role: "facilitator" });
  person = await createPerson({ team, role: "member", name: unique("Wisbaar") });
  bystander = await createPerson({ team, role: "member", name: unique("Blijvend") });
  eventIds = [];
  for (const audience of ["public", "network"] as const) {
    eventIds.push((await insertEvent({ coalitionId: team.id, createdBy: facilitator.id, audience })).id);
  }
  await plant(person, `merk-${person.id}`);
  await plant(bystander, `merk-${bystander.id}`);
  const before = await traces(person);
  expect(before.registrations).toHaveLength(2);
  expect(before.outbox).toHaveLength(2);
  expect(before.attempts).toHaveLength(2);
  expect(before.invitations).toHaveLength(1);
});

async function expectErased() {
  expect(await traces(person)).toEqual({ registrations: [], outbox: [], attempts: [], invitations: [] });
  // The registrations stay as rows, so the event's counts stay right, but they name nobody.
  const rows = await db().selectFrom("event_registration").where("event_id", "in", eventIds).select("id").execute();
  expect(rows).toHaveLength(4);
  const kept = await traces(bystander);
  expect([kept.registrations.length, kept.outbox.length, kept.attempts.length, kept.invitations.length]).toEqual([2, 2, 2, 1]);
  const row = await db().selectFrom("person").where("id", "=", person.id).select(["name", "email", "erased_at"]).executeTakeFirstOrThrow();
  expect(row.name).toBe("");
  expect(row.email.toLowerCase()).not.toContain(person.email.toLowerCase());
  expect(row.erased_at).not.toBeNull();
}

describe("erasing a person", () => {
  it("a deleted account, once final, leaves no registration, mail, sign-in attempt or invitation of theirs", async () => {
    const response = await callRoute(deleteRoute.action, {
      request: browserRequest("/settings/delete", {
        cookie: await sessionFor(person),
        form: { confirm: "on", comments: "keep", password: PASSWORD },
      }),
    });
    expect(response.status).toBe(302);
    await finaliseDepartures(new Date(Date.now() + (GRACE_DAYS + 1) * 86_400_000));
    await expectErased();
  });

  it("an account anonymised by the retention period leaves none either", async () => {
    await sql`update person set created_at = now() - interval '3 years', last_login_at = now() - interval '13 months'
      where id = ${person.id}`.execute(db());
    await db()
      .insertInto("installation_setting")
      .values({ name: "inactive_account_retention_months", value: "12" })
      .onConflict((oc) => oc.column("name").doUpdateSet({ value: "12" }))
      .execute();
    try {
      expect(await anonymiseInactiveAccounts()).toBeGreaterThanOrEqual(1);
    } finally {
      await db().deleteFrom("installation_setting").where("name", "=", "inactive_account_retention_months").execute();
    }
    await expectErased();
  });
});
