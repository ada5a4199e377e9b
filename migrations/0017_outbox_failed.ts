import { sql, type Kysely } from "kysely";

// Mail is sent by jobs that try again for about a day; a mail that never got through is marked failed, with
// its reason in last_error, and the admin may send it again. The hourly clean-ups are scheduled jobs now, so
// the table in which processes claimed their hour goes.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("email_outbox").addColumn("failed_at", "timestamptz").execute();
  await db.schema.dropTable("job_run").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("job_run")
    .addColumn("job", "text", (c) => c.notNull())
    .addColumn("slot", "timestamptz", (c) => c.notNull())
    .addColumn("started_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("finished_at", "timestamptz")
    .addColumn("failed", "boolean", (c) => c.notNull().defaultTo(false))
    .addPrimaryKeyConstraint("job_run_pkey", ["job", "slot"])
    .execute();
  await db.schema.alterTable("email_outbox").dropColumn("failed_at").execute();
}
