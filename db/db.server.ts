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

/**
 * What a running server asks of PostgreSQL: a page must get its answer, or a clear "unavailable", within
 * seconds, never hang on a database that is gone. Scripts and migrations connect without these limits.
 */
export const SERVER_TIMEOUTS = { connectMs: 5_000, statementMs: 8_000 } as const;

export function connect(env: NodeJS.ProcessEnv = process.env, timeouts?: typeof SERVER_TIMEOUTS): DB {
  if (env.DATABASE_URL) return new Kysely<Database>({ dialect: new PostgresDialect({ pool: postgresPool(env.DATABASE_URL, timeouts) }) });
  const dir = env.PGLITE_DIR || ".data/pglite";
  mkdirSync(dir, { recursive: true });
  lockDataDir(dir);
  return embeddedDatabase(new PGlite(dir, { extensions: { pg_trgm } }));
}

// The embedded database behind a Kysely instance: the job queue runs its multi-statement texts through PGlite's
// own `exec` (Kysely's PGlite connection prepares every statement, which allows only one per text).
const embeddedBy = new WeakMap<Kysely<any>, PGlite>();

export function embeddedDatabase(pglite: PGlite): DB {
  const instance = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  embeddedBy.set(instance, pglite);
  return instance;
}

export function pgliteOf(instance: Kysely<any>): PGlite | undefined {
  return embeddedBy.get(instance);
}

function postgresPool(url: string, timeouts?: typeof SERVER_TIMEOUTS): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    keepAlive: true,
    connectionTimeoutMillis: timeouts?.connectMs ?? 10_000,
    // The server cancels a statement past the limit (the connection stays usable); the client-side limit,
    // a little longer, catches a network that swallows packets without closing the connection.
    ...(timeouts && { statement_timeout: timeouts.statementMs, query_timeout: timeouts.statementMs + 1_000 }),
    // Named statements (below) are planned once per connection, not per run: see prepareStatements.
    ...(timeouts && { options: "-c plan_cache_mode=force_generic_plan" }),
  });
  // A restart or outage of PostgreSQL closes the pool's connections. Unhandled, that 'error' event ends the
  // process; handled, the pool drops the dead connection and opens a new one when PostgreSQL is back.
  pool.on("error", (error) => console.warn(`[database] connection lost: ${error.message}`));
  pool.on("connect", (client) => {
    client.on("error", () => {});
    if (timeouts) prepareStatements(client);
  });
  return pool;
}

// Most of what PostgreSQL spends on a page's short statements is parsing and planning them, again for every
// request. A server's statements are named instead: parsed and planned once per connection. Left to choose,
// PostgreSQL kept planning a page's large folded statement anew for each run (1.4 ms of its 2.1 ms); forced to
// generic plans, the team home's PostgreSQL CPU per request went from 2.3 to 1.1 ms, and the other pages of
// bench:http stayed within the machine's noise. The names are handed out per distinct statement text, up to a bound (lists of
// varying length make new texts); beyond it statements run unnamed as before.
const statementNames = new Map<string, string>();
const MAX_NAMED_STATEMENTS = 5_000;

function prepareStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => Promise<pg.QueryResult>;
  client.query = ((text: unknown, values?: unknown, ...rest: unknown[]) => {
    if (typeof text !== "string" || rest.length > 0 || typeof values === "function") return query(text, values, ...rest);
    let name = statementNames.get(text);
    if (!name && statementNames.size < MAX_NAMED_STATEMENTS) statementNames.set(text, (name = `s${statementNames.size}`));
    if (!name) return query(text, values);
    // A table changed by a migration while this process runs: its prepared form no longer fits, run it afresh.
    return query({ name, text, values }).catch((error: { code?: string }) =>
      error.code === "0A000" ? query(text, values) : Promise.reject(error),
    );
  }) as typeof client.query;
}

const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN",
  "57P01", // terminating connection due to administrator command (a restart)
  "57P02", // crash shutdown
  "57P03", // the database system is starting up / shutting down
  "57014", // statement cancelled: the statement timeout above
  "53300", // too many connections
]);
const UNREACHABLE_MESSAGES = /Connection terminated|connection timeout|timeout expired|timeout exceeded when trying to connect|Query read timeout|not queryable|Connection refused/i;

/** Whether an error means PostgreSQL could not be reached or answer in time (as opposed to a bug or a bad query). */
export function isDatabaseUnreachable(error: unknown): boolean {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && (UNREACHABLE_CODES.has(code) || code.startsWith("08"))) return true;
    if (UNREACHABLE_MESSAGES.test(e.message)) return true;
    if (e instanceof AggregateError && e.errors.some(isDatabaseUnreachable)) return true;
  }
  return false;
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
