import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from "node:fs";
import { get } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";

// Throughput of the app over HTTP, as an operator would measure it: wrk (1 thread, 10 connections) against the
// production build on the database of DATABASE_URL (the bench data set of `npm run data:generate`), beside a bare
// Remix 2 page with a loader served the same way in the same run. wrk rather than autocannon: wrk is a small C
// program that needs a fraction of one core, while autocannon runs in Node and would take a core of its own from
// the server on a two-core machine. Beside the figures: the CPU time per request of the server's processes and
// of the PostgreSQL backends serving the database, which say where the time goes when the machine is shared.
const CONNECTIONS = 10;
const WARM_UP_SECONDS = Number(process.env.BENCH_WARM_UP ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const APP_PORT = Number(process.env.BENCH_PORT ?? 3451);
const BARE_PORT = APP_PORT + 1;
const WRK = process.env.WRK ?? "wrk";
const root = path.resolve(import.meta.dirname, "..");

type Result = { label: string; who: string; reqPerSec: number; p50: number; p99: number; cpuMs: number; databaseCpuMs: number; errors: string };

if (!process.env.DATABASE_URL) {
  console.error("bench:http measures on real PostgreSQL: set DATABASE_URL (and run `npm run data:generate` on it first).");
  process.exit(1);
}
if (spawnSync(WRK, ["--version"]).error) {
  console.error(`bench:http needs wrk (apt-get install wrk, or WRK=/path/to/wrk).`);
  process.exit(1);
}

const children = new Set<ChildProcess>();
const serverOutput = new Map<ChildProcess, () => string>();
const stopAll = () => {
  for (const child of children) child.kill("SIGTERM");
};
process.once("exit", stopAll);
process.once("SIGINT", () => process.exit(130));

/** Starts a server and waits until `probe` answers; its output is kept for when it fails to start. */
async function startServer(label: string, command: string[], env: NodeJS.ProcessEnv, probe: string, cwd = root) {
  const child = spawn(command[0], command.slice(1), { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  children.add(child);
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  serverOutput.set(child, () => output);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      await expectOk(probe);
      return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill("SIGTERM");
  throw new Error(`${label} did not start:\n${output}`);
}

async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
  children.delete(child);
}

/** The processes a server runs as: itself and, with WEB_CONCURRENCY, the workers it forked. */
function processCount(pid: number): number {
  let count = 1;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) count++;
    } catch {
      // gone meanwhile
    }
  }
  return count;
}

/** CPU time (ms) a process and its direct children have used so far: the server's cost, whatever else runs. */
function cpuTime(pid: number): number {
  const ticks = (stat: string) => {
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { ppid: Number(fields[1]), used: Number(fields[11]) + Number(fields[12]) };
  };
  let used = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = ticks(readFileSync(`/proc/${entry}/stat`, "utf8"));
      if (Number(entry) === pid || stat.ppid === pid) used += stat.used;
    } catch {
      // gone meanwhile
    }
  }
  return used * 10; // USER_HZ is 100 on Linux
}

/** CPU time (ms) per process of the PostgreSQL backends serving the bench database. */
function databaseCpu(): Map<number, number> {
  const database = decodeURIComponent(new URL(process.env.DATABASE_URL!).pathname.slice(1));
  const used = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const command = readFileSync(`/proc/${entry}/cmdline`, "utf8");
      if (!command.startsWith("postgres: ") || !command.includes(` ${database} `)) continue;
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      used.set(Number(entry), (Number(fields[11]) + Number(fields[12])) * 10);
    } catch {
      // gone meanwhile
    }
  }
  return used;
}

function databaseCpuSince(before: Map<number, number>): number {
  let used = 0;
  for (const [pid, now] of databaseCpu()) used += now - (before.get(pid) ?? 0);
  return used;
}

/**
 * wrk's figures for one URL: a short warm-up, then the measured run. Beside them the server's CPU time per
 * request: on a machine shared with other work, req/s follow the load around them, CPU ms per request much less.
 */
