import { sql } from "kysely";
import { db } from "../../../../db/db.server";
import { newToken } from "../../../auth/tokens.server";
import type { Job } from "../../../server/queue.server";
import { mailOrigin } from "../../notifications/deliver.server";
import { mailRegistrant, registrationLink } from "./registrant-mail.server";
import { eventById } from "./waiting-list.server";

// Who has a place at an event is reminded two days before (the same clock time in Amsterdam), once, with the
// calendar file and their personal link to change or cancel. Only the link's hash is stored, so the reminder
// carries a new link (the earlier one stops working, as when someone moves up from the waiting list). Who
// registered after that moment just had their confirmation and is not reminded. Each registration is claimed
// in one statement before its mail goes, so the reminder goes once however often the job runs.

const dueAt = sql<Date>`(event.starts_at at time zone 'Europe/Amsterdam' - interval '2 days') at time zone 'Europe/Amsterdam'`;

/** Sends the event reminders due at `now`; returns how many went out. */
export async function sendRegistrantReminders(now = new Date(), origin = mailOrigin()): Promise<number> {
  const due = await db()
    .selectFrom("event_registration")
    .innerJoin("event", "event.id", "event_registration.event_id")
    .where("event_registration.status", "=", "registered")
    .where("event_registration.reminded_at", "is", null)
    .where("event_registration.email", "is not", null)
    .where("event.starts_at", ">", now)
    .where(dueAt, "<=", now)
    .where("event_registration.created_at", "<", dueAt)
    .select(["event_registration.id", "event_registration.event_id as eventId", "event_registration.name", "event_registration.email"])
    .execute();
  let sent = 0;
  for (const registration of due) {
    const { token, hash } = newToken();
    const claimed = await db()
      .updateTable("event_registration")
      .set({ reminded_at: now, token_hash: hash })
      .where("id", "=", registration.id)
      .where("reminded_at", "is", null)
      .where("status", "=", "registered")
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) continue;
    const event = await eventById(db(), registration.eventId);
    const person = { name: registration.name ?? "", email: registration.email! };
    await mailRegistrant("reminder", event, person, registrationLink(origin, event.slug, token), origin);
    sent++;
  }
  return sent;
}

export const eventJobs: Job[] = [
  {
    name: "event-reminders",
    every: "*/15 * * * *",
    async run() {
      await sendRegistrantReminders();
    },
  },
];
