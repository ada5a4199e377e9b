import { sql, type Kysely } from "kysely";

// Privacy and trust (issue 8): a person leaves a coalition or deletes their account, with 30 days to change
// their mind; what they keep for the team moves to an anonymous stand-in shown as "former member"; the audit
// log is searchable by person and date; inactive accounts can be anonymised after a retention period.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Set for an erased account and for a stand-in: the row stays (what was kept still points to it) but
  // holds no name, no address and no password.
  await db.schema.alterTable("person").addColumn("erased_at", "timestamptz").execute();
  await db.schema.alterTable("person").addColumn("last_login_at", "timestamptz").execute();

  // A departing person's comments can go too, with the same 30 days to change their mind.
  await db.schema.alterTable("reflection_comment").addColumn("deleted_at", "timestamptz").execute();

  await db.schema
    .createTable("departure")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("person_id", "uuid", (c) => c.notNull().references("person.id"))
    // Null when the whole account goes.
    .addColumn("coalition_id", "uuid", (c) => c.references("coalition.id").onDelete("cascade"))
    // The stand-in that now holds what the person kept for the team(s).
    .addColumn("former_id", "uuid", (c) => c.notNull().references("person.id"))
    // The memberships that ended, to put back on a restore: [{ coalitionId, role, perspective, organisationId }].
    .addColumn("memberships", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn("requested_by", "uuid", (c) => c.references("person.id").onDelete("set null"))
    .addColumn("requested_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("final_at", "timestamptz", (c) => c.notNull())
    .addColumn("restore_token_hash", "text", (c) => c.unique())
    .addColumn("restored_at", "timestamptz")
    .addColumn("finalised_at", "timestamptz")
    .execute();
  await db.schema.createIndex("departure_person").on("departure").column("person_id").execute();
  await sql`create index departure_open on departure (final_at) where restored_at is null and finalised_at is null`.execute(db);

  // What the departure deleted (the private items, and what the person chose to delete): undone on a restore,
  // deleted for good when the 30 days are over.
  await db.schema
    .createTable("departure_item")
    .addColumn("departure_id", "uuid", (c) => c.notNull().references("departure.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('reflection', 'lesson', 'milestone', 'comment')`))
    .addColumn("item_id", "uuid", (c) => c.notNull())
    .addPrimaryKeyConstraint("departure_item_pk", ["departure_id", "kind", "item_id"])
    .execute();

  await db.schema
    .createTable("installation_setting")
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("value", "jsonb", (c) => c.notNull())
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // The audit log, filtered by person and date.
  await db.schema.createIndex("audit_event_actor").on("audit_event").columns(["actor_id", "at"]).execute();
  await db.schema.createIndex("audit_event_subject").on("audit_event").columns(["subject_id", "at"]).execute();

  // Milestone history stays append-only, except inside an erasure: a departing person's name leaves the
  // history (changed_by moves to the stand-in) and an erased milestone takes its history with it.
  await sql`create or replace function milestone_history_is_append_only() returns trigger language plpgsql as $$
    begin
      if current_setting('leernetwerk.erasure', true) = 'on' then
        if tg_op = 'DELETE' then return old; end if;
        if new.id = old.id and new.milestone_id = old.milestone_id and new.reason = old.reason
          and new.to_status = old.to_status and new.changed_at = old.changed_at then
          return new;
        end if;
      end if;
      raise exception 'milestone_status_change is append-only';
    end
  $$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`create or replace function milestone_history_is_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'milestone_status_change is append-only';
    end
  $$`.execute(db);
  await db.schema.dropIndex("audit_event_subject").execute();
  await db.schema.dropIndex("audit_event_actor").execute();
  for (const table of ["installation_setting", "departure_item", "departure"]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable("reflection_comment").dropColumn("deleted_at").execute();
  await db.schema.alterTable("person").dropColumn("last_login_at").execute();
  await db.schema.alterTable("person").dropColumn("erased_at").execute();
}
