import { sql, type Kysely } from "kysely";

// Reflection logs (issue 3): rich-text entries with a visibility, themes, comments, a version for
// optimistic concurrency, soft delete, and a Dutch full-text index.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("reflection")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("coalition_id", "uuid", (c) => c.notNull().references("coalition.id").onDelete("cascade"))
    .addColumn("author_id", "uuid", (c) => c.notNull().references("person.id"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("body", "jsonb", (c) => c.notNull())
    .addColumn("body_text", "text", (c) => c.notNull())
    .addColumn("happened_on", "date", (c) => c.notNull())
    .addColumn("visibility", "text", (c) => c.notNull().check(sql`visibility in ('private', 'team', 'network')`))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("deleted_at", "timestamptz")
    .addColumn("search", sql`tsvector`, (c) =>
      c.generatedAlwaysAs(sql`to_tsvector('dutch'::regconfig, title || ' ' || body_text)`).stored(),
    )
    .execute();
  await db.schema
    .createIndex("reflection_team_log")
    .on("reflection")
    .columns(["coalition_id", "happened_on desc", "created_at desc"])
    .execute();
  await db.schema.createIndex("reflection_author").on("reflection").column("author_id").execute();
  await db.schema.createIndex("reflection_search").on("reflection").using("gin").column("search").execute();

  await db.schema
    .createTable("reflection_theme")
    .addColumn("reflection_id", "uuid", (c) => c.notNull().references("reflection.id").onDelete("cascade"))
    .addColumn("theme_id", "uuid", (c) => c.notNull().references("theme.id"))
    .addPrimaryKeyConstraint("reflection_theme_pk", ["reflection_id", "theme_id"])
    .execute();
  await db.schema.createIndex("reflection_theme_theme").on("reflection_theme").column("theme_id").execute();

  await db.schema
    .createTable("reflection_comment")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("reflection_id", "uuid", (c) => c.notNull().references("reflection.id").onDelete("cascade"))
    .addColumn("author_id", "uuid", (c) => c.notNull().references("person.id"))
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("reflection_comment_reflection").on("reflection_comment").column("reflection_id").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("reflection_comment").execute();
  await db.schema.dropTable("reflection_theme").execute();
  await db.schema.dropTable("reflection").execute();
}
