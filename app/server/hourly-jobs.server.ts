import { purgeEventPersonalData } from "../domain/events/event-retention.server";
import { purgeOldNotifications } from "../domain/notifications/notifications.server";
import { finaliseDepartures } from "../domain/privacy/departures.server";
import { anonymiseInactiveAccounts } from "../domain/privacy/retention.server";
import type { Job } from "./queue.server";

// The clean-ups the privacy rules promise, each once per clock hour however many server processes run: they are
// scheduled jobs on the queue (at every full hour, Europe/Amsterdam, and at start-up when that hour's run is due).
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

export const hourlyJobs: Job[] = Object.entries(HOURLY_JOBS).map(([name, cleanUp]) => ({
  name,
  hourly: true,
  async run() {
    await cleanUp();
  },
}));
