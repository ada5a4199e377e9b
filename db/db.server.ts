import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { Kysely, Migrator, PostgresDialect } from "kysely";
import { PGliteDialect } from "kysely-pglite-dialect";
import pg from "pg";
import { migrationProvider } from "../migrations";
import type { Database } from "./schema";

export type DB = Kysely<Database>;

// One instance per process, kept on globalThis so that the server script (tsx) and the
// Remix server build share it: PGlite allows a single owner of its data folder.
const KEY = Symbol.for("leernetwerk.db");
const holder = globalThis as typeof globalThis & { [KEY]?: DB };

export function db(): DB {
  return (holder[KEY] ??= connect());
}

/** Replaces the process's database (tests give each file a fresh one). */
export function useDatabase(instance: DB): void {
  holder[KEY] = instance;
}

export function isEmbedded(): boolean {
  return !process.env.DATABASE_URL;
}

export function connect(env: NodeJS.ProcessEnv = process.env): DB {
  if (env.DATABASE_URL) {
    return new Kysely<Database>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: env.DATABASE_URL, max: 10 }) }),
    });
  }
  const dir = env.PGLITE_DIR || ".data/pglite";
  mkdirSync(dir, { recursive: true });
  lockDataDir(dir);
  return new Kysely<Database>({ dialect: new PGliteDialect(new PGlite(dir, { extensions: { pg_trgm } })) });
}

/** Applies pending migrations. `schema` names where Kysely keeps its own bookkeeping (tests use one schema each). */
export async function migrateToLatest(instance: Kysely<any> = db(), schema?: string): Promise<string[]> {
  const migrator = new Migrator({ db: instance, provider: migrationProvider, migrationTableSchema: schema });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}

/**
 * Two processes on one PGlite folder would corrupt it, so the folder gets a lock file beside it
 * holding the owner's process id. A lock left by a process that no longer runs is taken over.
 */
export function lockDataDir(dir: string): void {
  const lock = `${path.resolve(dir)}.lock`;
  try {
    writeFileSync(lock, String(process.pid), { flag: "wx" });
  } catch {
    const owner = Number(readFileSync(lock, "utf8"));
    if (owner && owner !== process.pid && processRuns(owner)) {
      throw new Error(`The embedded database in ${dir} is in use by process ${owner}. Stop that process first.`);
    }
    writeFileSync(lock, String(process.pid));
  }
  process.once("exit", () => rmSync(lock, { force: true }));
}

function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