function wrk(url: string, server: number, cookie?: string): Omit<Result, "label" | "who"> {
  const headers = cookie ? ["-H", `Cookie: ${cookie}`] : [];
  const args = (seconds: number) => ["-t1", `-c${CONNECTIONS}`, `-d${seconds}s`, "--latency", ...headers, url];
  spawnSync(WRK, args(WARM_UP_SECONDS), { encoding: "utf8" });
  const cpuBefore = cpuTime(server);
  const databaseBefore = databaseCpu();
  const run = spawnSync(WRK, args(SECONDS), { encoding: "utf8" });
  const cpuUsed = cpuTime(server) - cpuBefore;
  const databaseUsed = databaseCpuSince(databaseBefore);
  if (run.status !== 0) throw new Error(`wrk failed on ${url}: ${run.stderr}`);
  const out = run.stdout;
  const ms = (value: string, unit: string) => Number(value) * ({ us: 0.001, ms: 1, s: 1000 } as Record<string, number>)[unit];
  const percentile = (p: string) => {
    const match = out.match(new RegExp(`^\\s*${p}%\\s+([\\d.]+)(us|ms|s)`, "m"));
    return match ? ms(match[1], match[2]) : NaN;
  };
  const non2xx = out.match(/Non-2xx or 3xx responses: (\d+)/)?.[1];
  const socketErrors = out.match(/Socket errors: (.*)/)?.[1];
  const requests = Number(out.match(/(\d+) requests in/)?.[1] ?? NaN);
  return {
    reqPerSec: Number(out.match(/Requests\/sec:\s+([\d.]+)/)?.[1] ?? NaN),
    cpuMs: cpuUsed / requests,
    databaseCpuMs: databaseUsed / requests,
    p50: percentile("50"),
    p99: percentile("99"),
    errors: [non2xx ? `${non2xx} non-2xx` : "", socketErrors ? `socket errors: ${socketErrors}` : ""].filter(Boolean).join(", "),
  };
}

/**
 * Every measured page must answer 200 itself: a redirect to /login would be measured as fast and wrong. A fresh
 * connection each time (fetch would reuse one the server has meanwhile closed as idle).
 */
function expectOk(url: string, cookie?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    get(url, { agent: false, headers: cookie ? { Cookie: cookie } : {} }, (response) => {
      response.resume();
      response.on("end", () =>
        response.statusCode === 200 ? resolve() : reject(new Error(`${url} answered ${response.statusCode} ${response.headers.location ?? ""}`)),
      );
    }).on("error", reject);
  });
}

/** A minimal Remix 2 app (root and one route whose loader returns json), built with the project's remix CLI. */
function writeBareApp(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "leernetwerk-bare-remix-"));
  // The build and its server find remix, react and express in the project's node_modules.
  symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"), "dir");
  mkdirSync(path.join(dir, "app/routes"), { recursive: true });
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({
      name: "bare-remix",
      private: true,
      type: "module",
      sideEffects: false,
      // The remix CLI reads the server runtime from here.
      dependencies: { "@remix-run/node": "*", "@remix-run/react": "*", "@remix-run/express": "*" },
    }),);
  writeFileSync(
    path.join(dir, "remix.config.js"),
    `export default { serverModuleFormat: "esm", future: {} };\n`,
  );
  writeFileSync(
    path.join(dir, "app/root.tsx"),
    `import { Links, Meta, Outlet, Scripts } from "@remix-run/react";
export default function App() {
  return (
    <html lang="nl">
      <head><meta charSet="utf-8" /><Meta /><Links /></head>
      <body><Outlet /><Scripts /></body>
    </html>
  );
}
`,
  );
  writeFileSync(
    path.join(dir, "app/routes/_index.tsx"),
    `import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
export async function loader() {
  return json({ greeting: "Hallo", items: Array.from({ length: 8 }, (_, i) => ({ id: i, title: "Item " + i })) });
}
export default function Index() {
  const { greeting, items } = useLoaderData<typeof loader>();
  return <main><h1>{greeting}</h1><ul>{items.map((item) => <li key={item.id}>{item.title}</li>)}</ul></main>;
}
`,
  );
  writeFileSync(
    path.join(dir, "server.mjs"),
    `import { createRequestHandler } from "@remix-run/express";
import express from "express";
const build = await import("./build/index.js");
const app = express();
app.disable("x-powered-by");
app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
app.all("*", createRequestHandler({ build, mode: "production" }));
app.listen(Number(process.env.PORT));
`,
  );
  const build = spawnSync(path.join(root, "node_modules/.bin/remix"), ["build"], { cwd: dir, encoding: "utf8", env: { ...process.env, NODE_ENV: "production" } });
  if (build.status !== 0) throw new Error(`The bare Remix app did not build:\n${build.stdout}${build.stderr}`);
  return dir;
}

/** Who the pages are measured as: a plain member of the team with the most reflections, and the funder. */
async function signedIn() {
  const { db } = await import("../db/db.server");
  const { startSession } = await import("../app/auth/session.server");
  const team = await db()
    .selectFrom("coalition")
    .leftJoin("reflection", "reflection.coalition_id", "coalition.id")
    .groupBy(["coalition.id", "coalition.slug"])
    .select(["coalition.id", "coalition.slug"])
    .orderBy(sql`count(reflection.id)`, "desc")
    .executeTakeFirst();
  const funder = await db().selectFrom("person").where("account_role", "=", "funder").select("id").orderBy("email").executeTakeFirst();
  if (!team || !funder) throw new Error("No bench data on DATABASE_URL: run `npx tsx db/migrate.ts` and `npm run data:generate` first.");
  const member = await db()
    .selectFrom("membership")
    .where("coalition_id", "=", team.id)
    .where("role", "=", "member")
    .select("person_id as id")
    .orderBy("person_id")
    .executeTakeFirstOrThrow();
  const cookieFor = async (personId: string) => (await startSession(personId, new Request("http://localhost/"))).split(";")[0];
  const result = { team: team.slug, member: await cookieFor(member.id), funder: await cookieFor(funder.id) };
  await db().destroy();
  return result;
}

