import { db } from "../../db/db.server";
import type { EventAudience } from "../../db/schema";
import { canOrganiseEvent, canSeeEvent, notFound, isRowId, type User } from "../auth/permissions.server";

// Network events (issue 7): the reads every event page starts from. An event belongs to a coalition (its
// facilitators organise it) or, with coalition_id null, to the whole programme (the funder organises it).

export type EventDetails = {
  id: string;
  slug: string;
  coalitionId: string | null;
  coalitionSlug: string | null;
  coalitionName: string | null;
  title: string;
  description: unknown;
  descriptionText: string;
  place: string;
  address: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  registrationDeadline: Date;
  audience: EventAudience;
  asksDietary: boolean;
  report: unknown;
  reportText: string;
  icalUid: string;
  icalSequence: number;
  version: number;
  personalDataDeletedAt: Date | null;
  programme: { id: string; startsAt: Date; title: string }[];
  questions: { id: string; label: string }[];
};

async function findEvent(where: { id: string } | { slug: string }): Promise<EventDetails | undefined> {
  const row = await db()
    .selectFrom("event")
    .leftJoin("coalition", "coalition.id", "event.coalition_id")
    .$if("id" in where, (qb) => qb.where("event.id", "=", (where as { id: string }).id))
    .$if("slug" in where, (qb) => qb.where("event.slug", "=", (where as { slug: string }).slug))
    .select([
      "event.id",
      "event.slug",
      "event.coalition_id as coalitionId",
      "coalition.slug as coalitionSlug",
      "coalition.name as coalitionName",
      "event.title",
      "event.description",
      "event.description_text as descriptionText",
      "event.place",
      "event.address",
      "event.starts_at as startsAt",
      "event.ends_at as endsAt",
      "event.capacity",
      "event.registration_deadline as registrationDeadline",
      "event.audience",
      "event.asks_dietary as asksDietary",
      "event.report",
      "event.report_text as reportText",
      "event.ical_uid as icalUid",
      "event.ical_sequence as icalSequence",
      "event.version",
      "event.personal_data_deleted_at as personalDataDeletedAt",
    ])
    .executeTakeFirst();
  if (!row) return undefined;
  const [programme, questions] = await Promise.all([
    db()
      .selectFrom("event_programme_item")
      .where("event_id", "=", row.id)
      .select(["id", "starts_at as startsAt", "title"])
      .orderBy("position")
      .execute(),
    db().selectFrom("event_question").where("event_id", "=", row.id).select(["id", "label"]).orderBy("position").execute(),
  ]);
  return { ...row, programme, questions };
}

/** The event behind a public address, if this visitor (signed in or not) may see it; otherwise 404. */
export async function eventForVisitor(user: User | null, slug: string | undefined): Promise<EventDetails> {
  const event = slug ? await findEvent({ slug }) : undefined;
  if (!event || !canSeeEvent(user, event)) throw notFound();
  return event;
}

/**
 * The event for its organisers' pages, under the address it belongs to: /teams/:team/events/:id for a
 * coalition's event (teamSlug given), /programme/events/:id for a programme-wide one (teamSlug null).
 * Anyone but an organiser, or the right event under the wrong address, gets 404.
 */
export async function eventForOrganiser(user: User, teamSlug: string | null, id: string | undefined): Promise<EventDetails> {
  const event = isRowId(id) ? await findEvent({ id }) : undefined;
  if (!event || event.coalitionSlug !== teamSlug || !canOrganiseEvent(user, event)) throw notFound();
  return event;
}

/** Where an event's organiser pages live. */
export function organiserPath(event: { id: string; coalitionSlug: string | null }): string {
  return event.coalitionSlug ? `/teams/${event.coalitionSlug}/events/${event.id}` : `/programme/events/${event.id}`;
}
