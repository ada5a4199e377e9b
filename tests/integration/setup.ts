import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { embeddedDatabase, migrateToLatest, useDatabase, type DB } from "../../db/db.server";
import type { Database } from "../../db/schema";

// Each test file gets its own empty database: a fresh in-memory PGlite (a copy of the one migrated by
// tests/integration/pglite-template.ts), or a fresh schema on PostgreSQL.
// On PostgreSQL, files run side by side share one database: Kysely's migrator looks at the tables of every
// schema, so migrating and dropping a schema take turns under one advisory lock.
let instance: DB;
let schema: string | undefined;
const SCHEMA_LOCK = 4_242_001;

async function withSchemaLock<T>(work: () => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query("select pg_advisory_lock($1)", [SCHEMA_LOCK]);
    return await work();
  } finally {
    await admin.end();
  }
}

beforeAll(async () => {
  if (process.env.TEST_ENGINE === "postgres") {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error("TEST_DATABASE_URL is required for the postgres test project");
    schema = `test_${randomBytes(6).toString("hex")}`;
    // The job queue's tables (pg-boss) in a schema of the file's own too, dropped with it.
    process.env.JOB_QUEUE_SCHEMA = `${schema}_jobs`;
    instance = new Kysely<Database>({
      dialect: new PostgresDialect({
        pool: new pg.Pool({ connectionString: url, max: 4, options: `-c search_path=${schema}` }),
      }),
    });
  } else {
    const template = new Blob([await readFile(inject("pgliteTemplate"))]);
    instance = embeddedDatabase(new PGlite({ loadDataDir: template, extensions: { pg_trgm } }));
  }
  if (schema) {
    const name = schema;
    await withSchemaLock(async () => {
      await sql`create schema ${sql.id(name)}`.execute(instance);
      await migrateToLatest(instance, name);
    });
  } else {
    await migrateToLatest(instance);
  }
  useDatabase(instance);
});

afterAll(async () => {
  const name = schema;
  if (name) {
    await withSchemaLock(async () => {
      await sql`drop schema if exists ${sql.id(`${name}_jobs`)} cascade`.execute(instance);
      await sql`drop schema ${sql.id(name)} cascade`.execute(instance);
    });
  }
  await instance.destroy();
});
