import { sql, type Kysely } from "kysely";

// Accounts, coalitions and the security tables of the foundation (issue 2).
// Written to run identically on PostgreSQL 15 and PGlite (PostgreSQL 17).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("person")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("account_role", "text", (c) =>
      c.notNull().defaultTo("participant").check(sql`account_role in ('participant', 'funder', 'admin')`),
    )
    .addColumn("language", "text", (c) => c.notNull().defaultTo("nl").check(sql`language in ('nl', 'en')`))
    .addColumn("deactivated_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("auth_session")
    .addColumn("id_hash", "text", (c) => c.primaryKey())
    .addColumn("person_id", "uuid", (c) => c.notNull().references("person.id").onDelete("cascade"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("auth_session_person").on("auth_session").column("person_id").execute();

  await db.schema
    .createTable("coalition")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("place", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("organisation")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("coalition_id", "uuid", (c) => c.notNull().references("coalition.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) =>
      c.notNull().check(sql`kind in ('residents_initiative', 'welfare', 'municipality', 'other')`),
    )
    .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex("organisation_coalition").on("organisation").column("coalition_id").execute();

  await db.schema
    .createTable("membership")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("coalition_id", "uuid", (c) => c.notNull().references("coalition.id").onDelete("cascade"))
    .addColumn("person_id", "uuid", (c) => c.notNull().references("person.id").onDelete("cascade"))
    .addColumn("role", "text", (c) => c.notNull().check(sql`role in ('member', 'facilitator')`))
    .addColumn("perspective", "text", (c) =>
      c.notNull().check(sql`perspective in ('resident', 'volunteer', 'professional')`),
    )
    .addColumn("organisation_id", "uuid", (c) => c.references("organisation.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("membership_once", ["coalition_id", "person_id"])
    .execute();
  await db.schema.createIndex("membership_person").on("membership").column("person_id").execute();

  await db.schema
    .createTable("invitation")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("account_role", "text", (c) =>
      c.notNull().defaultTo("participant").check(sql`account_role in ('participant', 'funder')`),
    )
    .addColumn("coalition_id", "uuid", (c) => c.references("coalition.id").onDelete("cascade"))
    .addColumn("role", "text", (c) => c.check(sql`role in ('member', 'facilitator')`))
    .addColumn("invited_by", "uuid", (c) => c.references("person.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("accepted_at", "timestamptz")
    .addColumn("revoked_at", "timestamptz")
    .addCheckConstraint(
      "invitation_target",
      sql`(account_role = 'funder' and coalition_id is null and role is null)
        or (account_role = 'participant' and coalition_id is not null and role is not null)`,
    )
    .execute();
  await db.schema.createIndex("invitation_coalition").on("invitation").column("coalition_id").execute();

  await db.schema
    .createTable("password_reset")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("person_id", "uuid", (c) => c.notNull().references("person.id").onDelete("cascade"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("used_at", "timestamptz")
    .execute();

  await db.schema
    .createTable("login_attempt")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("address", "text", (c) => c.notNull())
    .addColumn("succeeded", "boolean", (c) => c.notNull())
    .addColumn("at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("login_attempt_email").on("login_attempt").columns(["email", "at"]).execute();
  await db.schema.createIndex("login_attempt_address").on("login_attempt").columns(["address", "at"]).execute();

  await db.schema
    .createTable("theme")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name_nl", "text", (c) => c.notNull())
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("archived_at", "timestamptz")
    .execute();

  await db.schema
    .createTable("email_outbox")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("to_address", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("body_text", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("sent_at", "timestamptz")
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("last_error", "text")
    .execute();

  await db.schema
    .createTable("audit_event")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("actor_id", "uuid", (c) => c.references("person.id").onDelete("set null"))
    .addColumn("subject_id", "uuid", (c) => c.references("person.id").onDelete("set null"))
    .addColumn("coalition_id", "uuid", (c) => c.references("coalition.id").onDelete("set null"))
    .addColumn("address", "text")
    .addColumn("detail", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
  await db.schema.createIndex("audit_event_at").on("audit_event").column("at").execute();

  await sql`insert into theme (slug, name_nl, name_en, position) values
    ('vertrouwen', 'Vertrouwen', 'Trust', 1),
    ('rollen-en-eigenaarschap', 'Rollen en eigenaarschap', 'Roles and ownership', 2),
    ('gelijkwaardigheid', 'Gelijkwaardigheid tussen bewoners en professionals', 'Equality between residents and professionals', 3),
    ('communicatie', 'Communicatie', 'Communication', 4),
    ('ontmoetingsplekken', 'Ontmoetingsplekken', 'Meeting places', 5),
    ('rol-gemeente', 'De rol van de gemeente', 'The municipality''s role', 6),
    ('financiering-en-continuiteit', 'Financiering en continuïteit', 'Funding and continuity', 7),
    ('vrijwilligers', 'Vrijwilligers', 'Volunteers', 8),
    ('plan-en-werkelijkheid', 'Plan en werkelijkheid', 'Plan and reality', 9),
    ('samen-leren', 'Samen leren', 'Learning together', 10)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "audit_event", "email_outbox", "theme", "login_attempt", "password_reset",
    "invitation", "membership", "organisation", "coalition", "auth_session", "person",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
