import { sql, type Kysely } from "kysely";

// The hourly clean-ups run in every server process; each claims its (job, hour) row before it runs, and the
// primary key lets exactly one process win the hour however many are running.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("job_run")
    .addColumn("job", "text", (c) => c.notNull())
    .addColumn("slot", "timestamptz", (c) => c.notNull())
    .addColumn("started_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("finished_at", "timestamptz")
    .addColumn("failed", "boolean", (c) => c.notNull().defaultTo(false))
    .addPrimaryKeyConstraint("job_run_pkey", ["job", "slot"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("job_run").execute();
}
