import { db } from "../../../db/db.server";
import type { Job } from "../../server/queue.server";
import { purgeAttempts } from "../../server/throttle.server";

// A visitor's contact details (name, address, what they wanted to see, and the answer written to them) are kept
// 90 days after the answer, then deleted. What stays says nothing about a person: which organisation asked to
// come and see which coalition, and when it was answered.

export const VISIT_CONTACT_RETENTION_DAYS = 90;
const DAY = 864e5;

/** Deletes the contact details of requests answered more than 90 days ago; returns how many requests it emptied. */
export async function purgeVisitRequestContacts(now = new Date()): Promise<number> {
  const emptied = await db()
    .updateTable("visit_request")
    .set({ contact_name: null, email: null, wishes: null, answer: null, personal_data_deleted_at: now })
    .where("answered_at", "<", new Date(now.getTime() - VISIT_CONTACT_RETENTION_DAYS * DAY))
    .where("answered_at", "is not", null)
    .where("personal_data_deleted_at", "is", null)
    .executeTakeFirst();
  await purgeAttempts("visit_request_attempt", now);
  return Number(emptied.numUpdatedRows);
}

export const visitJobs: Job[] = [
  {
    name: "purge-visit-request-contacts",
    hourly: true,
    async run() {
      await purgeVisitRequestContacts();
    },
  },
];
