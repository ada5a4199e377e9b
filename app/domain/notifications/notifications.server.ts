import { sql } from "kysely";
import { db } from "../../../db/db.server";
import { isRowId, notFound, type User } from "../../auth/permissions.server";
import { translator } from "../../i18n/dictionaries.server";
import type { Translate } from "../../i18n/i18n";
import { currentItems, itemKey } from "./items.server";
import type { NotificationKind } from "./notification-kinds";

// A person's notifications: newest first, kept 90 days. Each is shown only while its item is still there for
// them (the pages' rule, asked again now); one that is not is removed, so the bell counts only what the list shows.

export const KEPT_DAYS = 90;
export const LIST_SIZE = 50;

export type NotificationEntry = { id: string; line: string; path: string; createdAt: Date; read: boolean };

export async function listNotifications(user: User): Promise<NotificationEntry[]> {
  const rows = await db()
    .selectFrom("notification")
    .leftJoin("person as actor", "actor.id", "notification.actor_id")
    .where("notification.recipient_id", "=", user.id)
    .orderBy("notification.created_at", "desc")
    .orderBy("notification.id")
    .limit(LIST_SIZE)
    .select([
      "notification.id",
      "notification.kind",
      "notification.item_type",
      "notification.item_id",
      "notification.detail",
      "notification.created_at",
      "notification.read_at",
      "actor.name as actorName",
    ])
    .execute();
  const items = await currentItems(rows.map((row) => ({ type: row.item_type, id: row.item_id })), [user.id]);
  const t = translator(user.language);
  const gone: string[] = [];
  const entries = rows.flatMap((row) => {
    const item = items.get(itemKey({ type: row.item_type, id: row.item_id }));
    if (!item || !item.visibleTo(user, row.kind)) {
      gone.push(row.id);
      return [];
    }
    const line = notificationLine(t, { kind: row.kind, detail: row.detail, actorName: row.actorName, title: item.title });
    return [{ id: row.id, line, path: item.path, createdAt: row.created_at, read: row.read_at !== null }];
  });
  if (gone.length) await db().deleteFrom("notification").where("id", "in", gone).where("recipient_id", "=", user.id).execute();
  return entries;
}

/** Marks one of the person's own notifications read; someone else's is not found. */
export async function markRead(user: User, id: string | undefined): Promise<void> {
  if (!isRowId(id)) throw notFound();
  const result = await db()
    .updateTable("notification")
    .set({ read_at: sql<Date>`coalesce(read_at, now())` })
    .where("id", "=", id)
    .where("recipient_id", "=", user.id)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw notFound();
}

export async function markAllRead(user: User): Promise<void> {
  await db().updateTable("notification").set({ read_at: new Date() }).where("recipient_id", "=", user.id).where("read_at", "is", null).execute();
}

/** Notifications older than 90 days go, read or not (hourly), with unsubscribe links as old. */
export async function purgeOldNotifications(): Promise<number> {
  const cutoff = sql<Date>`now() - make_interval(days => ${KEPT_DAYS})`;
  const purged = await db().deleteFrom("notification").where("created_at", "<", cutoff).executeTakeFirst();
  await db().deleteFrom("unsubscribe_token").where("created_at", "<", cutoff).execute();
  return Number(purged.numDeletedRows);
}

// The one sentence that says what happened, for the list and for a mail's subject. It names who did it and the
// item's title, never any text of the item (and nothing at all of intervision notes).

export function notificationLine(
  t: Translate,
  n: { kind: NotificationKind; detail: string | null; actorName: string | null; title: string },
): string {
  const values = { actor: n.actorName || t("notificationLine.someone"), title: n.title };
  switch (n.kind) {
    case "session":
      return t(
        n.detail === "cancelled"
          ? "notificationLine.session.cancelled"
          : n.detail === "rescheduled"
            ? "notificationLine.session.rescheduled"
            : n.detail === "reminder"
              ? "notificationLine.session.reminder"
              : n.detail === "held"
                ? "notificationLine.session.held"
                : "notificationLine.session.confirmed",
        values,
      );
    case "shared":
      return t(n.detail === "network" ? "notificationLine.shared.network" : "notificationLine.shared.team", values);
    case "quote":
      return t(n.detail === "withdrawn" ? "notificationLine.quote.withdrawn" : "notificationLine.quote", values);
    default:
      return t(`notificationLine.${n.kind}` as const, values);
  }
}
