import { agreementJobs } from "../domain/agreements/review.server";
import { joiningJobs } from "../domain/agreements/joining/join-retention.server";
import { eventJobs } from "../domain/events/registrations/registrant-reminders.server";
import { mailJobs } from "../domain/mail/mail-jobs.server";
import { questionJobs } from "../domain/questions/harvest-reminders.server";
import { roundJobs } from "../domain/rounds/round-jobs.server";
import { digestJobs } from "../domain/notifications/digest/digest-jobs.server";
import { sessionJobs } from "../domain/sessions/session-reminders.server";
import { visitJobs } from "../domain/visits/visit-retention.server";
import { hourlyJobs } from "./hourly-jobs.server";
import { startQueue, type QueueOptions } from "./queue.server";

// Every object's jobs, registered in one list: a server process works all of them.
export const JOBS = [...mailJobs, ...hourlyJobs, ...digestJobs, ...sessionJobs, ...eventJobs, ...roundJobs, ...joiningJobs, ...agreementJobs, ...visitJobs, ...questionJobs];

export function startJobs(options: QueueOptions = {}): Promise<void> {
  return startQueue(JOBS, options);
}
