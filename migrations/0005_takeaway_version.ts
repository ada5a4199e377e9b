import { sql, type Kysely } from "kysely";

// The take-away gets its own version: confirming or moving the session no longer makes a take-away save
// look stale.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("intervision_session")
    .addColumn("takeaway_version", "integer", (c) => c.notNull().defaultTo(sql`1`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("intervision_session").dropColumn("takeaway_version").execute();
}
