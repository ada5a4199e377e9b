import { describe, expect, it } from "vitest";
import { db } from "../../db/db.server";
import { registerForEvent } from "../../app/domain/events/registrations/visitor-registration.server";
import { BASE, createCoalition, createPerson, unique } from "../fixtures";
import { insertEvent } from "../fixtures/events";

// The capacity holds when many people register at once: registering locks the event row, counts the
// places taken and only then decides between a place and the waiting list, all in one transaction.
//
// On PostgreSQL (TEST_DATABASE_URL) the test's pool has several connections, so the 50 registrations below
// really run at the same time and race for the lock. On PGlite there is one connection and transactions
// queue one after another: the test passes there too but proves only the bookkeeping, not the locking.

const engine = process.env.TEST_ENGINE === "postgres" ? "PostgreSQL: truly parallel" : "PGlite: one connection, so serialised";

describe(`50 registrations at once for the last 10 places (${engine})`, () => {
  it("end with exactly 10 registered and 40 on the waiting list", async () => {
    const team = await createCoalition();
    const organiser = await createPerson({ team, role: "facilitator" });
    const event = await insertEvent({ coalitionId: team.id, createdBy: organiser.id, capacity: 30 });
    // 20 of the 30 places are taken already.
    await db()
      .insertInto("event_registration")
      .values(
        Array.from({ length: 20 }, (_, i) => ({
          event_id: event.id,
          status: "registered" as const,
          name: `Vroege ${i}`,
          email: `${unique("vroeg")}@voorbeeld.nl`,
          updated_at: new Date(),
        }))
      )
      .execute();

    const outcomes = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        registerForEvent(
          null,
          event.slug,
          { name: `Tegelijk ${i}`, email: `${unique("tegelijk")}@voorbeeld.nl`, yes: [] },
          { address: `10.77.0.${i}`, origin: BASE }
        )
      )
    );

    const shown = outcomes.map((o) => (o.ok ? o.shown : o.reason));
    expect(shown.filter((s) => s === "registered")).toHaveLength(10);
    expect(shown.filter((s) => s === "waiting")).toHaveLength(40);

    const rows = await db()
      .selectFrom("event_registration")
      .where("event_id", "=", event.id)
      .where("name", "like", "Tegelijk %")
      .select("status")
      .execute();
    expect(rows.filter((r) => r.status === "registered")).toHaveLength(10);
    expect(rows.filter((r) => r.status === "waiting")).toHaveLength(40);
    const total = await db()
      .selectFrom("event_registration")
      .where("event_id", "=", event.id)
      .where("status", "=", "registered")
      .select((eb) => eb.fn.countAll<string>().as("count"))
      .executeTakeFirstOrThrow();
    expect(Number(total.count)).toBe(30);
  });
});
