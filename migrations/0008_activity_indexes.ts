import { sql, type Kysely } from "kysely";

// Two covering partial indexes for the funder's dashboard (/programme, issue 6), found with `npm run bench`
// on the data set of DESIGN.md §7. The dashboard counts, per coalition and month of the last twelve, what
// was written for the team or the network: with only the coalition-first indexes PostgreSQL read every
// wide row of the reflection table (about 4,000 pages) to count a year's worth. These hold just the counted
// rows, by when they were written, with the coalition and author beside them: an index-only scan.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Kysely's index builder has no INCLUDE, hence plain SQL.
  await sql`create index reflection_shared_activity on reflection (created_at) include (coalition_id, author_id)
    where deleted_at is null and visibility in ('team', 'network')`.execute(db);
  await sql`create index lesson_activity on lesson (created_at) include (coalition_id, author_id)
    where deleted_at is null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("lesson_activity").execute();
  await db.schema.dropIndex("reflection_shared_activity").execute();
}
