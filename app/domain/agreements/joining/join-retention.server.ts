import { db } from "../../../../db/db.server";
import type { Job } from "../../../server/queue.server";
import { purgeAttempts } from "../../../server/throttle.server";

// An outsider's contact details (name, address, motivation, and the message they were sent) are kept 90 days
// after the decision on their request, then deleted. What stays says nothing about a person: that an
// organisation (by its name, now a partner) or someone joined, or was declined, and when.

export const CONTACT_RETENTION_DAYS = 90;
const DAY = 864e5;

/** Deletes the contact details of requests decided more than 90 days ago; returns how many requests it emptied. */
export async function purgeJoinRequestContacts(now = new Date()): Promise<number> {
  const emptied = await db()
    .updateTable("agreement_join_request")
    .set({ contact_name: null, email: null, motivation: null, decision_message: null, contact_deleted_at: now })
    .where("decided_at", "<", new Date(now.getTime() - CONTACT_RETENTION_DAYS * DAY))
    .where("contact_deleted_at", "is", null)
    .executeTakeFirst();
  await purgeAttempts("agreement_join_attempt", now);
  return Number(emptied.numUpdatedRows);
}

export const joiningJobs: Job[] = [
  {
    name: "purge-join-request-contacts",
    hourly: true,
    async run() {
      await purgeJoinRequestContacts();
    },
  },
];
