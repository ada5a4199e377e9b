import { db } from "../../../db/db.server";
import { purgeAttempts } from "../../server/throttle.server";

// Registrants' personal data is kept for 90 days after the event, then wiped (issue 7). What stays is what
// no longer points at a person: each registration's status and its yes/no answers, so the counts ("how many
// came, how many ate along") survive. The personal link dies with the token hash.

export const RETENTION_DAYS = 90;
const DAY = 864e5;

/** Wipes the personal data of events that ended more than 90 days ago; returns how many events were wiped. */
export async function purgeEventPersonalData(now = new Date()): Promise<number> {
  const wiped = await db()
    .transaction()
    .execute(async (trx) => {
      const events = await trx
        .selectFrom("event")
        .where("ends_at", "<", new Date(now.getTime() - RETENTION_DAYS * DAY))
        .where("personal_data_deleted_at", "is", null)
        .select("id")
        .forUpdate()
        .execute();
      const ids = events.map((e) => e.id);
      if (ids.length === 0) return 0;
      await trx
        .updateTable("event_registration")
        .set({ name: null, email: null, organisation: null, dietary: null, token_hash: null, person_id: null, updated_at: now })
        .where("event_id", "in", ids)
        .execute();
      await trx.updateTable("event").set({ personal_data_deleted_at: now }).where("id", "in", ids).execute();
      return ids.length;
    });
  await purgeAttempts("event_registration_attempt", now);
  return wiped;
}
