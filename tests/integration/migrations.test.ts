import { Migrator, sql } from "kysely";
import { describe, expect, it } from "vitest";
import { db, migrateToLatest } from "../../db/db.server";
import { migrationProvider } from "../../migrations";

describe("migrations", () => {
  it("bring an empty database to the latest schema, and running them again changes nothing", async () => {
    const tables = await sql<{ table_name: string }>`
      select table_name from information_schema.tables
      where table_schema = current_schema() order by table_name`.execute(db());
    expect(tables.rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining([
        "audit_event", "auth_session", "coalition", "email_outbox", "invitation", "login_attempt",
        "membership", "organisation", "password_reset", "person", "theme",
      ]),
    );
    const schema = await sql<{ s: string }>`select current_schema() as s`.execute(db());
    expect(await migrateToLatest(db(), schema.rows[0].s)).toEqual([]);
  });

  it("seed the shared theme list in Dutch and English", async () => {
    const themes = await db().selectFrom("theme").select(["slug", "name_nl", "name_en"]).orderBy("position").execute();
    expect(themes.length).toBeGreaterThanOrEqual(8);
    expect(themes[0]).toEqual({ slug: "vertrouwen", name_nl: "Vertrouwen", name_en: "Trust" });
  });

  it("have the Dutch text-search configuration later issues search with", async () => {
    const result = await sql<{ v: string }>`select to_tsvector('dutch', 'samenwerkingen')::text as v`.execute(db());
    expect(result.rows[0].v).toContain("samenwerk");
  });

  it("give a database that ran the first text of 0010_privacy the comment column it added later", async () => {
    const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(db())).rows[0].s;
    // Such a database: no reflection_comment.deleted_at, and 0013 not yet run.
    await sql`alter table reflection_comment drop column deleted_at`.execute(db());
    await sql`delete from ${sql.id(schema, "kysely_migration")} where name = '0013_comment_deleted_at'`.execute(db());
    // Later migrations have run here already, so this one runs out of order.
    const migrator = new Migrator({ db: db(), provider: migrationProvider, migrationTableSchema: schema, allowUnorderedMigrations: true });
    const { error, results } = await migrator.migrateToLatest();
    expect(error).toBeUndefined();
    expect(results?.map((r) => [r.migrationName, r.status])).toEqual([["0013_comment_deleted_at", "Success"]]);
    const column = await sql<{ data_type: string }>`
      select data_type from information_schema.columns
      where table_schema = ${schema} and table_name = 'reflection_comment' and column_name = 'deleted_at'`.execute(db());
    expect(column.rows).toEqual([{ data_type: "timestamp with time zone" }]);
  });
});
