import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { Kysely, PostgresDialect, sql } from "kysely";
import { PGliteDialect } from "kysely-pglite-dialect";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { migrateToLatest, useDatabase, type DB } from "../../db/db.server";
import type { Database } from "../../db/schema";

// Each test file gets its own empty database: a fresh in-memory PGlite (a copy of the one migrated by
// tests/integration/pglite-template.ts), or a fresh schema on PostgreSQL.
let instance: DB;
let schema: string | undefined;

beforeAll(async () => {
  if (process.env.TEST_ENGINE === "postgres") {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error("TEST_DATABASE_URL is required for the postgres test project");
    schema = `test_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    instance = new Kysely<Database>({
      dialect: new PostgresDialect({
        pool: new pg.Pool({ connectionString: url, max: 4, options: `-c search_path=${schema}` }),
      }),
    });
  } else {
    const template = new Blob([await readFile(inject("pgliteTemplate"))]);
    instance = new Kysely<Database>({ dialect: new PGliteDialect(new PGlite({ loadDataDir: template, extensions: { pg_trgm } })) });
  }
  await migrateToLatest(instance, schema);
  useDatabase(instance);
});

afterAll(async () => {
  if (schema) await sql`drop schema ${sql.id(schema)} cascade`.execute(instance);
  await instance.destroy();
});
