import cluster from "node:cluster";
import { watch } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { connect, db, isDatabaseUnreachable, isEmbedded, migrateToLatest, SERVER_TIMEOUTS, useDatabase } from "../db/db.server";
import { DEMO_PASSWORD, demoIsSeeded, demoLogins, seedDemo } from "../db/demo";
import { startJobs } from "./server/jobs.server";
import { prepareQueue, stopQueue } from "./server/queue.server";
// Remix is loaded by server/http (its route matching must be prepared first): not imported statically here.
import { createApp } from "./server/http";

// One entry for every way the app runs: `npm start` (production, after a build), `npm run serve` (production,
// the existing build) and `npm run dev` (remix dev runs this through tsx and rebuilds on every change).
const port = Number(process.env.PORT ?? 3000);
const production = process.env.NODE_ENV === "production";
const embedded = isEmbedded();
const requested = Math.max(1, Number.parseInt(process.env.WEB_CONCURRENCY ?? "1", 10) || 1);
// PGlite's data folder has a single owner, so the embedded database runs in one process.
const processes = embedded ? 1 : requested;
const buildPath = path.resolve("build/index.js");
// Set by `remix dev`, which rebuilds on every change and waits to hear that the server has the new build.
const devServer = Boolean(process.env.REMIX_DEV_ORIGIN);

if (cluster.isPrimary) {
  await prepareDatabase();
  if (processes === 1) await serve();
  else superviseWorkers(processes);
} else {
  await serve();
}

/** Migrates once, before any process serves; the embedded demo gets its data on first start. */
async function prepareDatabase(): Promise<void> {
  if (embedded) {
    await migrateToLatest();
    if (!(await demoIsSeeded())) await seedDemo();
    return;
  }
  // Without the server's statement timeout: a long migration, or waiting for another process's, is fine here.
  const migrator = connect();
  try {
    await migrateToLatest(migrator);
    await prepareQueue(process.env.DATABASE_URL!);
  } finally {
    await migrator.destroy();
  }
}

async function serve(): Promise<void> {
  if (!embedded) useDatabase(connect(process.env, SERVER_TIMEOUTS));
  let build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;
  if (production && build.mode !== "production") {
    // React's development runtime is not in a production server: the pages would fail.
    console.error("build/ holds a development build (from npm run dev): run npm run build, or npm start.");
    process.exit(1);
  }
  const app = createApp(() => build, production);
  // pg-boss records a job's end without awaiting it: when PostgreSQL is gone at that moment, the rejection would
  // end the process. The job is not lost (it expires and is tried again), so that one is only logged.
  process.on("unhandledRejection", (reason) => {
    if (!isDatabaseUnreachable(reason)) throw reason;
    console.warn(`[jobs] could not record a job's end: ${reason instanceof Error ? reason.message : reason}`);
  });
  // Every process works the job queue: sending mail, the hourly clean-ups. On PostgreSQL with connections of its
  // own; on PGlite over the app's one instance.
  await startJobs(embedded ? {} : { connectionString: process.env.DATABASE_URL });

  const server = app.listen(port, () => {
    if (cluster.isPrimary) void printWelcome();
    if (devServer) void import("@remix-run/node").then(({ broadcastDevReady }) => broadcastDevReady(build));
  });

  // The new build is loaded without restarting the process (and reopening the database).
  if (devServer) {
    watch(path.dirname(buildPath), async (_event, file) => {
      if (file !== "version.txt") return;
      build = (await import(`${pathToFileURL(buildPath).href}?t=${Date.now()}`)) as ServerBuild;
      void import("@remix-run/node").then(({ broadcastDevReady }) => broadcastDevReady(build));
    });
  }

  // Close the database cleanly on Ctrl-C or a stop signal: PGlite must flush its data folder.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      server.close();
      stopQueue()
        .catch((error) => console.warn(`[jobs] stopping: ${error}`))
        .then(() => db().destroy())
        .finally(() => process.exit(0));
    });
  }
}

/** Forks the worker processes (they share the port) and replaces one that dies after it served. */
function superviseWorkers(count: number): void {
  let stopping = false;
  let running = 0;
  const served = new Set<number>();
  const stop = (signal: NodeJS.Signals) => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
  };
  const fork = () => {
    running++;
    cluster.fork();
  };
  for (let i = 0; i < count; i++) fork();
  cluster.once("listening", () => void printWelcome());
  cluster.on("listening", (worker) => served.add(worker.id));
  cluster.on("exit", (worker, code, signal) => {
    running--;
    if (stopping) {
      if (running === 0) process.exit(process.exitCode ?? 0);
      return;
    }
    if (!served.has(worker.id) && !signal) {
      // It failed on its own before serving (a bad build, a taken port): a new one would fail the same way.
      // One killed from outside before it listened is replaced like any other.
      console.error(`[cluster] process ${worker.process.pid} could not start (exit code ${code}); stopping`);
      process.exitCode = 1;
      if (running === 0) process.exit(1);
      return stop("SIGTERM");
    }
    console.warn(`[cluster] process ${worker.process.pid} stopped (${signal ?? `exit code ${code}`}); starting a new one`);
    // A short pause, so that a process that dies at once again does not spin.
    setTimeout(fork, 1_000);
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => stop(signal));
}

async function printWelcome(): Promise<void> {
  const url = process.env.PUBLIC_URL ?? `http://localhost:${port}`;
  console.log(`\nLeernetwerk is running at ${url} (${production ? "production" : "development"})`);
  if (embedded) {
    console.log(`Database: embedded PGlite in ${process.env.PGLITE_DIR || ".data/pglite"}, in one process`);
    if (requested > 1) console.log(`WEB_CONCURRENCY=${requested} needs DATABASE_URL: the embedded database has a single owner.`);
  } else {
    console.log(`Database: PostgreSQL (DATABASE_URL), ${processes} process${processes === 1 ? "" : "es"}`);
  }
  if (embedded && (await demoIsSeeded())) {
    console.log(`\nDemo accounts (password for all: ${DEMO_PASSWORD}):`);
    for (const email of demoLogins()) console.log(`  ${email}`);
  }
}
