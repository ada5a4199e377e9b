import { sql } from "kysely";
import { db } from "../../../db/db.server";
import type { NotifiedItemType, Rsvp, Visibility } from "../../../db/schema";
import { canOrganiseEvent, canRead, canReadMilestone, membershipIn, sessionRole, type User } from "../../auth/permissions.server";
import type { NotificationKind } from "./notification-kinds";

// What a notification is about, and whether a person may still be told of it. The item is read afresh each time
// a notification is made, shown or mailed, and asked with the pages' own rules (permissions.server.ts): an item
// made private, moved to the trash or deleted since is simply not there for them.

export type NotifiedItem = { type: NotifiedItemType; id: string };

export type ItemFacts = {
  type: NotifiedItemType;
  id: string;
  title: string;
  coalitionId: string | null;
  /** The item's page, from the site's root. */
  path: string;
  /** The pages' rule for this item: may this person read it (for this kind of notification)? */
  visibleTo: (user: User, kind: NotificationKind) => boolean;
};

export const itemKey = (item: NotifiedItem) => `${item.type}:${item.id}`;

const idsOf = (items: NotifiedItem[], type: NotifiedItemType) => [...new Set(items.filter((i) => i.type === type).map((i) => i.id))];

/** Reflections and lessons, not in the trash: what their author wrote, read by canRead. */
async function writtenItems(type: "reflection" | "lesson", ids: string[]): Promise<ItemFacts[]> {
  if (ids.length === 0) return [];
  const title = sql.ref(type === "reflection" ? "item.title" : "item.statement");
  const { rows } = await sql<{ id: string; title: string; author_id: string; coalition_id: string; visibility: Visibility; slug: string }>`
    select item.id, ${title} as title, item.author_id, item.coalition_id, item.visibility, coalition.slug
      from ${sql.table(type)} as item join coalition on coalition.id = item.coalition_id
     where item.id in (${sql.join(ids)}) and item.deleted_at is null`.execute(db());
  return rows.map((row) => ({
    type,
    id: row.id,
    title: row.title,
    coalitionId: row.coalition_id,
    path: `/teams/${row.slug}/${type}s/${row.id}`,
    visibleTo: (user) => canRead(user, { authorId: row.author_id, coalitionId: row.coalition_id, visibility: row.visibility }),
  }));
}

async function milestones(ids: string[]): Promise<ItemFacts[]> {
  if (ids.length === 0) return [];
  const rows = await db()
    .selectFrom("milestone")
    .innerJoin("coalition", "coalition.id", "milestone.coalition_id")
    .where("milestone.id", "in", ids)
    .where("milestone.deleted_at", "is", null)
    .select(["milestone.id", "milestone.title", "milestone.coalition_id", "milestone.visibility", "coalition.slug"])
    .execute();
  return rows.map((row) => ({
    type: "milestone",
    id: row.id,
    title: row.title,
    coalitionId: row.coalition_id,
    path: `/teams/${row.slug}/milestones/${row.id}`,
    visibleTo: (user) => canReadMilestone(user, { coalitionId: row.coalition_id, visibility: row.visibility }),
  }));
}

/**
 * Sessions: only who has a place in it (invited, or its facilitator) is told of it; what they are told never
 * carries anything of the notes.
 */
async function sessions(ids: string[], personIds: string[]): Promise<ItemFacts[]> {
  if (ids.length === 0) return [];
  const [rows, invitations] = await Promise.all([
    db()
      .selectFrom("intervision_session")
      .innerJoin("coalition", "coalition.id", "intervision_session.coalition_id")
      .where("intervision_session.id", "in", ids)
      .select(["intervision_session.id", "intervision_session.title", "intervision_session.coalition_id", "intervision_session.facilitator_id", "coalition.slug"])
      .execute(),
    personIds.length
      ? db().selectFrom("session_invitee").where("session_id", "in", ids).where("person_id", "in", personIds).select(["session_id", "person_id", "rsvp"]).execute()
      : [],
  ]);
  const rsvp = new Map<string, Rsvp>(invitations.map((i) => [`${i.session_id}:${i.person_id}`, i.rsvp]));
  return rows.map((row) => ({
    type: "session",
    id: row.id,
    title: row.title,
    coalitionId: row.coalition_id,
    path: `/teams/${row.slug}/sessions/${row.id}`,
    visibleTo: (user, kind) => {
      const answer = rsvp.get(`${row.id}:${user.id}`);
      const role = sessionRole(user, { coalitionId: row.coalition_id, facilitatorId: row.facilitator_id }, answer ? { rsvp: answer } : null);
      // A follow-up action belongs to the notes: participants only. The rest is for whoever is invited.
      return kind === "action" ? role === "participant" : role === "participant" || role === "invitee";
    },
  }));
}

