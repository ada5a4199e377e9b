import { sql, type Kysely } from "kysely";

// Intervision (issue 5): sessions with an availability poll, invitees, confidential notes per method
// phase, follow-up actions and evaluations; a personal calendar feed; e-mail attachments (calendar files);
// and the links from what a participant chooses to share (a reflection or a lesson) back to the session.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("intervision_session")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("coalition_id", "uuid", (c) => c.notNull().references("coalition.id").onDelete("cascade"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("method", "text", (c) => c.notNull())
    .addColumn("place", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("video_url", "text")
    .addColumn("facilitator_id", "uuid", (c) => c.notNull().references("person.id"))
    .addColumn("case_bringer_id", "uuid", (c) => c.references("person.id"))
    .addColumn("status", "text", (c) =>
      c.notNull().defaultTo("polling").check(sql`status in ('polling', 'confirmed', 'cancelled')`),
    )
    .addColumn("starts_at", "timestamptz")
    .addColumn("ends_at", "timestamptz")
    .addColumn("ical_uid", "text", (c) => c.notNull().unique())
    .addColumn("ical_sequence", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("takeaway", "jsonb")
    .addColumn("takeaway_text", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("intervision_session_confirmed_time", sql`status = 'polling' or (starts_at is not null and ends_at > starts_at)`)
    .execute();
  await db.schema.createIndex("intervision_session_team").on("intervision_session").columns(["coalition_id", "starts_at"]).execute();

  await db.schema
    .createTable("session_slot")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("session_id", "uuid", (c) => c.notNull().references("intervision_session.id").onDelete("cascade"))
    .addColumn("starts_at", "timestamptz", (c) => c.notNull())
    .addColumn("ends_at", "timestamptz", (c) => c.notNull())
    .addCheckConstraint("session_slot_order", sql`ends_at > starts_at`)
    .execute();
  await db.schema.createIndex("session_slot_session").on("session_slot").column("session_id").execute();

  await db.schema
    .createTable("session_invitee")
    .addColumn("session_id", "uuid", (c) => c.notNull().references("intervision_session.id").onDelete("cascade"))
    .addColumn("person_id", "uuid", (c) => c.notNull().references("person.id"))
    .addColumn("rsvp", "text", (c) => c.notNull().defaultTo("pending").check(sql`rsvp in ('pending', 'yes', 'no')`))
    .addColumn("volunteers_case", "boolean", (c) => c.notNull().defaultTo(false))
    .addPrimaryKeyConstraint("session_invitee_pk", ["session_id", "person_id"])
    .execute();
  await db.schema.createIndex("session_invitee_person").on("session_invitee").column("person_id").execute();

  await db.schema
    .createTable("slot_vote")
    .addColumn("slot_id", "uuid", (c) => c.notNull().references("session_slot.id").onDelete("cascade"))
    .addColumn("person_id", "uuid", (c) => c.notNull().references("person.id"))
    .addColumn("answer", "text", (c) => c.notNull().check(sql`answer in ('yes', 'maybe', 'no')`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("slot_vote_pk", ["slot_id", "person_id"])
    .execute();

  await db.schema
    .createTable("session_note")
    .addColumn("session_id", "uuid", (c) => c.notNull().references("intervision_session.id").onDelete("cascade"))
    .addColumn("phase", "integer", (c) => c.notNull())
    .addColumn("body", "jsonb", (c) => c.notNull())
    .addColumn("body_text", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("updated_by", "uuid", (c) => c.notNull().references("person.id"))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("session_note_pk", ["session_id", "phase"])
    .execute();

  await db.schema
    .createTable("session_action")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("session_id", "uuid", (c) => c.notNull().references("intervision_session.id").onDelete("cascade"))
    .addColumn("owner_id", "uuid", (c) => c.notNull().references("person.id"))
    .addColumn("what", "text", (c) => c.notNull())
    .addColumn("due_on", "date")
    .addColumn("done_at", "timestamptz")
    .addColumn("created_by", "uuid", (c) => c.notNull().references("person.id"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("session_action_owner").on("session_action").columns(["owner_id", "done_at"]).execute();

  await db.schema
    .createTable("session_evaluation")
    .addColumn("session_id", "uuid", (c) => c.notNull().references("intervision_session.id").onDelete("cascade"))
    .addColumn("person_id", "uuid", (c) => c.notNull().references("person.id"))
    .addColumn("score", "integer", (c) => c.notNull().check(sql`score between 1 and 5`))
    .addColumn("comment", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("session_evaluation_pk", ["session_id", "person_id"])
    .execute();

  await db.schema
    .createTable("calendar_feed")
    .addColumn("person_id", "uuid", (c) => c.primaryKey().references("person.id").onDelete("cascade"))
    .addColumn("token", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .alterTable("reflection")
    .addColumn("session_id", "uuid", (c) => c.references("intervision_session.id").onDelete("set null"))
    .execute();
  await db.schema
    .createTable("lesson_session")
    .addColumn("lesson_id", "uuid", (c) => c.notNull().references("lesson.id").onDelete("cascade"))
    .addColumn("session_id", "uuid", (c) => c.notNull().references("intervision_session.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("lesson_session_pk", ["lesson_id", "session_id"])
    .execute();

  await db.schema
    .alterTable("email_outbox")
    .addColumn("attachments", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("email_outbox").dropColumn("attachments").execute();
  await db.schema.dropTable("lesson_session").execute();
  await db.schema.alterTable("reflection").dropColumn("session_id").execute();
  for (const table of [
    "calendar_feed", "session_evaluation", "session_action", "session_note", "slot_vote", "session_invitee",
    "session_slot", "intervision_session",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
