import type { Kysely, Transaction } from "kysely";
import { db } from "../../../../db/db.server";
import type { Database } from "../../../../db/schema";
import { newToken } from "../../../auth/tokens.server";
import { mailRegistrant, registrationLink } from "./registrant-mail.server";

// Who has a place and who waits. Every change of who has a place locks the event row first, so the
// capacity holds under concurrent registration; a place that comes free goes to whoever has waited longest.
// Used by the visitor's own registration (cancelling) and by the organiser (raising the capacity).

export type Executor = Kysely<Database> | Transaction<Database>;

export async function countRegistered(executor: Executor, eventId: string): Promise<number> {
  const row = await executor
    .selectFrom("event_registration")
    .where("event_id", "=", eventId)
    .where("status", "=", "registered")
    .select((eb) => eb.fn.countAll<string>().as("count"))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Locks the event row, so that only one change of who has a place runs at a time; returns the capacity. */
export async function lockEvent(trx: Transaction<Database>, eventId: string): Promise<number> {
  const row = await trx.selectFrom("event").where("id", "=", eventId).select("capacity").forUpdate().executeTakeFirstOrThrow();
  return row.capacity;
}

/** The event as its registrants' pages need it, whoever may otherwise see it: the link itself is the key. */
export async function eventById(executor: Executor, id: string) {
  const event = await executor
    .selectFrom("event")
    .where("id", "=", id)
    .select([
      "id",
      "slug",
      "title",
      "description_text as descriptionText",
      "place",
      "address",
      "starts_at as startsAt",
      "ends_at as endsAt",
      "capacity",
      "asks_dietary as asksDietary",
      "ical_uid as icalUid",
      "ical_sequence as icalSequence",
    ])
    .executeTakeFirstOrThrow();
  const [programme, questions] = await Promise.all([
    executor
      .selectFrom("event_programme_item")
      .where("event_id", "=", id)
      .select(["starts_at as startsAt", "title"])
      .orderBy("position")
      .execute(),
    executor.selectFrom("event_question").where("event_id", "=", id).select(["id", "label"]).orderBy("position").execute(),
  ]);
  return { ...event, programme, questions };
}

/**
 * Gives free places to the waiting list, oldest registration first. Call inside a transaction that holds
 * the event's row lock. The old personal links of those moved up stop working: only hashes are stored,
 * so the e-mail that tells them carries a new one.
 */
export async function fillFreePlaces(trx: Transaction<Database>, event: { id: string; capacity: number }, now: Date) {
  const free = event.capacity - (await countRegistered(trx, event.id));
  if (free <= 0) return [];
  const waiting = await trx
    .selectFrom("event_registration")
    .where("event_id", "=", event.id)
    .where("status", "=", "waiting")
    .select(["id", "name", "email"])
    .orderBy("created_at")
    .orderBy("id")
    .limit(free)
    .execute();
  const movedUp: { name: string; email: string; token: string }[] = [];
  for (const person of waiting) {
    const { token, hash } = newToken();
    await trx
      .updateTable("event_registration")
      .set({ status: "registered", moved_up_at: now, token_hash: hash, updated_at: now })
      .where("id", "=", person.id)
      .execute();
    if (person.email) movedUp.push({ name: person.name ?? "", email: person.email, token });
  }
  return movedUp;
}

/**
 * For the organisers' side: after the capacity was raised, the waiting list moves up (and is told so).
 * Safe to call at any time; does nothing when no place is free or nobody waits.
 */
export async function moveUpWaitingList(eventId: string, origin: string, now = new Date()): Promise<number> {
  const { movedUp, event } = await db()
    .transaction()
    .execute(async (trx) => {
      await lockEvent(trx, eventId);
      const event = await eventById(trx, eventId);
      if (now.getTime() >= event.startsAt.getTime()) return { movedUp: [], event };
      return { movedUp: await fillFreePlaces(trx, event, now), event };
    });
  for (const person of movedUp) {
    await mailRegistrant("movedUp", event, person, registrationLink(origin, event.slug, person.token), origin);
  }
  return movedUp.length;
}
