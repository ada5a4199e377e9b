import { sql, type Kysely } from "kysely";

// Two indexes on reflection found with `npm run bench` on the data set of DESIGN.md §7 (issue 6):
// - the team home lists a team's latest reflections by created_at (recentReflections); the log's index
//   (coalition_id, happened_on desc, created_at desc) does not serve that order, so PostgreSQL read and
//   sorted every reflection of the team. With reflection_team_recent it reads the newest few and stops.
// - the log's author filter (listVisibleAuthors) needs only who wrote what with which visibility; with
//   reflection_team_readers that is an index-only scan instead of reading every wide row of the team.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex("reflection_team_recent").on("reflection").columns(["coalition_id", "created_at desc"]).execute();
  await db.schema
    .createIndex("reflection_team_readers")
    .on("reflection")
    .columns(["coalition_id", "author_id", "visibility"])
    .where(sql.ref("deleted_at"), "is", null)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("reflection_team_readers").execute();
  await db.schema.dropIndex("reflection_team_recent").execute();
}
