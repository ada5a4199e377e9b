import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { db, useDatabase, type DB } from "../../db/db.server";
import type { Database } from "../../db/schema";
import { registerForEvent } from "../../app/domain/events/registrations/visitor-registration.server";
import { BASE, createCoalition, createPerson, unique } from "../fixtures";
import { insertEvent } from "../fixtures/events";

// The capacity holds when many people register at once: registering locks the event row, counts the
// places taken and only then decides between a place and the waiting list, all in one transaction.
//
// On PostgreSQL (TEST_DATABASE_URL, always in CI) the registrations below go through a pool of their own with
// 10 connections, and the test checks that several of them really were busy at the same moment: without the
// lock on the event row, two transactions count the same free place and the event ends over capacity.
// On PGlite there is one connection and transactions queue one after another: the test passes there too
// but proves only the bookkeeping, not the locking.

const onPostgres = process.env.TEST_ENGINE === "postgres";
const engine = onPostgres ? "PostgreSQL: 10 connections in parallel" : "PGlite: one connection, so serialised";

/** Runs `work` with the app on a pool of `size` PostgreSQL connections; returns how many were busy at once at most. */
async function onParallelConnections(size: number, work: () => Promise<void>): Promise<number> {
  const shared = db();
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(shared);
  const pool = new pg.Pool({ connectionString: process.env.TEST_DATABASE_URL, max: size, options: `-c search_path=${rows[0].schema}` });
  let busy = 0;
  let mostBusy = 0;
  pool.on("acquire", () => (mostBusy = Math.max(mostBusy, ++busy)));
  pool.on("release", () => busy--);
  const parallel: DB = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  useDatabase(parallel);
  try {
    await work();
  } finally {
    useDatabase(shared);
    await parallel.destroy();
  }
  return mostBusy;
}

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

    let outcomes: Awaited<ReturnType<typeof registerForEvent>>[] = [];
    const registerAll = async () => {
      outcomes = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          registerForEvent(
            null,
            event.slug,
            { name: `Tegelijk ${i}`, email: `${unique("tegelijk")}@voorbeeld.nl`, yes: [] },
            { address: `10.77.0.${i}`, origin: BASE }
          )
        )
      );
    };
    if (onPostgres) {
      // Not one transaction after another: most of the 10 connections were in use at the same moment.
      expect(await onParallelConnections(10, registerAll)).toBeGreaterThanOrEqual(5);
    } else {
      await registerAll();
    }

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
