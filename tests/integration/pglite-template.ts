import { rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { Kysely } from "kysely";
import { PGliteDialect } from "kysely-pglite-dialect";
import type { TestProject } from "vitest/node";
import { migrateToLatest } from "../../db/db.server";
import type { Database } from "../../db/schema";

// Starting a PGlite and migrating it takes about six seconds; loading a copy of one already migrated takes
// about one. So the pglite project migrates one database before the test files start, saves its data
// folder, and every test file starts from a fresh copy of it (tests/integration/setup.ts).

declare module "vitest" {
  interface ProvidedContext {
    pgliteTemplate: string;
  }
}

export async function setup(project: TestProject) {
  const pglite = new PGlite({ extensions: { pg_trgm } });
  const instance = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  await migrateToLatest(instance);
  const dump = await pglite.dumpDataDir("none");
  await instance.destroy();
  const file = path.join(tmpdir(), `leernetwerk-pglite-template-${process.pid}.tar`);
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("pgliteTemplate", file);
  return () => rm(file, { force: true });
}
