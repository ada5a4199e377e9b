import { sql, type Kysely } from "kysely";

// Two partial indexes for the network page (DESIGN.md §5), found with `npm run bench` on the data set of
// DESIGN.md §7 (issue 6). The page lists what every coalition shared with the network, newest first: only
// rows with visibility 'network' that are not in the trash, across all coalitions, so no index by
// coalition serves it and PostgreSQL read every reflection and lesson, then sorted. Each index holds just
// the shared rows in the page's own order (a reflection by the day it happened, a lesson by when it was
// written), so that each list is read newest first and stops after the page.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex("reflection_network_recent")
    .on("reflection")
    .columns(["happened_on desc", "created_at desc", "id desc"])
    .where(sql.ref("visibility"), "=", "network")
    .where(sql.ref("deleted_at"), "is", null)
    .execute();
  await db.schema
    .createIndex("lesson_network_recent")
    .on("lesson")
    .columns(["created_at desc", "id desc"])
    .where(sql.ref("visibility"), "=", "network")
    .where(sql.ref("deleted_at"), "is", null)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("lesson_network_recent").execute();
  await db.schema.dropIndex("reflection_network_recent").execute();
}
