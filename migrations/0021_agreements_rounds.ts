import { sql, type Kysely } from "kysely";

// Input rounds and the collaboration agreement. In a round each perspective speaks separately: members answer in
// the app, others (when the round allows it) through the round's link; the facilitator groups the contributions
// into themes, and those themes are where the agreement's articles come from. The agreement is kept in numbered
// versions (draft, proposed, signed); each partner organisation names a signatory per version, and a signature is
// tied to that exact version. Others may ask to join a published agreement.
export async function up(db: Kysely<unknown>): Promise<void> {
  // The municipality's civil servants and the partners' boards are perspectives of their own.
  await sql`alter table membership drop constraint membership_perspective_check`.execute(db);
  await sql`alter table membership add constraint membership_perspective_check
    check (perspective in ('resident', 'volunteer', 'professional', 'municipality', 'board'))`.execute(db);

  // Facilitators hear of a join request or a signature.
  await sql`alter table notification drop constraint notification_kind_check`.execute(db);
  await sql`alter table notification add constraint notification_kind_check
    check (kind in ('reply', 'mention', 'poll', 'session', 'action', 'shared', 'registration', 'join_request', 'signature'))`.execute(db);
  await sql`alter table notification drop constraint notification_item_type_check`.execute(db);
  await sql`alter table notification add constraint notification_item_type_check
    check (item_type in ('reflection', 'lesson', 'milestone', 'session', 'event', 'agreement'))`.execute(db);

  await db.schema
    .createTable("input_round")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("coalition_id", "uuid", (c) => c.notNull().references("coalition.id").onDelete("cascade"))
    .addColumn("question", "text", (c) => c.notNull())
    // The perspectives asked, a subset of the five.
    .addColumn("perspectives", sql`text[]`, (c) => c.notNull())
    .addColumn("opens_on", "date", (c) => c.notNull())
    .addColumn("closes_on", "date", (c) => c.notNull())
    .addColumn("open_to_outsiders", "boolean", (c) => c.notNull().defaultTo(false))
    // The round's link for people without an account (/rounds/:token); shared on paper, so kept as it is.
    .addColumn("public_token", "text", (c) => c.notNull().unique())
    // Set when the coalition shares what came out of the round with the network: the funder then reads the texts.
    .addColumn("outcome_shared_at", "timestamptz")
    .addColumn("created_by", "uuid", (c) => c.references("person.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("input_round_dates", sql`closes_on >= opens_on`)
    .addCheckConstraint(
      "input_round_perspectives",
      sql`cardinality(perspectives) > 0 and perspectives <@ array['resident', 'volunteer', 'professional', 'municipality', 'board']::text[]`,
    )
    .execute();
  await db.schema.createIndex("input_round_team").on("input_round").columns(["coalition_id", "opens_on"]).execute();

  // Whom the facilitator adds to group the contributions with them.
  await db.schema
    .createTable("round_editor")
    .addColumn("round_id", "uuid", (c) => c.notNull().references("input_round.id").onDelete("cascade"))
    .addColumn("person_id", "uuid", (c) => c.notNull().references("person.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("round_editor_pkey", ["round_id", "person_id"])
    .execute();

  // A group of contributions: a theme from the programme's list, or a label of the round's own.
  await db.schema
    .createTable("round_theme")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("round_id", "uuid", (c) => c.notNull().references("input_round.id").onDelete("cascade"))
    .addColumn("theme_id", "uuid", (c) => c.references("theme.id"))
    .addColumn("label", "text")
    .addCheckConstraint("round_theme_one_name", sql`(theme_id is null) <> (label is null)`)
    .execute();
  await db.schema.createIndex("round_theme_round").on("round_theme").column("round_id").execute();

  await db.schema
    .createTable("round_contribution")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("round_id", "uuid", (c) => c.notNull().references("input_round.id").onDelete("cascade"))
    .addColumn("body", "text", (c) => c.notNull().check(sql`char_length(body) between 1 and 2000`))
    .addColumn("perspective", "text", (c) =>
      c.notNull().check(sql`perspective in ('resident', 'volunteer', 'professional', 'municipality', 'board')`),
    )
    // A member's contribution; null for someone without an account (who may give a name).
    .addColumn("person_id", "uuid", (c) => c.references("person.id").onDelete("set null"))
    .addColumn("author_name", "text")
    .addColumn("round_theme_id", "uuid", (c) => c.references("round_theme.id").onDelete("set null"))
    // The facilitator marks the contributions that shape an article of the agreement.
    .addColumn("shapes_article", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("round_contribution_round").on("round_contribution").columns(["round_id", "perspective"]).execute();
  await sql`create index round_contribution_person on round_contribution (person_id) where person_id is not null`.execute(db);

  // Contributions through the round's link, counted per address for the rate limit.
  await db.schema
    .createTable("round_contribution_attempt")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("round_id", "uuid", (c) => c.notNull().references("input_round.id").onDelete("cascade"))
    .addColumn("address", "text", (c) => c.notNull())
    .addColumn("attempted_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("round_contribution_attempt_recent").on("round_contribution_attempt").columns(["round_id", "attempted_at"]).execute();

  // One agreement per coalition; its text lives in its versions.
  await db.schema
    .createTable("agreement")
    .addColumn("coalition_id", "uuid", (c) => c.primaryKey().references("coalition.id").onDelete("cascade"))
    // Set while the coalition shows the version in force at /agreements/:team.
    .addColumn("published_at", "timestamptz")
    // When the facilitators mean to look at it again; they are reminded once per date.
    .addColumn("review_on", "date")
    .addColumn("review_reminded_for", "date")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("agreement_version")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("coalition_id", "uuid", (c) => c.notNull().references("agreement.coalition_id").onDelete("cascade"))
    .addColumn("number", "integer", (c) => c.notNull().check(sql`number > 0`))
    // draft: being written; proposed: out for signing, text fixed; signed: every named partner signed, in force.
    .addColumn("status", "text", (c) => c.notNull().defaultTo("draft").check(sql`status in ('draft', 'proposed', 'signed')`))
    .addColumn("vision", "jsonb", (c) => c.notNull())
    .addColumn("vision_text", "text", (c) => c.notNull().defaultTo(""))
    // Optimistic concurrency for the vision, as for every other edited text.
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_by", "uuid", (c) => c.references("person.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("proposed_at", "timestamptz")
    .addColumn("signed_at", "timestamptz")
    .addUniqueConstraint("agreement_version_number", ["coalition_id", "number"])
    .execute();

  await db.schema
    .createTable("agreement_article")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("version_id", "uuid", (c) => c.notNull().references("agreement_version.id").onDelete("cascade"))
    // The same article across versions keeps its key, so a revision can be shown article by article.
    .addColumn("article_key", "uuid", (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn("number", "integer", (c) => c.notNull().check(sql`number > 0`))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("body", "jsonb", (c) => c.notNull())
    .addColumn("body_text", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint("agreement_article_key", ["version_id", "article_key"])
    .execute();
  await db.schema.createIndex("agreement_article_version").on("agreement_article").columns(["version_id", "number"]).execute();

  // The round themes an article came from.
  await db.schema
    .createTable("agreement_article_source")
    .addColumn("article_id", "uuid", (c) => c.notNull().references("agreement_article.id").onDelete("cascade"))
    .addColumn("round_theme_id", "uuid", (c) => c.notNull().references("round_theme.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("agreement_article_source_pkey", ["article_id", "round_theme_id"])
    .execute();

  // Who signs for a partner organisation on one version: a member, or someone without an account who gets a
  // personal, expiring link (only its hash is kept).
  await db.schema
    .createTable("agreement_signatory")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("version_id", "uuid", (c) => c.notNull().references("agreement_version.id").onDelete("cascade"))
    .addColumn("organisation_id", "uuid", (c) => c.notNull().references("organisation.id").onDelete("cascade"))
    .addColumn("person_id", "uuid", (c) => c.references("person.id").onDelete("set null"))
    .addColumn("name", "text")
    .addColumn("email", "text")
    .addColumn("token_hash", "text", (c) => c.unique())
    .addColumn("token_expires_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("agreement_signatory_once", ["version_id", "organisation_id"])
    .execute();
  await sql`create index agreement_signatory_person on agreement_signatory (person_id) where person_id is not null`.execute(db);

  // A signature: name, function and date, given after reading that exact version. Never changed afterwards.
  await db.schema
    .createTable("agreement_signature")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("signatory_id", "uuid", (c) => c.notNull().unique().references("agreement_signatory.id").onDelete("cascade"))
    .addColumn("version_id", "uuid", (c) => c.notNull().references("agreement_version.id").onDelete("cascade"))
    .addColumn("organisation_id", "uuid", (c) => c.notNull().references("organisation.id").onDelete("cascade"))
    .addColumn("person_id", "uuid", (c) => c.references("person.id").onDelete("set null"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("function", "text", (c) => c.notNull())
    .addColumn("signed_on", "date", (c) => c.notNull())
    .addColumn("signed_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("agreement_signature_version").on("agreement_signature").column("version_id").execute();

  // An organisation or a person asking to join a published agreement. Contact details are for the coalition's
  // facilitators only and are deleted 90 days after the decision.
  await db.schema
    .createTable("agreement_join_request")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("coalition_id", "uuid", (c) => c.notNull().references("agreement.coalition_id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('organisation', 'individual')`))
    .addColumn("organisation_name", "text")
    .addColumn("contact_name", "text", (c) => c.notNull())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("motivation", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("decision", "text", (c) => c.check(sql`decision in ('accepted', 'declined')`))
    .addColumn("decision_message", "text")
    .addColumn("decided_at", "timestamptz")
    .addColumn("decided_by", "uuid", (c) => c.references("person.id").onDelete("set null"))
    // The partner an accepted organisation became.
    .addColumn("organisation_id", "uuid", (c) => c.references("organisation.id").onDelete("set null"))
    .addCheckConstraint("agreement_join_request_organisation", sql`kind = 'individual' or organisation_name is not null`)
    .execute();
  await db.schema.createIndex("agreement_join_request_team").on("agreement_join_request").columns(["coalition_id", "created_at"]).execute();

  await db.schema
    .createTable("agreement_join_attempt")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("coalition_id", "uuid", (c) => c.notNull().references("coalition.id").onDelete("cascade"))
    .addColumn("address", "text", (c) => c.notNull())
    .addColumn("attempted_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("agreement_join_attempt_recent").on("agreement_join_attempt").columns(["coalition_id", "attempted_at"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "agreement_join_attempt",
    "agreement_join_request",
    "agreement_signature",
    "agreement_signatory",
    "agreement_article_source",
    "agreement_article",
    "agreement_version",
    "agreement",
    "round_contribution_attempt",
    "round_contribution",
    "round_theme",
    "round_editor",
    "input_round",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
