import { randomBytes, randomUUID } from "node:crypto";
import { sql, type ExpressionBuilder, type Transaction } from "kysely";
import { db } from "../../../db/db.server";
import type { Database, EventAudience } from "../../../db/schema";
import {
  canOrganiseEvent,
  canSeeEvent,
  isRowId,
  membershipIn,
  notFound,
  requireEventOrganiser,
  sharedWithNetwork,
  type Team,
  type User,
} from "../../auth/permissions.server";
import { plainTextOf } from "../../richtext/plain-text.server";
import type { RichTextState } from "../../richtext/schema";
import type { EventSchedule } from "./event-form";
import { moveUpWaitingList } from "./registrations/waiting-list.server";

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

import { organiserPath } from "./event-paths";

export { organiserPath };

// ---- Organising: creating, editing and listing events, and linking what was presented afterwards ----

export type EventInput = EventSchedule & {
  title: string;
  description: RichTextState;
  place: string;
  address: string;
  capacity: number;
  audience: EventAudience;
  asksDietary: boolean;
  questions: string[];
};

/** "Twee jaar samen in Twello!" → "twee-jaar-samen-in-twello-3f9a1c": readable, and unguessable enough to be unique. */
export function eventSlug(title: string): string {
  const base =
    title
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .slice(0, 53)
      .replace(/^-+|-+$/g, "") || "bijeenkomst";
  return `${base}-${randomBytes(3).toString("hex")}`;
}

function eventColumns(input: EventInput) {
  return {
    title: input.title,
    description: JSON.stringify(input.description),
    description_text: plainTextOf(input.description),
    place: input.place,
    address: input.address,
    starts_at: input.startsAt,
    ends_at: input.endsAt,
    capacity: input.capacity,
    registration_deadline: input.registrationDeadline,
    audience: input.audience,
    asks_dietary: input.asksDietary,
  };
}

async function replaceProgramme(trx: Transaction<Database>, eventId: string, programme: EventInput["programme"]) {
  await trx.deleteFrom("event_programme_item").where("event_id", "=", eventId).execute();
  if (programme.length) {
    await trx
      .insertInto("event_programme_item")
      .values(programme.map((item, position) => ({ event_id: eventId, position, starts_at: item.startsAt, title: item.title })))
      .execute();
  }
}

/**
 * The yes/no questions in their new order. A question whose label stays keeps its row, and with it the
 * answers already given; a question taken away goes, with its answers.
 */
async function replaceQuestions(trx: Transaction<Database>, eventId: string, labels: string[]) {
  const existing = await trx.selectFrom("event_question").where("event_id", "=", eventId).select(["id", "label"]).execute();
  const kept = new Map<string, string>();
  for (const question of existing) if (labels.includes(question.label) && !kept.has(question.label)) kept.set(question.label, question.id);
  const keptIds = [...kept.values()];
  await trx
    .deleteFrom("event_question")
    .where("event_id", "=", eventId)
    .$if(keptIds.length > 0, (qb) => qb.where("id", "not in", keptIds))
    .execute();
  // Out of the way of the unique (event, position) first, then into place.
  if (keptIds.length) {
    await trx.updateTable("event_question").set({ position: sql<number>`-1 - position` }).where("id", "in", keptIds).execute();
  }
  for (const [position, label] of labels.entries()) {
    const id = kept.get(label);
    if (id) {
      await trx.updateTable("event_question").set({ position }).where("id", "=", id).execute();
      kept.delete(label);
    } else {
      await trx.insertInto("event_question").values({ event_id: eventId, position, label }).execute();
    }
  }
}

