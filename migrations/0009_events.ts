import { sql, type Kysely } from "kysely";

// Network events (issue 7): a coalition (or the funder, for the whole programme) presents what it learned.
// Anyone with the link registers for a public event, signed-in people for a network event; registrants'
// personal data is wiped 90 days after the event, while the counts stay.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("event")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    // Null for a programme-wide meeting organised by the funder.
    .addColumn("coalition_id", "uuid", (c) => c.references("coalition.id").onDelete("cascade"))
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "jsonb", (c) => c.notNull())
    .addColumn("description_text", "text", (c) => c.notNull())
    .addColumn("place", "text", (c) => c.notNull())
    .addColumn("address", "text", (c) => c.notNull())
    .addColumn("starts_at", "timestamptz", (c) => c.notNull())
    .addColumn("ends_at", "timestamptz", (c) => c.notNull())
    .addColumn("capacity", "integer", (c) => c.notNull().check(sql`capacity > 0`))
    .addColumn("registration_deadline", "timestamptz", (c) => c.notNull())
    .addColumn("audience", "text", (c) => c.notNull().check(sql`audience in ('public', 'network')`))
    .addColumn("asks_dietary", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("report", "jsonb")
    .addColumn("report_text", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("ical_uid", "text", (c) => c.notNull().unique())
    .addColumn("ical_sequence", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_by", "uuid", (c) => c.notNull().references("person.id"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    // When the registrants' personal data was wiped (90 days after the event).
    .addColumn("personal_data_deleted_at", "timestamptz")
    .addCheckConstraint("event_times", sql`ends_at > starts_at and registration_deadline <= starts_at`)
    .execute();
  await db.schema.createIndex("event_team").on("event").columns(["coalition_id", "starts_at"]).execute();
  await db.schema.createIndex("event_starts").on("event").column("starts_at").execute();

  // The programme of the evening: timed items in order ("17:00 inloop met buffet").
  await db.schema
    .createTable("event_programme_item")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("event_id", "uuid", (c) => c.notNull().references("event.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("starts_at", "timestamptz", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addUniqueConstraint("event_programme_item_position", ["event_id", "position"])
    .execute();

  // Optional yes/no questions besides the built-in name, e-mail and organisation ("Ik eet mee van het buffet").
  await db.schema
    .createTable("event_question")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("event_id", "uuid", (c) => c.notNull().references("event.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("label", "text", (c) => c.notNull())
    .addUniqueConstraint("event_question_position", ["event_id", "position"])
    .execute();

  await db.schema
    .createTable("event_registration")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("event_id", "uuid", (c) => c.notNull().references("event.id").onDelete("cascade"))
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('registered', 'waiting', 'cancelled')`))
    // Personal data: null once wiped after the retention period.
    .addColumn("name", "text")
    .addColumn("email", "text")
    .addColumn("organisation", "text")
    .addColumn("dietary", "text")
    .addColumn("person_id", "uuid", (c) => c.references("person.id").onDelete("set null"))
    // The hash of the secret in the personal link to change or cancel.
    .addColumn("token_hash", "text", (c) => c.unique())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("moved_up_at", "timestamptz")
    .addColumn("cancelled_at", "timestamptz")
    .execute();
  await db.schema.createIndex("event_registration_event").on("event_registration").columns(["event_id", "status", "created_at"]).execute();
  // One live registration per address and event: a second attempt gets the existing change link instead.
  await sql`create unique index event_registration_one_per_email on event_registration (event_id, lower(email))
    where status <> 'cancelled' and email is not null`.execute(db);

  await db.schema
    .createTable("event_answer")
    .addColumn("registration_id", "uuid", (c) => c.notNull().references("event_registration.id").onDelete("cascade"))
    .addColumn("question_id", "uuid", (c) => c.notNull().references("event_question.id").onDelete("cascade"))
    .addColumn("answer", "boolean", (c) => c.notNull())
    .addPrimaryKeyConstraint("event_answer_pk", ["registration_id", "question_id"])
    .execute();

  // What was presented: lessons and reflections shared with the network, linked after the event.
  await db.schema
    .createTable("event_presented")
    .addColumn("event_id", "uuid", (c) => c.notNull().references("event.id").onDelete("cascade"))
    .addColumn("lesson_id", "uuid", (c) => c.references("lesson.id").onDelete("cascade"))
    .addColumn("reflection_id", "uuid", (c) => c.references("reflection.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addCheckConstraint("event_presented_one", sql`(lesson_id is null) <> (reflection_id is null)`)
    .addUniqueConstraint("event_presented_position", ["event_id", "position"])
    .execute();

  // Throttle of the public registration form, per address and per event.
  await db.schema
    .createTable("event_registration_attempt")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("event_id", "uuid", (c) => c.notNull().references("event.id").onDelete("cascade"))
    .addColumn("address", "text", (c) => c.notNull())
    .addColumn("attempted_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex("event_registration_attempt_recent")
    .on("event_registration_attempt")
    .columns(["event_id", "attempted_at"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["event_registration_attempt", "event_presented", "event_answer", "event_registration", "event_question", "event_programme_item", "event"]) {
    await db.schema.dropTable(table).execute();
  }
}
