import { sql, type Kysely } from "kysely";

// Notifications (melding): what happened to whom, about which item, read or not. Whether a person may still
// read that item is asked again whenever a notification is shown or mailed, so the row holds no text of it.
// Per person and kind a preference (no row: the default), the weekly digest's day, and the unsubscribe tokens
// of the mails (only their hash).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("notification")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("recipient_id", "uuid", (c) => c.notNull().references("person.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) =>
      c.notNull().check(sql`kind in ('reply', 'mention', 'poll', 'session', 'action', 'shared', 'registration')`),
    )
    .addColumn("item_type", "text", (c) =>
      c.notNull().check(sql`item_type in ('reflection', 'lesson', 'milestone', 'session', 'event')`),
    )
    .addColumn("item_id", "uuid", (c) => c.notNull())
    // What changed, when the kind alone does not say it (a session: confirmed, rescheduled or cancelled).
    .addColumn("detail", "text")
    .addColumn("actor_id", "uuid", (c) => c.references("person.id").onDelete("set null"))
    // How it reaches the person, decided by their preference when it was made: in the app, at once by mail, or in the digest.
    .addColumn("delivery", "text", (c) => c.notNull().check(sql`delivery in ('app', 'email', 'digest')`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("read_at", "timestamptz")
    .addColumn("mailed_at", "timestamptz")
    .execute();
  await sql`create index notification_recipient on notification (recipient_id, created_at desc)`.execute(db);
  // The bell counts a person's unread notifications on every page.
  await sql`create index notification_unread on notification (recipient_id) where read_at is null`.execute(db);
  await sql`create index notification_created on notification (created_at)`.execute(db);
  await sql`create index notification_actor on notification (actor_id) where actor_id is not null`.execute(db);

  await db.schema
    .createTable("notification_preference")
    .addColumn("person_id", "uuid", (c) => c.notNull().references("person.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("delivery", "text", (c) => c.notNull().check(sql`delivery in ('off', 'app', 'email', 'digest')`))
    .addPrimaryKeyConstraint("notification_preference_pkey", ["person_id", "kind"])
    .execute();

  // ISO weekday (1 Monday … 7 Sunday) of the person's weekly digest; no row: Monday.
  await db.schema
    .createTable("digest_day")
    .addColumn("person_id", "uuid", (c) => c.primaryKey().references("person.id").onDelete("cascade"))
    .addColumn("weekday", "smallint", (c) => c.notNull().check(sql`weekday between 1 and 7`))
    .execute();

  await db.schema
    .createTable("unsubscribe_token")
    .addColumn("id_hash", "text", (c) => c.primaryKey())
    .addColumn("person_id", "uuid", (c) => c.notNull().references("person.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("unsubscribe_token_person").on("unsubscribe_token").column("person_id").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("unsubscribe_token").execute();
  await db.schema.dropTable("digest_day").execute();
  await db.schema.dropTable("notification_preference").execute();
  await db.schema.dropTable("notification").execute();
}
