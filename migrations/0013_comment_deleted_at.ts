import { sql, type Kysely } from "kysely";

// reflection_comment.deleted_at (a departing person's comments wait 30 days like their other items) was added
// to 0010_privacy after that migration had already run on some databases, which therefore never got it.
// Adding it here where it is missing brings them level; where 0010 added it, this changes nothing.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table reflection_comment add column if not exists deleted_at timestamptz`.execute(db);
}

// The column belongs to 0010_privacy on the databases that ran its later text, so it stays.
export async function down(): Promise<void> {}
