import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { db, migrateToLatest } from "../../db/db.server";

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
});
