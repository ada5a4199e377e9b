import { db } from "../../../db/db.server";
import type { Visibility } from "../../../db/schema";
import { usersByIds, type User } from "../../auth/permissions.server";
import { deliverNotification } from "./deliver.server";
import { currentItems, itemKey, type NotifiedItem } from "./items.server";
import type { NotificationKind } from "./notification-kinds";
import { deliveryFor } from "./preferences.server";

// The one door every object's actions tell the network through. Who is told is decided here, per recipient,
// by the pages' own permission functions (items.server.ts), and again when it is shown or mailed.

export type { NotificationKind } from "./notification-kinds";
export type { NotifiedItem } from "./items.server";

export async function notify(input: {
  kind: NotificationKind;
  recipientIds: string[];
  actorId: string | null;
  item: NotifiedItem;
  /** What changed, when the kind alone does not say it (a session: "confirmed", "rescheduled", "cancelled"). */
  detail?: string;
  /** The site's address for links in mails; PUBLIC_URL when not given. */
  origin?: string;
}): Promise<void> {
  // Nobody is told of what they did themselves.
  const ids = [...new Set(input.recipientIds)].filter((id) => id !== input.actorId);
  if (ids.length === 0) return;
  const [people, items, choices] = await Promise.all([usersByIds(ids), currentItems([input.item], ids), deliveryFor(ids, input.kind)]);
  const item = items.get(itemKey(input.item));
  if (!item) return;
  const rows = people.flatMap((person) => {
    const delivery = choices.get(person.id);
    if (!delivery || delivery === "off" || !item.visibleTo(person, input.kind)) return [];
    return [
      {
        recipient_id: person.id,
        kind: input.kind,
        item_type: input.item.type,
        item_id: input.item.id,
        detail: input.detail ?? null,
        actor_id: input.actorId,
        delivery,
      },
    ];
  });
  if (rows.length === 0) return;
  const made = await db().insertInto("notification").values(rows).returning(["id", "delivery"]).execute();
  // The mail is written in the request, checked again as it is (deliverNotification); the outbox's job sends it.
  for (const notification of made) {
    if (notification.delivery === "email") await deliverNotification(notification.id, input.origin);
  }
}

/**
 * After an item was made less visible or deleted: its notifications that their recipients may no longer read
 * go at once (the list would skip them anyway, but the bell would count them until then).
 */
export async function withdrawUnreadable(item: NotifiedItem): Promise<void> {
  const rows = await db()
    .selectFrom("notification")
    .where("item_type", "=", item.type)
    .where("item_id", "=", item.id)
    .select(["id", "recipient_id", "kind"])
    .execute();
  if (rows.length === 0) return;
  const recipients = [...new Set(rows.map((row) => row.recipient_id))];
  const [people, items] = await Promise.all([usersByIds(recipients), currentItems([item], recipients)]);
  const facts = items.get(itemKey(item));
  const byId = new Map(people.map((person) => [person.id, person]));
  const gone = rows.filter((row) => {
    const person = byId.get(row.recipient_id);
    return !facts || !person || !facts.visibleTo(person, row.kind);
  });
  if (gone.length) await db().deleteFrom("notification").where("id", "in", gone.map((row) => row.id)).execute();
}

// A reflection or lesson shared more widely than before: the coalition (shared with the team) or the whole
// programme (shared with the network) hears of it, in the digest by default and never by a mail of its own.

const reach: Record<Visibility, number> = { private: 0, team: 1, network: 2 };

/** Who could newly read it: the coalition's people, or everyone of the programme (members of any coalition and the funder). */
async function audience(coalitionId: string, visibility: "team" | "network"): Promise<string[]> {
  const rows =
    visibility === "team"
      ? await db().selectFrom("membership").where("coalition_id", "=", coalitionId).select("person_id as id").execute()
      : await db()
          .selectFrom("person")
          .where((eb) => eb.or([eb("account_role", "=", "funder"), eb.exists(eb.selectFrom("membership").whereRef("membership.person_id", "=", "person.id").select("membership.person_id"))]))
          .where("deactivated_at", "is", null)
          .select("id")
          .execute();
  return rows.map((row) => row.id);
}

export async function notifyShared(
  user: User,
  item: NotifiedItem & { type: "reflection" | "lesson" },
  coalitionId: string,
  visibility: Visibility,
  before: Visibility = "private",
): Promise<void> {
  if (visibility === "private" || reach[visibility] <= reach[before]) return;
  await notify({ kind: "shared", recipientIds: await audience(coalitionId, visibility), actorId: user.id, item, detail: visibility });
}