function printTable(title: string, results: Result[]) {
  console.log(`\n${title}\n`);
  console.log(`  ${"URL".padEnd(46)} ${"as".padEnd(8)} ${"req/s".padStart(8)} ${"p50 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"CPU ms/req".padStart(11)} ${"PG CPU ms".padStart(10)}`);
  for (const r of results) {
    const line = `  ${r.label.padEnd(46)} ${r.who.padEnd(8)} ${r.reqPerSec.toFixed(0).padStart(8)} ${r.p50.toFixed(1).padStart(8)} ${r.p99.toFixed(1).padStart(8)} ${r.cpuMs.toFixed(2).padStart(11)} ${r.databaseCpuMs.toFixed(2).padStart(10)}`;
    console.log(r.errors ? `${line}  (${r.errors})` : line);
  }
}

async function main() {
  const skipBuild = process.argv.includes("--no-build");
  if (!skipBuild) {
    console.log("Building the app (npm run build) …");
    const build = spawnSync("npm", ["run", "build"], { cwd: root, encoding: "utf8", env: { ...process.env, NODE_ENV: "production" } });
    if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);
  }
  console.log("Building the bare Remix app …");
  const bareDir = writeBareApp();
  const who = await signedIn();

  const production = { NODE_ENV: "production" } as const;
  // As `npm start` serves: the compiled server in production mode.
  const serverCommand = [process.execPath, "build/server.js"];
  const app = (port: number) => `http://127.0.0.1:${port}`;
  const pages: { label: string; path: string; who: string; cookie?: string }[] = [
    { label: "/login", path: "/login", who: "nobody" },
    { label: "/teams/:team", path: `/teams/${who.team}`, who: "member", cookie: who.member },
    { label: "/teams/:team/reflections", path: `/teams/${who.team}/reflections`, who: "member", cookie: who.member },
    { label: "/programme", path: "/programme", who: "funder", cookie: who.funder },
    { label: "/network/search?q=samenwerking", path: "/network/search?q=samenwerking", who: "funder", cookie: who.funder },
  ];
  console.log(`\nwrk: 1 thread, ${CONNECTIONS} connections, ${WARM_UP_SECONDS} s warm-up then ${SECONDS} s per URL; team ${who.team}.`);

  const results: Result[] = [];
  const bare = await startServer("The bare Remix app", [process.execPath, "server.mjs"], { ...production, PORT: String(BARE_PORT) }, `${app(BARE_PORT)}/`, bareDir);
  results.push({ label: "bare Remix 2 page with a loader", who: "-", ...wrk(`${app(BARE_PORT)}/`, bare.pid!) });
  await stopServer(bare);

  const one = await startServer("The app", serverCommand, { ...production, PORT: String(APP_PORT), WEB_CONCURRENCY: "1" }, `${app(APP_PORT)}/login`);
  for (const page of pages) {
    await expectOk(app(APP_PORT) + page.path, page.cookie);
    results.push({ label: page.label, who: page.who, ...wrk(app(APP_PORT) + page.path, one.pid!, page.cookie) });
  }
  await stopServer(one);
  printTable("One process (NODE_ENV=production):", results);

  // Several processes on the same cores: the team home and /programme again with WEB_CONCURRENCY=2.
  const two = await startServer("The app with WEB_CONCURRENCY=2", serverCommand, { ...production, PORT: String(APP_PORT), WEB_CONCURRENCY: "2" }, `${app(APP_PORT)}/login`);
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const workers = processCount(two.pid!) - 1;
  const clustered: Result[] = [];
  for (const page of [pages[1], pages[3]]) {
    await expectOk(app(APP_PORT) + page.path, page.cookie);
    clustered.push({ label: page.label, who: page.who, ...wrk(app(APP_PORT) + page.path, two.pid!, page.cookie) });
  }
  await stopServer(two);
  printTable(`WEB_CONCURRENCY=2 (${workers} worker processes):`, clustered);

  rmSync(bareDir, { recursive: true, force: true });
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    for (const [child, output] of serverOutput) if (children.has(child)) console.error(`\nServer output (pid ${child.pid}, exit ${child.exitCode}):\n${output()}`);
    process.exit(1);
  },
);