/** A new event of the team (or, with team null, of the whole programme); returns where its organiser page is. */
export async function createEvent(user: User, team: Team | null, input: EventInput): Promise<{ id: string; path: string }> {
  requireEventOrganiser(user, team);
  for (let attempt = 0; ; attempt++) {
    const slug = eventSlug(input.title);
    const taken = await db().selectFrom("event").where("slug", "=", slug).select("id").executeTakeFirst();
    if (taken && attempt < 5) continue;
    const id = await db()
      .transaction()
      .execute(async (trx) => {
        const row = await trx
          .insertInto("event")
          .values({
            ...eventColumns(input),
            coalition_id: team?.id ?? null,
            slug,
            ical_uid: `${randomUUID()}@leernetwerk`,
            created_by: user.id,
            updated_at: new Date(),
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        await replaceProgramme(trx, row.id, input.programme);
        await replaceQuestions(trx, row.id, input.questions);
        return row.id;
      });
    return { id, path: organiserPath({ id, coalitionSlug: team?.slug ?? null }) };
  }
}

/** How many places are taken: registrations with status 'registered' (not the waiting list, not cancelled). */
export async function registeredCount(eventId: string): Promise<number> {
  const row = await db()
    .selectFrom("event_registration")
    .where("event_id", "=", eventId)
    .where("status", "=", "registered")
    .select((eb) => eb.fn.countAll<string>().as("count"))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export type UpdateEventOutcome =
  | { status: "saved" }
  | { status: "capacityBelowRegistered"; registered: number }
  | { status: "conflict"; current: EventDetails };

/**
 * Saves an edit made from `version`. A stale save changes nothing and returns the event as it is now. A new
 * time or place raises the calendar sequence, so that calendars that have the event take the change.
 */
export async function updateEvent(
  user: User,
  teamSlug: string | null,
  id: string | undefined,
  version: number,
  input: EventInput,
  origin: string,
): Promise<UpdateEventOutcome> {
  const event = await eventForOrganiser(user, teamSlug, id);
  const registered = await registeredCount(event.id);
  if (input.capacity < registered) return { status: "capacityBelowRegistered", registered };
  const moved =
    event.startsAt.getTime() !== input.startsAt.getTime() ||
    event.endsAt.getTime() !== input.endsAt.getTime() ||
    event.place !== input.place ||
    event.address !== input.address;
  const saved = await db()
    .transaction()
    .execute(async (trx) => {
      const result = await trx
        .updateTable("event")
        .set({
          ...eventColumns(input),
          ical_sequence: moved ? sql<number>`ical_sequence + 1` : sql<number>`ical_sequence`,
          version: sql<number>`version + 1`,
          updated_at: sql<Date>`now()`,
        })
        .where("id", "=", event.id)
        .where("version", "=", Number.isInteger(version) ? version : -1)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return false;
      await replaceProgramme(trx, event.id, input.programme);
      await replaceQuestions(trx, event.id, input.questions);
      return true;
    });
  if (!saved) return { status: "conflict", current: await eventForOrganiser(user, teamSlug, id) };
  // More places: the waiting list moves up at once, and those moved up get an e-mail.
  if (input.capacity > event.capacity) await moveUpWaitingList(event.id, origin);
  return { status: "saved" };
}

export type EventListItem = {
  id: string;
  slug: string;
  title: string;
  place: string;
  startsAt: Date;
  endsAt: Date;
  audience: EventAudience;
  capacity: number;
  registered: number;
};

/** How many places an event's registrations take (not the waiting list, not the cancelled), as a subquery. */
export function registeredSubquery(eb: ExpressionBuilder<Database, "event">) {
  return eb
    .selectFrom("event_registration")
    .whereRef("event_registration.event_id", "=", "event.id")
    .where("event_registration.status", "=", "registered")
    .select((inner) => inner.fn.countAll<string>().as("n"));
}

function eventList(where: { coalitionId: string | null }) {
  return db()
    .selectFrom("event")
    .$if(where.coalitionId === null, (qb) => qb.where("event.coalition_id", "is", null))
    .$if(where.coalitionId !== null, (qb) => qb.where("event.coalition_id", "=", where.coalitionId!))
    .select((eb) => [
      "event.id",
      "event.slug",
      "event.title",
      "event.place",
      "event.starts_at as startsAt",
      "event.ends_at as endsAt",
      "event.audience",
      "event.capacity",
      registeredSubquery(eb).as("registered"),
    ])
    .orderBy("event.starts_at", "desc")
    .execute();
}

async function comingAndPast(where: { coalitionId: string | null }) {
  const rows = await eventList(where);
  const now = Date.now();
  const items: EventListItem[] = rows.map((row) => ({ ...row, registered: Number(row.registered ?? 0) }));
  return {
    // Coming: the soonest first; past: the latest first.
    coming: items.filter((item) => item.endsAt.getTime() >= now).reverse(),
    past: items.filter((item) => item.endsAt.getTime() < now),
  };
}

/** The team's events, coming and past: for the coalition's members and the funder; anyone else 404. */
export async function listTeamEvents(user: User, team: Team) {
  if (!membershipIn(user, team.id) && user.accountRole !== "funder") throw notFound();
  return { ...(await comingAndPast({ coalitionId: team.id })), canOrganise: canOrganiseEvent(user, { coalitionId: team.id }) };
}

/** The programme-wide events (no coalition): the funder organises them, nobody else finds this list. */
export async function listProgrammeEvents(user: User) {
  requireEventOrganiser(user, null);
  return { ...(await comingAndPast({ coalitionId: null })), canOrganise: true };
}

// ---- What was presented ----

export type PresentableItem = { kind: "lesson" | "reflection"; id: string; title: string; coalitionName: string };
export type PresentedItem = PresentableItem & { coalitionSlug: string };

/** How many of each kind the organiser page offers to choose from (newest first, plus those already linked). */
const PRESENTABLE_CHOICES = 100;

/** Lessons and reflections shared with the network: the coalition's own, or for a programme-wide event anyone's. */
function networkLessons(coalitionId: string | null) {
  return db()
    .selectFrom("lesson")
    .innerJoin("coalition", "coalition.id", "lesson.coalition_id")
    .where(sharedWithNetwork("lesson"))
    .$if(coalitionId !== null, (qb) => qb.where("lesson.coalition_id", "=", coalitionId!));
}

function networkReflections(coalitionId: string | null) {
  return db()
    .selectFrom("reflection")
    .innerJoin("coalition", "coalition.id", "reflection.coalition_id")
    .where(sharedWithNetwork("reflection"))
    .$if(coalitionId !== null, (qb) => qb.where("reflection.coalition_id", "=", coalitionId!));
}

/** What is linked to the event as presented, in order; items no longer shared with the network drop out. */
export async function presentedItems(event: { id: string; coalitionId: string | null }): Promise<PresentedItem[]> {
  const links = await db()
    .selectFrom("event_presented")
    .where("event_id", "=", event.id)
    .select(["lesson_id", "reflection_id"])
    .orderBy("position")
    .execute();
  const lessonIds = links.flatMap((link) => (link.lesson_id ? [link.lesson_id] : []));
  const reflectionIds = links.flatMap((link) => (link.reflection_id ? [link.reflection_id] : []));
  const [lessons, reflections] = await Promise.all([
    lessonIds.length
      ? networkLessons(null)
          .where("lesson.id", "in", lessonIds)
          .select(["lesson.id", "lesson.statement as title", "coalition.name as coalitionName", "coalition.slug as coalitionSlug"])
          .execute()
      : [],
    reflectionIds.length
      ? networkReflections(null)
          .where("reflection.id", "in", reflectionIds)
          .select(["reflection.id", "reflection.title", "coalition.name as coalitionName", "coalition.slug as coalitionSlug"])
          .execute()
      : [],
  ]);
  const found = new Map<string, PresentedItem>([
    ...lessons.map((row) => [row.id, { kind: "lesson" as const, ...row }] as const),
    ...reflections.map((row) => [row.id, { kind: "reflection" as const, ...row }] as const),
  ]);
  return links.flatMap((link) => {
    const item = found.get((link.lesson_id ?? link.reflection_id)!);
    return item ? [item] : [];
  });
}

/** The choices of the "Wat we presenteerden" form: newest first, and whatever is already linked. */
export async function networkItemsToPresent(event: { id: string; coalitionId: string | null }) {
  const [lessons, reflections, linked] = await Promise.all([
    networkLessons(event.coalitionId)
      .select(["lesson.id", "lesson.statement as title", "coalition.name as coalitionName"])
      .orderBy("lesson.created_at", "desc")
      .limit(PRESENTABLE_CHOICES)
      .execute(),
    networkReflections(event.coalitionId)
      .select(["reflection.id", "reflection.title", "coalition.name as coalitionName"])
      .orderBy("reflection.happened_on", "desc")
      .limit(PRESENTABLE_CHOICES)
      .execute(),
    presentedItems(event),
  ]);
  const missing = (kind: PresentableItem["kind"], ids: { id: string }[]) =>
    linked.filter((item) => item.kind === kind && !ids.some((row) => row.id === item.id));
  return {
    lessons: [...missing("lesson", lessons), ...lessons.map((row) => ({ kind: "lesson" as const, ...row }))],
    reflections: [...missing("reflection", reflections), ...reflections.map((row) => ({ kind: "reflection" as const, ...row }))],
    linked,
  };
}

export function hasStarted(event: { startsAt: Date }, now = new Date()): boolean {
  return event.startsAt.getTime() <= now.getTime();
}

export type PresentedOutcome = { ok: true } | { ok: false; field: "lessons" | "reflections" | "form"; message: "event.error.presented" | "event.error.notStarted" };

/**
 * After the event has started, its organisers link what they presented: lessons and reflections shared
 * with the network (the coalition's own; any, for a programme-wide event), and a short report. Anything
 * else among the chosen ids refuses the whole save.
 */
export async function linkPresented(
  user: User,
  teamSlug: string | null,
  id: string | undefined,
  input: { lessons: string[]; reflections: string[]; report: RichTextState | undefined },
): Promise<PresentedOutcome> {
  const event = await eventForOrganiser(user, teamSlug, id);
  if (!hasStarted(event)) return { ok: false, field: "form", message: "event.error.notStarted" };
  const lessonIds = [...new Set(input.lessons)];
  const reflectionIds = [...new Set(input.reflections)];
  const [lessons, reflections] = await Promise.all([
    lessonIds.length ? networkLessons(event.coalitionId).where("lesson.id", "in", lessonIds).select("lesson.id").execute() : [],
    reflectionIds.length
      ? networkReflections(event.coalitionId).where("reflection.id", "in", reflectionIds).select("reflection.id").execute()
      : [],
  ]);
  if (lessons.length !== lessonIds.length) return { ok: false, field: "lessons", message: "event.error.presented" };
  if (reflections.length !== reflectionIds.length) return { ok: false, field: "reflections", message: "event.error.presented" };
  const links = [
    ...lessonIds.map((lesson_id) => ({ lesson_id, reflection_id: null })),
    ...reflectionIds.map((reflection_id) => ({ lesson_id: null, reflection_id })),
  ];
  await db()
    .transaction()
    .execute(async (trx) => {
      await trx.deleteFrom("event_presented").where("event_id", "=", event.id).execute();
      if (links.length) {
        await trx
          .insertInto("event_presented")
          .values(links.map((link, position) => ({ event_id: event.id, position, ...link })))
          .execute();
      }
      await trx
        .updateTable("event")
        .set({
          report: input.report ? JSON.stringify(input.report) : null,
          report_text: input.report ? plainTextOf(input.report) : "",
          updated_at: sql<Date>`now()`,
        })
        .where("id", "=", event.id)
        .execute();
    });
  return { ok: true };
}
