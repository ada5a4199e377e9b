// DESIGN.md §7 / §10: one item shared with the network notifies everyone of the programme, decided per person by
// the pages' own rules. Measured with 500 people: the programme's own, plus stand-ins in a coalition made for the
// run and removed after it (their notifications go with them).
import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { db, useDatabase } from "../db/db.server";
import type { Database } from "../db/schema";
import { usersByIds } from "../app/auth/permissions.server";
import { notifyShared } from "../app/domain/notifications/notify.server";

const PEOPLE = 500;
const FANOUT_BUDGET_MS = 1000;
const SLUG = "bench-fanout";

export async function benchFanOut(): Promise<void> {
  const item = await db()
    .selectFrom("reflection")
    .where("visibility", "=", "team")
    .where("deleted_at", "is", null)
    .select(["id", "author_id", "coalition_id"])
    .executeTakeFirstOrThrow();
  const existing = await db()
    .selectFrom("person")
    .where("deactivated_at", "is", null)
    .where((eb) => eb.or([eb("account_role", "=", "funder"), eb.exists(eb.selectFrom("membership").whereRef("membership.person_id", "=", "person.id").select("membership.id"))]))
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .executeTakeFirstOrThrow();
  const extra = Math.max(0, PEOPLE - Number(existing.n));
  const coalition = await db()
    .insertInto("coalition")
    .values({ slug: SLUG, name: "Bench fan-out", place: "Nergens" })
    .returning("id")
    .executeTakeFirstOrThrow();
  await sql`
    with people as (
      insert into person (email, name, password_hash)
      select 'fanout-' || n || '@bench.invalid', 'Fan-out ' || n, 'x' from generate_series(1, ${extra}) as n
      returning id)
    insert into membership (coalition_id, person_id, role, perspective)
    select ${coalition.id}, id, 'member', 'resident' from people`.execute(db());

  // Shared as the page shares it: the item is the network's first, then the people are told.
  await db().updateTable("reflection").set({ visibility: "network" }).where("id", "=", item.id).execute();
  try {
    const [author] = await usersByIds([item.author_id]);
    // The same database through a connection that times each statement.
    const queries: number[] = [];
    const plain = db();
    const timed = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: process.env.DATABASE_URL }) }),
      log: (event) => void (event.level === "query" && queries.push(event.queryDurationMillis)),
    });
    useDatabase(timed);
    const started = performance.now();
    try {
      await notifyShared(author, { type: "reflection", id: item.id }, item.coalition_id, "network", "team");
    } finally {
      useDatabase(plain);
      await timed.destroy();
    }
    const wall = performance.now() - started;
    const dbMs = queries.reduce((sum, ms) => sum + ms, 0);
    const made = await db()
      .selectFrom("notification")
      .where("item_type", "=", "reflection")
      .where("item_id", "=", item.id)
      .where("kind", "=", "shared")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    console.log(
      `\nOne reflection shared with the network by one of ${PEOPLE} people, told to the ${made.n} others: ${dbMs.toFixed(0)} ms of database time in ${queries.length} statements (budget ${FANOUT_BUDGET_MS} ms), ${wall.toFixed(0)} ms in all${dbMs >= FANOUT_BUDGET_MS ? "  OVER" : ""}`,
    );
    await db().deleteFrom("notification").where("item_type", "=", "reflection").where("item_id", "=", item.id).where("kind", "=", "shared").execute();
  } finally {
    await db().updateTable("reflection").set({ visibility: "team" }).where("id", "=", item.id).execute();
    await sql`delete from person where id in (select person_id from membership where coalition_id = ${coalition.id})`.execute(db());
    await db().deleteFrom("coalition").where("id", "=", coalition.id).execute();
  }
}
