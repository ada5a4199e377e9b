import { db } from "../../../db/db.server";
import type { User } from "../../auth/permissions.server";
import { hashToken, newToken } from "../../auth/tokens.server";
import { recordAudit } from "../audit/audit.server";
import {
  DEFAULT_DIGEST_DAY,
  defaultDelivery,
  notificationKinds,
  type DeliveryChoice,
  type NotificationKind,
  type UnsubscribeKind,
} from "./notification-kinds";

// Per person and kind: off, in the app, e-mail at once or in the digest. Only a choice that differs from the
// default is stored; the digest's day likewise. Changes are written to the audit log (what changed, no content).

/** Each person's choice for one kind (the default where they made none). */
export async function deliveryFor(personIds: string[], kind: NotificationKind): Promise<Map<string, DeliveryChoice>> {
  const chosen = personIds.length
    ? await db()
        .selectFrom("notification_preference")
        .where("person_id", "in", personIds)
        .where("kind", "=", kind)
        .select(["person_id", "delivery"])
        .execute()
    : [];
  const choices = new Map<string, DeliveryChoice>(personIds.map((id) => [id, defaultDelivery[kind]]));
  for (const row of chosen) choices.set(row.person_id, row.delivery);
  return choices;
}

export type NotificationSettings = { deliveries: Record<NotificationKind, DeliveryChoice>; digestDay: number };

export async function notificationSettings(user: Pick<User, "id">): Promise<NotificationSettings> {
  const [chosen, day] = await Promise.all([
    db().selectFrom("notification_preference").where("person_id", "=", user.id).select(["kind", "delivery"]).execute(),
    db().selectFrom("digest_day").where("person_id", "=", user.id).select("weekday").executeTakeFirst(),
  ]);
  const deliveries = { ...defaultDelivery };
  for (const row of chosen) deliveries[row.kind] = row.delivery;
  return { deliveries, digestDay: day?.weekday ?? DEFAULT_DIGEST_DAY };
}

/** Saves the person's choices; the audit log notes which kinds changed, and to what. */
export async function saveNotificationSettings(user: User, settings: NotificationSettings, address: string | null): Promise<void> {
  const before = await notificationSettings(user);
  const changed = notificationKinds.filter((kind) => before.deliveries[kind] !== settings.deliveries[kind]);
  if (changed.length === 0 && before.digestDay === settings.digestDay) return;
  await db()
    .transaction()
    .execute(async (trx) => {
      await trx.deleteFrom("notification_preference").where("person_id", "=", user.id).execute();
      const own = notificationKinds.filter((kind) => settings.deliveries[kind] !== defaultDelivery[kind]);
      if (own.length) {
        await trx
          .insertInto("notification_preference")
          .values(own.map((kind) => ({ person_id: user.id, kind, delivery: settings.deliveries[kind] })))
          .execute();
      }
      await trx.deleteFrom("digest_day").where("person_id", "=", user.id).execute();
      if (settings.digestDay !== DEFAULT_DIGEST_DAY) {
        await trx.insertInto("digest_day").values({ person_id: user.id, weekday: settings.digestDay }).execute();
      }
    });
  await recordAudit({
    kind: "notification_preferences_changed",
    actorId: user.id,
    subjectId: user.id,
    address,
    detail: {
      kinds: Object.fromEntries(changed.map((kind) => [kind, settings.deliveries[kind]])),
      ...(before.digestDay !== settings.digestDay ? { digestDay: settings.digestDay } : {}),
    },
  });
}

/** A one-click unsubscribe link for one person and kind (RFC 8058); only its hash is kept. */
export async function unsubscribeUrl(personId: string, kind: UnsubscribeKind, origin: string): Promise<string> {
  const { token, hash } = newToken();
  await db().insertInto("unsubscribe_token").values({ id_hash: hash, person_id: personId, kind }).execute();
  return `${origin}/unsubscribe/${token}`;
}

/** The owner and kind of an unsubscribe token; undefined for an unknown token or an erased account. */
function tokenOwner(token: string | undefined) {
  if (!token) return Promise.resolve(undefined);
  return db()
    .selectFrom("unsubscribe_token")
    .innerJoin("person", "person.id", "unsubscribe_token.person_id")
    .where("unsubscribe_token.id_hash", "=", hashToken(token))
    .where("person.erased_at", "is", null)
    .select(["unsubscribe_token.person_id", "unsubscribe_token.kind"])
    .executeTakeFirst();
}

/** What a token would switch off, for the page that asks to confirm; null for an unknown token. */
export async function unsubscribeTarget(token: string | undefined): Promise<{ kind: UnsubscribeKind } | null> {
  const row = await tokenOwner(token);
  return row ? { kind: row.kind } : null;
}

/**
 * Turns the mail of the token's kind off for the token's owner only: that kind stays in the app (the bell).
 * The digest's token does so for every kind the person gets in the digest. Null for an unknown token.
 */
export async function unsubscribe(token: string | undefined, address: string | null): Promise<{ kind: UnsubscribeKind } | null> {
  const row = await tokenOwner(token);
  if (!row) return null;
  const { deliveries } = await notificationSettings({ id: row.person_id });
  const kinds =
    row.kind === "digest"
      ? notificationKinds.filter((kind) => deliveries[kind] === "digest")
      : deliveries[row.kind] === "email" || deliveries[row.kind] === "digest"
        ? [row.kind]
        : [];
  if (kinds.length) {
    await db()
      .insertInto("notification_preference")
      .values(kinds.map((kind) => ({ person_id: row.person_id, kind, delivery: "app" as const })))
      .onConflict((conflict) => conflict.columns(["person_id", "kind"]).doUpdateSet({ delivery: "app" }))
      .execute();
    await recordAudit({ kind: "unsubscribed", actorId: row.person_id, subjectId: row.person_id, address, detail: { kind: row.kind } });
  }
  return { kind: row.kind };
}
