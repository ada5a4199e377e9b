import { sql, type Kysely } from "kysely";

// The weekly digest goes out once per person and week, however many server processes run the hourly job: the
// process that inserts the (person, week) row sends it; any other finds the row there and sends nothing.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("digest_sent")
    .addColumn("person_id", "uuid", (c) => c.notNull().references("person.id").onDelete("cascade"))
    // ISO week of the Amsterdam calendar, e.g. '2026-W50'.
    .addColumn("week", "text", (c) => c.notNull())
    .addColumn("sent_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("digest_sent_pkey", ["person_id", "week"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("digest_sent").execute();
}
