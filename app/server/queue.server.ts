import { CompiledQuery, type Kysely } from "kysely";
import PgBoss from "pg-boss";
import { db, pgliteOf } from "../../db/db.server";

// Background work runs on pg-boss, a job queue kept in the database itself: a job sent survives a restart, and
// however many processes work the queue, each job is taken by one of them (PostgreSQL's SKIP LOCKED).
// Every object keeps its jobs in its own folder (mail/mail-jobs.server.ts …); app/server/jobs.server.ts lists them.

/** A kind of background work: its name, what it does with a job's data, and how it is tried again. */
export type Job<Data = unknown> = {
  name: string;
  run(data: Data, attempt: Attempt): Promise<void>;
  /** Read when a job is sent (so the configuration of the moment counts); pg-boss's default is 2 more tries. */
  retry?(): { limit: number; delaySeconds: number; backoff: boolean };
  /** Runs at the start of every hour (Europe/Amsterdam) and at start-up, once per clock hour across all processes. */
  hourly?: boolean;
  /** A cron expression (Europe/Amsterdam): runs then, once per tick across all processes. */
  every?: string;
};

/** Which try this is (1 for the first), and whether a failure now is final. */
export type Attempt = { number: number; last: boolean };

export type QueueOptions = {
  /** PostgreSQL: pg-boss's own connections. Without it the queue runs over the app's database instance. */
  connectionString?: string;
  /** How often an idle worker looks for work (pg-boss's default is 2 s; tests ask sooner). */
  pollingSeconds?: number;
};

const HOUR = 3600;
type Running = { boss: PgBoss; workers: Map<string, string> };
// On globalThis, like the database: the server script and the Remix build (which sends jobs) share it.
const KEY = Symbol.for("leernetwerk.queue");
const holder = globalThis as typeof globalThis & { [KEY]?: Running };

/** Where pg-boss keeps its tables (tests give each file its own). */
export function queueSchema(): string {
  return process.env.JOB_QUEUE_SCHEMA || "pgboss";
}

/** Creates or updates pg-boss's schema (the primary process, before it forks the ones that work the queue). */
export async function prepareQueue(connectionString: string): Promise<void> {
  const boss = new PgBoss({ connectionString, schema: queueSchema(), max: 1, supervise: false, schedule: false });
  boss.on("error", (error: Error) => console.warn(`[jobs] ${error.message}`));
  await boss.start();
  await boss.stop({ graceful: false });
}

/**
 * Starts working the jobs in this process. pg-boss creates its schema on first start under an advisory lock, so
 * processes starting at once are safe; a queue created twice is created once.
 */
export async function startQueue(jobs: Job[], options: QueueOptions = {}): Promise<void> {
  if (holder[KEY]) throw new Error("The job queue already runs in this process");
  const boss = new PgBoss({
    schema: queueSchema(),
    ...(options.connectionString
      ? {
          connectionString: options.connectionString,
          max: 4,
          application_name: "leernetwerk-jobs",
          // The spirit of the server's own limits (db/db.server.ts): fail within seconds rather than hang.
          connectionTimeoutMillis: 5_000,
          keepAlive: true,
          statement_timeout: 30_000,
          query_timeout: 31_000,
        }
      : { db: statementsOn(db()) }),
  });
  // Unhandled, an error event (PostgreSQL restarting) would end the process; pg-boss tries again on its own.
  boss.on("error", (error: Error) => console.warn(`[jobs] ${error.message}`));
  await boss.start();
  const running: Running = { boss, workers: new Map() };
  holder[KEY] = running;
  const polling = { pollingIntervalSeconds: options.pollingSeconds ?? 2 };
  for (const job of jobs) {
    await createQueueOnce(boss, job.name);
    const worker = await boss.work<unknown>(job.name, { ...polling, includeMetadata: true }, async ([next]) => {
      // After a job the worker looks again at once (pg-boss would wait its polling interval): more may be waiting.
      try {
        await runOnce(job, next.data, { number: next.retryCount + 1, last: next.retryCount >= next.retryLimit });
      } finally {
        wakeWorker(job);
      }
    });
    running.workers.set(job.name, worker);
    if (job.hourly) {
      await boss.schedule(job.name, "0 * * * *", {}, { ...thisHourOnly(job), tz: "Europe/Amsterdam" });
      await sendThisHoursRun(job);
    }
    if (job.every) await boss.schedule(job.name, job.every, {}, { tz: "Europe/Amsterdam" });
  }
}

/**
 * pg-boss creates a queue's table in a transaction; processes creating the same queues at the same moment can
 * deadlock, and PostgreSQL then fails one of them: that one finds the queue made by the other when it tries again.
 */
async function createQueueOnce(boss: PgBoss, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    if (await boss.getQueue(name)) return;
    try {
      return await boss.createQueue(name);
    } catch (error) {
      if ((error as { code?: string }).code !== "40P01" || attempt === 5) throw error;
    }
  }
}

// One job per clock hour and clean-up: the one scheduled at the full hour or the one sent at start-up.
const thisHourOnly = (job: Job) => ({ singletonKey: job.name, singletonSeconds: HOUR });

/** Sends this hour's run of an hourly job, unless some process already sent it. */
export async function sendThisHoursRun(job: Job): Promise<void> {
  await holder[KEY]?.boss.send(job.name, {}, thisHourOnly(job));
}

async function runOnce<Data>(job: Job<Data>, data: Data, attempt: Attempt): Promise<void> {
  try {
    await job.run(data, attempt);
  } catch (error) {
    console.warn(`[jobs] ${job.name} failed (try ${attempt.number}${attempt.last ? ", the last" : ""}): ${String(error)}`);
    throw error;
  }
}

/** Stops taking jobs and waits a few seconds for the ones under way (before the database closes). */
export async function stopQueue(): Promise<void> {
  const running = holder[KEY];
  if (!running) return;
  delete holder[KEY];
  await running.boss.stop({ graceful: true, timeout: 5_000 });
}

/**
 * Sends a job; in `trx` when given, so the job exists exactly when the caller's rows do. The queue must be
 * running in this process (the server starts it before it serves).
 */
export async function enqueue<Data extends object>(job: Job<Data>, data: Data, trx?: Kysely<any>): Promise<void> {
  const running = holder[KEY];
  if (!running) throw new Error(`The job queue is not running in this process: cannot send ${job.name}`);
  const retry = job.retry?.();
  await running.boss.send(job.name, data, {
    ...(retry && { retryLimit: retry.limit, retryDelay: retry.delaySeconds, retryBackoff: retry.backoff }),
    ...(trx && { db: statementsOn(trx) }),
  });
}

/** Lets this process's worker take a job just sent now rather than at its next look. */
export function wakeWorker(job: Job<never>): void {
  const running = holder[KEY];
  const worker = running?.workers.get(job.name);
  if (running && worker) running.boss.notifyWorker(worker);
}

/**
 * pg-boss's statements over a Kysely instance or transaction. Its schema set-up and maintenance send several
 * statements in one text without values: PGlite runs those through `exec` (its prepared statements take one),
 * holding Kysely's one connection meanwhile; PostgreSQL's simple protocol takes them as they are.
 */
function statementsOn(instance: Kysely<any>): PgBoss.Db {
  const pglite = pgliteOf(instance);
  return {
    async executeSql(text: string, values?: unknown[]) {
      if (pglite && !values) {
        const results = await instance.connection().execute(() => pglite.exec(text));
        return { rows: results.at(-1)?.rows ?? [] };
      }
      return instance.executeQuery(CompiledQuery.raw(text, values ?? []));
    },
  };
}
