import { sql } from "kysely";
import { db } from "../../db/db.server";
import { purgeEventPersonalData } from "../domain/events/event-retention.server";
import { purgeOldNotifications } from "../domain/notifications/notifications.server";
import { finaliseDepartures } from "../domain/privacy/departures.server";
import { anonymiseInactiveAccounts } from "../domain/privacy/retention.server";

// The clean-ups the privacy rules promise, each once per clock hour however many server processes run.
export const HOURLY_JOBS = {
  // Registrants' personal data goes 90 days after an event.
  "purge-event-personal-data": purgeEventPersonalData,
  // Accounts unused for longer than the admin's retention period are anonymised (the setting is off by default).
  "anonymise-inactive-accounts": anonymiseInactiveAccounts,
  // Leaving and account deletions become final 30 days after they were asked for.
  "finalise-departures": finaliseDepartures,
  // Notifications are kept 90 days.
  "purge-old-notifications": purgeOldNotifications,
} satisfies Record<string, () => Promise<number>>;

export type HourlyJob = keyof typeof HOURLY_JOBS;

// Every process looks every few minutes; the first to claim an hour runs that hour's jobs.
const CHECK_EVERY_MS = 5 * 60_000;

/** Claims this hour for the job: its slot for exactly one caller across all processes on the database, else null. */
export async function claimThisHour(job: HourlyJob): Promise<Date | null> {
  const claimed = await sql<{ slot: Date }>`
    insert into job_run (job, slot) values (${job}, date_trunc('hour', now()))
    on conflict do nothing returning slot`.execute(db());
  return claimed.rows[0]?.slot ?? null;
}

/** Runs each job whose hour no process has claimed yet. */
export async function runDueHourlyJobs(): Promise<void> {
  for (const [job, run] of Object.entries(HOURLY_JOBS) as [HourlyJob, () => Promise<number>][]) {
    try {
      const slot = await claimThisHour(job);
      if (!slot) continue;
      let failed = false;
      try {
        await run();
      } catch (error) {
        failed = true;
        console.error(`[hourly] ${job} failed`, error);
      }
      await sql`
        update job_run set finished_at = now(), failed = ${failed}
        where job = ${job} and slot = ${slot}`.execute(db());
    } catch (error) {
      // The database is unreachable: the next check tries again.
      console.warn(`[hourly] could not claim ${job}: ${error instanceof Error ? error.message : error}`);
    }
  }
  await sql`delete from job_run where slot < now() - interval '30 days'`.execute(db()).catch(() => {});
}

/** Runs the due jobs now (not awaited: a long first run must not hold up serving) and keeps checking. */
export function scheduleHourlyJobs(): void {
  void runDueHourlyJobs();
  setInterval(() => void runDueHourlyJobs(), CHECK_EVERY_MS).unref();
}
