import { sql } from "kysely";
import { db } from "../../../db/db.server";
import type { User } from "../../auth/permissions.server";
import { afterId, keyset, PAGE_SIZE, type PersonalRows } from "../privacy/personal-rows.server";

// A person's notifications, their choices, their unsubscribe links and the weeks their digest went out. Leaving a coalition removes the
// notifications about its items (deleting the account: all of them, and every unsubscribe link); what they
// caused for others now names the stand-in. Erasure removes the choices too. The export holds their
// notifications (what, about which item, when, read) and their choices.

/** The notification's item belongs to the coalition (or, coalitionId null, to any). */
function aboutCoalition(coalitionId: string | null) {
  if (coalitionId === null) return sql<boolean>`true`;
  return sql<boolean>`(
    (notification.item_type = 'reflection' and notification.item_id in (select id from reflection where coalition_id = ${coalitionId}))
    or (notification.item_type = 'lesson' and notification.item_id in (select id from lesson where coalition_id = ${coalitionId}))
    or (notification.item_type = 'milestone' and notification.item_id in (select id from milestone where coalition_id = ${coalitionId}))
    or (notification.item_type = 'session' and notification.item_id in (select id from intervision_session where coalition_id = ${coalitionId}))
    or (notification.item_type = 'event' and notification.item_id in (select id from event where coalition_id = ${coalitionId}))
    or (notification.item_type = 'agreement' and notification.item_id = ${coalitionId}))`;
}

export const notificationRows: PersonalRows = {
  module: "notifications",
  covers: [
    { table: "notification", column: "recipient_id" },
    { table: "notification", column: "actor_id" },
    { table: "notification_preference", column: "person_id" },
    { table: "digest_day", column: "person_id" },
    { table: "unsubscribe_token", column: "person_id" },
    { table: "digest_sent", column: "person_id" },
  ],
  async handOver(trx, { from, to, coalitionId }) {
    await sql`delete from notification where recipient_id = ${from} and ${aboutCoalition(coalitionId)}`.execute(trx);
    await sql`update notification set actor_id = ${to} where actor_id = ${from} and ${aboutCoalition(coalitionId)}`.execute(trx);
    if (coalitionId === null) {
      await trx.deleteFrom("unsubscribe_token").where("person_id", "=", from).execute();
      await trx.deleteFrom("digest_sent").where("person_id", "=", from).execute();
    }
  },
  async erase(trx, person) {
    await trx.deleteFrom("notification").where("recipient_id", "=", person.id).execute();
    await trx.updateTable("notification").set({ actor_id: null }).where("actor_id", "=", person.id).execute();
    await trx.deleteFrom("notification_preference").where("person_id", "=", person.id).execute();
    await trx.deleteFrom("digest_day").where("person_id", "=", person.id).execute();
    await trx.deleteFrom("unsubscribe_token").where("person_id", "=", person.id).execute();
    await trx.deleteFrom("digest_sent").where("person_id", "=", person.id).execute();
  },
};

/** The person's notifications: kind, the item by type and id, when, read, and how it reached them. */
export function notificationPages(user: User) {
  return keyset((after) =>
    db()
      .selectFrom("notification")
      .where("recipient_id", "=", user.id)
      .where(afterId("notification.id", after))
      .select(["id", "kind", "item_type as itemType", "item_id as itemId", "detail", "delivery", "created_at as createdAt", "read_at as readAt", "mailed_at as mailedAt"])
      .orderBy("id")
      .limit(PAGE_SIZE)
      .execute(),
  );
}