/** Events: only their registrations notify, and only the organisers (who read the registrations). */
async function events(ids: string[]): Promise<ItemFacts[]> {
  if (ids.length === 0) return [];
  const rows = await db()
    .selectFrom("event")
    .leftJoin("coalition", "coalition.id", "event.coalition_id")
    .where("event.id", "in", ids)
    .select(["event.id", "event.title", "event.coalition_id", "coalition.slug"])
    .execute();
  return rows.map((row) => ({
    type: "event",
    id: row.id,
    title: row.title,
    coalitionId: row.coalition_id,
    path: row.slug ? `/teams/${row.slug}/events/${row.id}/registrations` : `/programme/events/${row.id}/registrations`,
    visibleTo: (user) => canOrganiseEvent(user, { coalitionId: row.coalition_id }),
  }));
}

/**
 * A coalition's agreement (the item's id is the coalition's): its join requests and signatures are for the
 * facilitators, who manage it.
 */
async function agreements(ids: string[]): Promise<ItemFacts[]> {
  if (ids.length === 0) return [];
  const rows = await db()
    .selectFrom("agreement")
    .innerJoin("coalition", "coalition.id", "agreement.coalition_id")
    .where("agreement.coalition_id", "in", ids)
    .select(["coalition.id", "coalition.name", "coalition.slug"])
    .execute();
  return rows.map((row) => ({
    type: "agreement",
    id: row.id,
    title: row.name,
    coalitionId: row.id,
    path: `/teams/${row.slug}/agreement`,
    visibleTo: (user) => membershipIn(user, row.id)?.role === "facilitator",
  }));
}

/** A request to come and look (the item's id is the request's): for the coalition's facilitators, who answer it. */
async function visitRequests(ids: string[]): Promise<ItemFacts[]> {
  if (ids.length === 0) return [];
  const rows = await db()
    .selectFrom("visit_request")
    .innerJoin("coalition", "coalition.id", "visit_request.coalition_id")
    .where("visit_request.id", "in", ids)
    .select(["visit_request.id", "visit_request.organisation", "coalition.id as coalitionId", "coalition.slug"])
    .execute();
  return rows.map((row) => ({
    type: "visit_request",
    id: row.id,
    title: row.organisation,
    coalitionId: row.coalitionId,
    path: `/teams/${row.slug}/visits`,
    visibleTo: (user) => membershipIn(user, row.coalitionId)?.role === "facilitator",
  }));
}

/** A coalition's learning question: read by its members; a planned harvest date is for its facilitators. */
async function questions(ids: string[]): Promise<ItemFacts[]> {
  if (ids.length === 0) return [];
  const rows = await db()
    .selectFrom("learning_question")
    .innerJoin("coalition", "coalition.id", "learning_question.coalition_id")
    .where("learning_question.id", "in", ids)
    .select(["learning_question.id", "learning_question.question", "coalition.id as coalitionId", "coalition.slug"])
    .execute();
  return rows.map((row) => ({
    type: "question",
    id: row.id,
    title: row.question,
    coalitionId: row.coalitionId,
    path: `/teams/${row.slug}/questions/${row.id}`,
    visibleTo: (user, kind) => {
      const role = membershipIn(user, row.coalitionId)?.role;
      return kind === "harvest" ? role === "facilitator" : role !== undefined;
    },
  }));
}

/**
 * A publication of the funder: its officers, and the facilitators of a coalition it quotes (they are asked
 * for consent). The page is the officer's; a facilitator who opens it is sent to the coalition's quotes.
 */
async function publications(ids: string[]): Promise<ItemFacts[]> {
  if (ids.length === 0) return [];
  const rows = await db()
    .selectFrom("publication")
    .where("publication.id", "in", ids)
    .select(["publication.id", "publication.title"])
    .select(sql<string[]>`coalesce((select array_agg(distinct q.coalition_id::text) from publication_quote q where q.publication_id = publication.id), '{}')`.as("quoted"))
    .execute();
  return rows.map((row) => ({
    type: "publication",
    id: row.id,
    title: row.title,
    coalitionId: null,
    path: `/programme/publications/${row.id}`,
    visibleTo: (user) => user.accountRole === "funder" || row.quoted.some((id) => membershipIn(user, id)?.role === "facilitator"),
  }));
}

/** The items as they are now (those deleted meanwhile are missing), by itemKey; personIds: who will be asked. */
export async function currentItems(items: NotifiedItem[], personIds: string[]): Promise<Map<string, ItemFacts>> {
  const found = await Promise.all([
    writtenItems("reflection", idsOf(items, "reflection")),
    writtenItems("lesson", idsOf(items, "lesson")),
    milestones(idsOf(items, "milestone")),
    sessions(idsOf(items, "session"), personIds),
    events(idsOf(items, "event")),
    agreements(idsOf(items, "agreement")),
    visitRequests(idsOf(items, "visit_request")),
    questions(idsOf(items, "question")),
    publications(idsOf(items, "publication")),
  ]);
  return new Map(found.flat().map((facts) => [itemKey(facts), facts]));
}
