import { sql, type Kysely } from "kysely";

// The learning agenda and the programme's public face. A coalition keeps a few learning questions, links its
// items to them and plans when to harvest what it learned. The funder's publications quote what coalitions
// shared only with the quoted coalition's approval; others may ask to come and look.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table notification drop constraint notification_kind_check`.execute(db);
  await sql`alter table notification add constraint notification_kind_check
    check (kind in ('reply', 'mention', 'poll', 'session', 'action', 'shared', 'registration', 'join_request', 'signature',
                    'harvest', 'quote', 'visit_request'))`.execute(db);
  await sql`alter table notification drop constraint notification_item_type_check`.execute(db);
  await sql`alter table notification add constraint notification_item_type_check
    check (item_type in ('reflection', 'lesson', 'milestone', 'session', 'event', 'agreement', 'question', 'harvest', 'publication'))`.execute(db);

  await db.schema
    .createTable("learning_question")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("coalition_id", "uuid", (c) => c.notNull().references("coalition.id").onDelete("cascade"))
    .addColumn("question", "text", (c) => c.notNull().check(sql`char_length(question) between 1 and 300`))
    .addColumn("explanation", "text", (c) => c.notNull().defaultTo(""))
    // A member proposes; a facilitator takes it on the agenda (or archives it). At most seven are on the agenda.
    .addColumn("status", "text", (c) => c.notNull().defaultTo("proposed").check(sql`status in ('proposed', 'active', 'archived')`))
    .addColumn("owner_id", "uuid", (c) => c.references("person.id").onDelete("set null"))
    .addColumn("proposed_by", "uuid", (c) => c.references("person.id").onDelete("set null"))
    .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("learning_question_team").on("learning_question").columns(["coalition_id", "status", "position"]).execute();

  await db.schema
    .createTable("learning_question_theme")
    .addColumn("question_id", "uuid", (c) => c.notNull().references("learning_question.id").onDelete("cascade"))
    .addColumn("theme_id", "uuid", (c) => c.notNull().references("theme.id"))
    .addPrimaryKeyConstraint("learning_question_theme_pkey", ["question_id", "theme_id"])
    .execute();

  // The dates the team means to harvest what it learned on this question; the facilitators are reminded once.
  await db.schema
    .createTable("learning_question_harvest_date")
    .addColumn("question_id", "uuid", (c) => c.notNull().references("learning_question.id").onDelete("cascade"))
    .addColumn("planned_on", "date", (c) => c.notNull())
    .addColumn("reminded_at", "timestamptz")
    .addPrimaryKeyConstraint("learning_question_harvest_date_pkey", ["question_id", "planned_on"])
    .execute();

  // An item linked to a question; each keeps its own visibility wherever the link is shown.
  await db.schema
    .createTable("learning_question_link")
    .addColumn("question_id", "uuid", (c) => c.notNull().references("learning_question.id").onDelete("cascade"))
    .addColumn("item_type", "text", (c) => c.notNull().check(sql`item_type in ('reflection', 'lesson', 'session', 'milestone')`))
    .addColumn("item_id", "uuid", (c) => c.notNull())
    .addColumn("linked_by", "uuid", (c) => c.references("person.id").onDelete("set null"))
    .addColumn("linked_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("learning_question_link_pkey", ["question_id", "item_type", "item_id"])
    .execute();
  await db.schema.createIndex("learning_question_link_item").on("learning_question_link").columns(["item_type", "item_id"]).execute();

  await db.schema
    .createTable("publication")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('newsletter', 'article')`))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("summary", "text", (c) => c.notNull().defaultTo(""))
    // Rich text; a quote is a node that names its publication_quote row, shown only while that quote is approved.
    .addColumn("body", "jsonb", (c) => c.notNull())
    .addColumn("body_text", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("author_id", "uuid", (c) => c.references("person.id").onDelete("set null"))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("published_at", "timestamptz")
    .execute();

  // A quote of what a coalition shared, and that coalition's consent.
  await db.schema
    .createTable("publication_quote")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("publication_id", "uuid", (c) => c.notNull().references("publication.id").onDelete("cascade"))
    // A shared lesson (a harvest's answer, once harvests are kept, is another kind of source).
    .addColumn("source_type", "text", (c) => c.notNull().check(sql`source_type in ('lesson')`))
    .addColumn("source_id", "uuid", (c) => c.notNull())
    .addColumn("coalition_id", "uuid", (c) => c.notNull().references("coalition.id").onDelete("cascade"))
    // The words quoted, as they were when quoted (the coalition approves these words).
    .addColumn("quoted_text", "text", (c) => c.notNull().check(sql`char_length(quoted_text) between 1 and 2000`))
    .addColumn("status", "text", (c) =>
      c.notNull().defaultTo("pending").check(sql`status in ('pending', 'approved', 'declined', 'withdrawn')`),
    )
    // 'name': under the coalition's name; 'anonymous': "een van de coalities".
    .addColumn("attribution", "text", (c) => c.check(sql`attribution in ('name', 'anonymous')`))
    .addColumn("decided_by", "uuid", (c) => c.references("person.id").onDelete("set null"))
    .addColumn("decided_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("publication_quote_attributed", sql`status <> 'approved' or attribution is not null`)
    .execute();
  await db.schema.createIndex("publication_quote_publication").on("publication_quote").column("publication_id").execute();
  await db.schema.createIndex("publication_quote_team").on("publication_quote").columns(["coalition_id", "status"]).execute();

  // Someone who wants to come and look at a coalition's work. Their details are for the coalition's facilitators
  // only and are deleted 90 days after the answer.
  await db.schema
    .createTable("visit_request")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("coalition_id", "uuid", (c) => c.notNull().references("coalition.id").onDelete("cascade"))
    .addColumn("organisation", "text", (c) => c.notNull())
    // Emptied 90 days after the answer (personal_data_deleted_at set then).
    .addColumn("contact_name", "text")
    .addColumn("email", "text")
    .addColumn("wishes", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("answer", "text")
    .addColumn("answered_at", "timestamptz")
    .addColumn("answered_by", "uuid", (c) => c.references("person.id").onDelete("set null"))
    .addColumn("personal_data_deleted_at", "timestamptz")
    .addCheckConstraint(
      "visit_request_contact",
      sql`personal_data_deleted_at is not null or (contact_name is not null and email is not null and wishes is not null)`,
    )
    .execute();
  await db.schema.createIndex("visit_request_team").on("visit_request").columns(["coalition_id", "created_at"]).execute();

  await db.schema
    .createTable("visit_request_attempt")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("coalition_id", "uuid", (c) => c.notNull().references("coalition.id").onDelete("cascade"))
    .addColumn("address", "text", (c) => c.notNull())
    .addColumn("attempted_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("visit_request_attempt_recent").on("visit_request_attempt").columns(["coalition_id", "attempted_at"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "visit_request_attempt",
    "visit_request",
    "publication_quote",
    "publication",
    "learning_question_link",
    "learning_question_harvest_date",
    "learning_question_theme",
    "learning_question",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
