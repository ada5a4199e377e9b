import { sql, type Kysely } from "kysely";

// Lessons learned and milestones (issue 4). Status changes of milestones are an append-only history:
// a trigger refuses every UPDATE and DELETE on it, so plan versus reality cannot be rewritten afterwards.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("lesson")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("coalition_id", "uuid", (c) => c.notNull().references("coalition.id").onDelete("cascade"))
    .addColumn("author_id", "uuid", (c) => c.notNull().references("person.id"))
    .addColumn("statement", "text", (c) => c.notNull())
    .addColumn("explanation", "jsonb", (c) => c.notNull())
    .addColumn("explanation_text", "text", (c) => c.notNull())
    .addColumn("visibility", "text", (c) => c.notNull().check(sql`visibility in ('team', 'network')`))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("deleted_at", "timestamptz")
    .addColumn("search", sql`tsvector`, (c) =>
      c.generatedAlwaysAs(sql`to_tsvector('dutch'::regconfig, statement || ' ' || explanation_text)`).stored(),
    )
    .execute();
  await db.schema.createIndex("lesson_team").on("lesson").columns(["coalition_id", "created_at desc"]).execute();
  await db.schema.createIndex("lesson_search").on("lesson").using("gin").column("search").execute();

  await db.schema
    .createTable("lesson_theme")
    .addColumn("lesson_id", "uuid", (c) => c.notNull().references("lesson.id").onDelete("cascade"))
    .addColumn("theme_id", "uuid", (c) => c.notNull().references("theme.id"))
    .addPrimaryKeyConstraint("lesson_theme_pk", ["lesson_id", "theme_id"])
    .execute();
  await db.schema.createIndex("lesson_theme_theme").on("lesson_theme").column("theme_id").execute();

  await db.schema
    .createTable("lesson_reflection")
    .addColumn("lesson_id", "uuid", (c) => c.notNull().references("lesson.id").onDelete("cascade"))
    .addColumn("reflection_id", "uuid", (c) => c.notNull().references("reflection.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("lesson_reflection_pk", ["lesson_id", "reflection_id"])
    .execute();
  await db.schema.createIndex("lesson_reflection_reflection").on("lesson_reflection").column("reflection_id").execute();

  await db.schema
    .createTable("milestone")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("coalition_id", "uuid", (c) => c.notNull().references("coalition.id").onDelete("cascade"))
    .addColumn("created_by", "uuid", (c) => c.notNull().references("person.id"))
    .addColumn("owner_id", "uuid", (c) => c.references("person.id").onDelete("set null"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "jsonb", (c) => c.notNull())
    .addColumn("description_text", "text", (c) => c.notNull())
    .addColumn("planned_date", "date", (c) => c.notNull())
    .addColumn("target_date", "date", (c) => c.notNull())
    .addColumn("status", "text", (c) =>
      c.notNull().defaultTo("planned").check(sql`status in ('planned', 'in_progress', 'achieved', 'adjusted', 'dropped')`),
    )
    .addColumn("visibility", "text", (c) => c.notNull().defaultTo("team").check(sql`visibility in ('team', 'network')`))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("deleted_at", "timestamptz")
    .execute();
  await db.schema.createIndex("milestone_team").on("milestone").columns(["coalition_id", "target_date"]).execute();

  await db.schema
    .createTable("milestone_status_change")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("milestone_id", "uuid", (c) => c.notNull().references("milestone.id"))
    .addColumn("from_status", "text")
    .addColumn("to_status", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull().check(sql`length(btrim(reason)) > 0`))
    .addColumn("previous_target_date", "date")
    .addColumn("new_target_date", "date")
    .addColumn("changed_by", "uuid", (c) => c.notNull().references("person.id"))
    .addColumn("changed_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex("milestone_status_change_milestone")
    .on("milestone_status_change")
    .columns(["milestone_id", "changed_at"])
    .execute();

  await sql`create function milestone_history_is_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'milestone_status_change is append-only';
    end
  $$`.execute(db);
  await sql`create trigger milestone_status_change_append_only
    before update or delete on milestone_status_change
    for each row execute function milestone_history_is_append_only()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger milestone_status_change_append_only on milestone_status_change`.execute(db);
  await sql`drop function milestone_history_is_append_only()`.execute(db);
  for (const table of ["milestone_status_change", "milestone", "lesson_reflection", "lesson_theme", "lesson"]) {
    await db.schema.dropTable(table).execute();
  }
}
