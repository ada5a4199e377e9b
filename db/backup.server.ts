import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, renameSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import pg from "pg";
import { lockDataDir } from "./db.server";

// Backups of either database the app runs on. The embedded one (PGlite) is a folder only one process may
// open, so a backup opens it itself, which it can only do while the app is stopped; PGlite's own dump of
// its data folder is then a consistent copy. PostgreSQL is dumped by pg_dump, which reads one snapshot
// while the app keeps running.

const run = promisify(execFile);
const EMBEDDED = ".tar.gz";
const POSTGRES = ".dump";

/** A refusal the operator can act on: printed without a stack trace. */
export class BackupRefused extends Error {}

function stamp(now = new Date()): string {
  // 2026-12-07T183012Z: sorts by date, and is a valid file name everywhere.
  return `${now.toISOString().slice(0, 10)}T${now.toISOString().slice(11, 19).replace(/:/g, "")}Z`;
}

function pgliteDir(env: NodeJS.ProcessEnv): string {
  return env.PGLITE_DIR || ".data/pglite";
}

function isEmptyFolder(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}

/** Writes a dated backup into `outDir` and returns its path. */
export async function backup(outDir: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  mkdirSync(outDir, { recursive: true });
  const url = env.DATABASE_URL;
  if (url) {
    const file = path.join(outDir, `leernetwerk-${stamp()}${POSTGRES}`);
    await tool("pg_dump", ["--format=custom", "--no-owner", `--file=${file}`, `--dbname=${url}`]);
    return file;
  }
  const dir = pgliteDir(env);
  if (!existsSync(path.join(dir, "PG_VERSION"))) {
    throw new BackupRefused(`There is no embedded database in ${dir} (set PGLITE_DIR, or DATABASE_URL for PostgreSQL).`);
  }
  guard(() => lockDataDir(dir));
  const pglite = new PGlite(dir, { extensions: { pg_trgm } });
  try {
    const dump = await pglite.dumpDataDir("gzip");
    const file = path.join(outDir, `leernetwerk-${stamp()}${EMBEDDED}`);
    await writeFile(file, Buffer.from(await dump.arrayBuffer()), { flag: "wx" });
    return file;
  } finally {
    await pglite.close();
  }
}

/**
 * Brings a backup back: a .tar.gz into the (empty) PGLITE_DIR, a .dump into the (empty) DATABASE_URL
 * database. With `force` a non-empty target is replaced; an embedded folder is then kept beside it.
 */
export async function restore(file: string, force: boolean, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  if (!existsSync(file)) throw new BackupRefused(`No such backup: ${file}`);
  const url = env.DATABASE_URL;
  if (file.endsWith(EMBEDDED)) {
    if (url) throw new BackupRefused(`${file} is a backup of the embedded database: unset DATABASE_URL to restore it into PGLITE_DIR.`);
    return restoreEmbedded(file, pgliteDir(env), force);
  }
  if (file.endsWith(POSTGRES)) {
    if (!url) throw new BackupRefused(`${file} is a PostgreSQL backup: set DATABASE_URL to the database to restore it into.`);
    return restorePostgres(file, url, force);
  }
  throw new BackupRefused(`${file} is not a backup made by db:backup (${EMBEDDED} or ${POSTGRES}).`);
}

async function restoreEmbedded(file: string, dir: string, force: boolean): Promise<string> {
  mkdirSync(path.dirname(path.resolve(dir)), { recursive: true });
  guard(() => lockDataDir(dir));
  let kept = "";
  if (!isEmptyFolder(dir)) {
    if (!force) throw new BackupRefused(`${dir} is not empty. Add --force to replace it (the current folder is kept beside it).`);
    kept = `${dir}.before-restore-${stamp()}`;
    renameSync(dir, kept);
  }
  mkdirSync(dir, { recursive: true });
  const pglite = new PGlite(dir, { extensions: { pg_trgm }, loadDataDir: new Blob([await readFile(file)]) });
  await pglite.query("select 1");
  await pglite.close();
  return kept ? `Restored into ${dir}; the folder it replaced is in ${kept}.` : `Restored into ${dir}.`;
}

async function restorePostgres(file: string, url: string, force: boolean): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client
    .query(`select count(*)::int as tables from information_schema.tables
            where table_schema not in ('pg_catalog', 'information_schema')`)
    .finally(() => client.end());
  if (rows[0].tables > 0 && !force) {
    throw new BackupRefused(`The database of DATABASE_URL holds ${rows[0].tables} tables. Add --force to replace them.`);
  }
  // One transaction: a restore that fails halfway leaves the database as it was.
  const clean = rows[0].tables > 0 ? ["--clean", "--if-exists"] : [];
  await tool("pg_restore", ["--no-owner", "--single-transaction", "--exit-on-error", ...clean, `--dbname=${url}`, file]);
  return "Restored into the database of DATABASE_URL.";
}

function guard(take: () => void): void {
  try {
    take();
  } catch (error) {
    throw new BackupRefused(`${(error as Error).message} A backup or restore of the embedded database needs the app stopped.`);
  }
}

async function tool(command: string, args: string[]): Promise<void> {
  try {
    await run(command, args, { maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const { code, stderr } = error as { code?: string; stderr?: string };
    if (code === "ENOENT") {
      throw new BackupRefused(`${command} is not installed: install PostgreSQL's client tools (the server's major version or newer).`);
    }
    throw new BackupRefused(`${command} failed: ${stderr?.trim() || (error as Error).message}`);
  }
}
