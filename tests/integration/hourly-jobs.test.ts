import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { db } from "../../db/db.server";
import { claimThisHour, HOURLY_JOBS, runDueHourlyJobs } from "../../app/server/hourly-jobs.server";

// Every server process runs the hourly clean-ups; the hour's claim in the database lets one of them do it.
describe("hourly clean-ups", () => {
  it("run once per hour however many processes ask at the same moment", async () => {
    await Promise.all([runDueHourlyJobs(), runDueHourlyJobs(), runDueHourlyJobs()]);
    const runs = await sql<{ job: string; finished: boolean; failed: boolean }>`
      select job, finished_at is not null as finished, failed from job_run order by job`.execute(db());
    expect(runs.rows).toEqual(
      Object.keys(HOURLY_JOBS)
        .sort()
        .map((job) => ({ job, finished: true, failed: false })),
    );
  });

  it("give the hour to the first claim only", async () => {
    await sql`delete from job_run`.execute(db());
    const claims = await Promise.all([1, 2, 3, 4].map(() => claimThisHour("finalise-departures")));
    expect(claims.filter(Boolean)).toHaveLength(1);
  });
});
