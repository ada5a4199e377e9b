import { sql, type Kysely } from "kysely";

// Reminders and nudges. A session's reminder: the day before (default), two hours before, or off, chosen by the
// facilitator; `reminded_for` holds the start time a reminder was sent for, so each is sent once and a moved
// session is reminded again for its new time. A session's poll reminder (once), and the prompt after it was held
// (once). An event registration's reminder (once). The personal links that answer a poll without signing in
// (only their hash, with an end).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("intervision_session")
    .addColumn("reminder", "text", (c) => c.notNull().defaultTo("day_before").check(sql`reminder in ('off', 'day_before', 'two_hours')`))
    .addColumn("reminded_for", "timestamptz")
    .addColumn("preparation_question", "text")
    .addColumn("poll_reminded_at", "timestamptz")
    .addColumn("takeaway_prompted_at", "timestamptz")
    .execute();
  // The reminder job looks for confirmed sessions still to come.
  await sql`create index intervision_session_upcoming on intervision_session (starts_at) where status = 'confirmed'`.execute(db);
  await db.schema.alterTable("event_registration").addColumn("reminded_at", "timestamptz").execute();

  await db.schema
    .createTable("answer_token")
    .addColumn("id_hash", "text", (c) => c.primaryKey())
    .addColumn("person_id", "uuid", (c) => c.notNull().references("person.id").onDelete("cascade"))
    .addColumn("session_id", "uuid", (c) => c.notNull().references("intervision_session.id").onDelete("cascade"))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("answer_token_person").on("answer_token").column("person_id").execute();
  await db.schema.createIndex("answer_token_session").on("answer_token").column("session_id").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("answer_token").execute();
  await db.schema.alterTable("event_registration").dropColumn("reminded_at").execute();
  await sql`drop index intervision_session_upcoming`.execute(db);
  await db.schema
    .alterTable("intervision_session")
    .dropColumn("reminder")
    .dropColumn("reminded_for")
    .dropColumn("preparation_question")
    .dropColumn("poll_reminded_at")
    .dropColumn("takeaway_prompted_at")
    .execute();
}
