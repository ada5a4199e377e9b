import { sql } from "kysely";
import { db } from "../../../db/db.server";
import type { User } from "../../auth/permissions.server";
import { registeredSubquery } from "./events.server";

// Events where the rest of the network meets them (issue 7): the coming and past evenings on /network, and
// for the funder the counts on /programme and the events of a period in the digest. Counts only: who
// registered is for the event's organisers alone.

export const NETWORK_EVENTS = 5;

export type ListedEvent = {
  id: string;
  slug: string;
  title: string;
  place: string;
  startsAt: Date;
  endsAt: Date;
  audience: "public" | "network";
  coalitionId: string | null;
  coalitionName: string | null;
  registered: number;
};

function listedEvents() {
  return db()
    .selectFrom("event")
    .leftJoin("coalition", "coalition.id", "event.coalition_id")
    .select((eb) => [
      "event.id",
      "event.slug",
      "event.title",
      "event.place",
      "event.starts_at as startsAt",
      "event.ends_at as endsAt",
      "event.audience",
      "event.coalition_id as coalitionId",
      "coalition.name as coalitionName",
      registeredSubquery(eb).as("registered"),
    ]);
}

const counted = <T extends { registered: string | number | null }>(rows: T[]) =>
  rows.map((row) => ({ ...row, registered: Number(row.registered ?? 0) }));

/** For every signed-in person: the next evenings and the latest past ones, public and network-only alike. */
export async function networkEvents(_user: User) {
  const [coming, past] = await Promise.all([
    listedEvents().where("event.ends_at", ">=", sql<Date>`now()`).orderBy("event.starts_at").limit(NETWORK_EVENTS).execute(),
    listedEvents().where("event.ends_at", "<", sql<Date>`now()`).orderBy("event.starts_at", "desc").limit(NETWORK_EVENTS).execute(),
  ]);
  return { coming: counted(coming), past: counted(past) };
}

/** Per coalition (null: programme-wide): how many events took place and how many people were registered for them. */
export async function eventFigures() {
  const rows = await db()
    .selectFrom("event")
    .leftJoin("event_registration as registration", (join) =>
      join.onRef("registration.event_id", "=", "event.id").on("registration.status", "=", "registered"),
    )
    .where("event.starts_at", "<=", sql<Date>`now()`)
    .groupBy("event.coalition_id")
    .select([
      "event.coalition_id as coalitionId",
      sql<string>`count(distinct event.id)`.as("held"),
      sql<string>`count(registration.id)`.as("attendance"),
    ])
    .execute();
  return rows.map((row) => ({ coalitionId: row.coalitionId, held: Number(row.held), attendance: Number(row.attendance) }));
}

/** The events that took place from `from` (inclusive) to `to` (exclusive), with their registrations counted. */
export async function eventsBetween(from: Date, to: Date): Promise<ListedEvent[]> {
  const rows = await listedEvents()
    .where("event.starts_at", ">=", from)
    .where("event.starts_at", "<", to)
    .where("event.starts_at", "<=", sql<Date>`now()`)
    .orderBy("event.starts_at")
    .execute();
  return counted(rows);
}
