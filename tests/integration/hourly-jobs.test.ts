import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../db/db.server";
import { HOURLY_JOBS, hourlyJobs } from "../../app/server/hourly-jobs.server";
import { JOBS } from "../../app/server/jobs.server";
import { queueSchema, sendThisHoursRun } from "../../app/server/queue.server";
import { eventually, startTestQueue } from "../fixtures/queue";

// The hourly clean-ups are scheduled jobs: at start-up and at every full hour one run each, however many
// processes ask for that hour's run at the same moment. (tests/server/processes.test.ts starts three processes.)
let queue: Awaited<ReturnType<typeof startTestQueue>>;
beforeAll(async () => (queue = await startTestQueue()));
afterAll(() => queue.stop());

async function runsPerCleanUp(): Promise<{ name: string; state: string; runs: number }[]> {
  const runs = await sql<{ name: string; state: string; runs: number }>`
    select name, state::text, count(*)::int as runs from ${sql.id(queueSchema(), "job")}
    where name = any(${Object.keys(HOURLY_JOBS)}) group by name, state order by name`.execute(db());
  return runs.rows;
}

describe("hourly clean-ups", () => {
  it("run once at start-up, and once per hour however many processes ask at the same moment", async () => {
    await Promise.all(hourlyJobs.flatMap((job) => [sendThisHoursRun(job), sendThisHoursRun(job), sendThisHoursRun(job)]));
    const allDone = Object.keys(HOURLY_JOBS)
      .sort()
      .map((name) => ({ name, state: "completed", runs: 1 }));
    await eventually(async () => JSON.stringify(await runsPerCleanUp()) === JSON.stringify(allDone));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await runsPerCleanUp()).toEqual(allDone);
  });

  it("are scheduled at every full hour, Amsterdam time (with the other objects' hourly jobs, such as the weekly digest), and the reminders every quarter of an hour", async () => {
    const schedules = await sql<{ name: string; cron: string; timezone: string }>`
      select name, cron, timezone from ${sql.id(queueSchema(), "schedule")} order by name`.execute(db());
    expect(schedules.rows).toEqual(
      JOBS.flatMap((job) => (job.hourly ? [{ name: job.name, cron: "0 * * * *" }] : job.every ? [{ name: job.name, cron: job.every }] : []))
        .map((schedule) => ({ ...schedule, timezone: "Europe/Amsterdam" }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    );
    for (const name of [...Object.keys(HOURLY_JOBS), "send-weekly-digests"]) {
      expect(schedules.rows).toContainEqual({ name, cron: "0 * * * *", timezone: "Europe/Amsterdam" });
    }
    for (const name of ["session-reminders", "event-reminders"]) {
      expect(schedules.rows).toContainEqual({ name, cron: "*/15 * * * *", timezone: "Europe/Amsterdam" });
    }
  });
});
