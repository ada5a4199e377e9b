import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { migrateToLatest } from "../../db/db.server";
import type { Database } from "../../db/schema";

// An operator backs up with `npm run db:backup` and restores with `npm run db:restore`: the test runs those
// commands as they would, then opens the restored database and looks for what was there.

const exec = promisify(execFile);
const SETTING = { name: "backup-test", value: "bewaard" };

/** Runs an npm script; returns its exit code and what it printed. */
async function npm(script: string, args: string[], env: NodeJS.ProcessEnv) {
  try {
    const { stdout, stderr } = await exec("npm", ["run", "--silent", script, "--", ...args], { env });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, out: stdout + stderr };
  }
}

/** The test process's environment with `extra`; no DATABASE_URL unless given (then the embedded database is used). */
function envWith(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  if (!extra.DATABASE_URL) delete env.DATABASE_URL;
  return env;
}

describe.runIf(process.env.TEST_ENGINE !== "postgres")("a backup of the embedded database", () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), "leernetwerk-backup-"));
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  it("is refused while the app holds the folder, and restores into an empty folder with the data in it", async () => {
    const source = path.join(work, "pglite");
    const template = new Blob([await readFile(inject("pgliteTemplate"))]);
    const original = new PGlite(source, { loadDataDir: template, extensions: { pg_trgm } });
    await original.query("insert into installation_setting (name, value) values ($1, to_jsonb($2::text))", [SETTING.name, SETTING.value]);
    await original.close();

    // The running app holds the folder (a lock beside it with its process id): no backup then.
    await writeFile(`${source}.lock`, String(process.pid));
    const busy = await npm("db:backup", [path.join(work, "backups")], envWith({ PGLITE_DIR: source }));
    expect(busy.code).not.toBe(0);
    expect(busy.out).toContain(`in use by process ${process.pid}`);
    expect(busy.out).not.toMatch(/\n\s+at /);
    await rm(`${source}.lock`);

    const made = await npm("db:backup", [path.join(work, "backups")], envWith({ PGLITE_DIR: source }));
    expect(made.code, made.out).toBe(0);
    const file = made.out.match(/Backup written: (\S+)/)?.[1] ?? "";
    expect(path.basename(file)).toMatch(/^leernetwerk-\d{4}-\d\d-\d\dT\d{6}Z\.tar\.gz$/);
    expect(existsSync(file)).toBe(true);

    const target = path.join(work, "restored");
    const restored = await npm("db:restore", [file], envWith({ PGLITE_DIR: target }));
    expect(restored.code, restored.out).toBe(0);
    const copy = new PGlite(target, { extensions: { pg_trgm } });
    const { rows } = await copy.query<{ value: string }>("select value from installation_setting where name = $1", [SETTING.name]);
    await copy.close();
    expect(rows).toEqual([{ value: SETTING.value }]);

    // A folder with a database in it is not overwritten by accident.
    const again = await npm("db:restore", [file], envWith({ PGLITE_DIR: target }));
    expect(again.code).not.toBe(0);
    expect(again.out).toContain("is not empty. Add --force");
  }, 180_000);
});

describe.runIf(process.env.TEST_ENGINE === "postgres")("a backup of the PostgreSQL database", () => {
  const url = new URL(process.env.TEST_DATABASE_URL ?? "postgres://localhost/none");
  const base = `${url.pathname.slice(1)}_backup_${randomBytes(4).toString("hex")}`;
  const urlOf = (name: string) => Object.assign(new URL(url), { pathname: `/${name}` }).toString();
  const databases = [`${base}_from`, `${base}_into`];
  let work: string;

  async function admin(statement: string) {
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    await client.query(statement).finally(() => client.end());
  }
  async function settingIn(name: string) {
    const client = new pg.Client({ connectionString: urlOf(name) });
    await client.connect();
    const { rows } = await client.query("select value from installation_setting where name = $1", [SETTING.name]).finally(() => client.end());
    return rows;
  }

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), "leernetwerk-backup-"));
    for (const name of databases) await admin(`create database "${name}"`);
  });
  afterAll(async () => {
    for (const name of databases) await admin(`drop database if exists "${name}" with (force)`);
    await rm(work, { recursive: true, force: true });
  });

  it("is made with pg_dump and restores into an empty database with the data in it", async () => {
    const [from, into] = databases;
    const source = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: urlOf(from), max: 1 }) }) });
    await migrateToLatest(source);
    await source.insertInto("installation_setting").values({ name: SETTING.name, value: JSON.stringify(SETTING.value) }).execute();
    await source.destroy();

    const made = await npm("db:backup", [work], envWith({ DATABASE_URL: urlOf(from) }));
    expect(made.code, made.out).toBe(0);
    const file = made.out.match(/Backup written: (\S+)/)?.[1] ?? "";
    expect(path.basename(file)).toMatch(/^leernetwerk-\d{4}-\d\d-\d\dT\d{6}Z\.dump$/);

    const restored = await npm("db:restore", [file], envWith({ DATABASE_URL: urlOf(into) }));
    expect(restored.code, restored.out).toBe(0);
    expect(await settingIn(into)).toEqual([{ value: SETTING.value }]);

    const again = await npm("db:restore", [file], envWith({ DATABASE_URL: urlOf(into) }));
    expect(again.code).not.toBe(0);
    expect(again.out).toMatch(/holds \d+ tables\. Add --force/);
    const forced = await npm("db:restore", [file, "--force"], envWith({ DATABASE_URL: urlOf(into) }));
    expect(forced.code, forced.out).toBe(0);
    expect(await settingIn(into)).toEqual([{ value: SETTING.value }]);
  }, 180_000);
});
