import { db } from "../../../db/db.server";
import type { Visibility } from "../../../db/schema";
import {
  canRead,
  canReadMilestone,
  canSeeEvent,
  readsContent,
  sessionRole,
  type User,
} from "../../auth/permissions.server";

// "Who can read this" (issue 8): the people an item's page lets in, asked of the very permission functions
// that page's loader asks, person by person, for everyone who can sign in. Nothing here restates the rule:
// if the rule changes in permissions.server.ts, this list changes with it (tests/integration/readers.test.ts
// holds the list against the real 200/404 answers of every page in the demo data).

/** What readersOf needs to know of an item: the facts its page decides access on. */
export type ReadableItem =
  | { kind: "reflection" | "lesson"; authorId: string; coalitionId: string; visibility: Visibility }
  | { kind: "milestone"; coalitionId: string; visibility: "team" | "network" }
  | { kind: "sessionNotes"; sessionId: string }
  | { kind: "event"; slug: string };

export type Reader = { id: string; name: string; you: boolean };

export type ReaderGroup =
  | { kind: "coalition"; id: string; name: string; people: Reader[] }
  | { kind: "participants" | "funder" | "admin" | "unattached"; people: Reader[] };

/**
 * - anyone: also without an account (a public event): there is no list of names to give;
 * - signedIn: every account that can sign in;
 * - programme: exactly the programme's people (every coalition's members and the funder);
 * - people: some of them, named per group.
 */
export type Readers =
  | { scope: "anyone" }
  | { scope: "signedIn" | "programme" | "people"; total: number; coalitions: number; groups: ReaderGroup[] };

/**
 * The page's own checks, per kind, in the order its loader makes them:
 * - reflection, lesson: requireContentReader (readsContent), then getReflection/getLesson (canRead);
 * - milestone: requireContentReader (readsContent), then getMilestone (canReadMilestone);
 * - session notes: openSessionAsParticipant (sessionRole is "participant");
 * - event: eventForVisitor (canSeeEvent).
 */
async function pageLetsIn(item: ReadableItem): Promise<(user: User | null) => boolean> {
  switch (item.kind) {
    case "reflection":
    case "lesson":
      return (user) => user !== null && readsContent(user) && canRead(user, item);
    case "milestone":
      return (user) => user !== null && readsContent(user) && canReadMilestone(user, item);
    case "event": {
      const event = await db().selectFrom("event").where("slug", "=", item.slug).select("audience").executeTakeFirst();
      return (user) => event !== undefined && canSeeEvent(user, event);
    }
    case "sessionNotes": {
      const [session, invitations] = await Promise.all([
        db()
          .selectFrom("intervision_session")
          .where("id", "=", item.sessionId)
          .select(["coalition_id as coalitionId", "facilitator_id as facilitatorId"])
          .executeTakeFirst(),
        db().selectFrom("session_invitee").where("session_id", "=", item.sessionId).select(["person_id", "rsvp"]).execute(),
      ]);
      if (!session) return () => false;
      const invitationOf = new Map(invitations.map((invitation) => [invitation.person_id, invitation]));
      return (user) => user !== null && sessionRole(user, session, invitationOf.get(user.id)) === "participant";
    }
  }
}

/** Narrows everyone to some people: those with these ids, or whose name holds this text. */
export type PersonFilter = { ids?: string[]; nameContains?: string };

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Everyone who can sign in (not deactivated, not erased), as permissions.server.ts's getUser would see
 * them: two queries for the whole installation (or the people of `filter`), not one per person.
 */
async function everyoneWhoCanSignIn(filter: PersonFilter = {}): Promise<User[]> {
  const { ids, nameContains } = filter;
  if (ids?.length === 0) return [];
  const [people, memberships] = await Promise.all([
    db()
      .selectFrom("person")
      .where("deactivated_at", "is", null)
      .where("erased_at", "is", null)
      .$if(ids !== undefined, (qb) => qb.where("person.id", "in", ids!))
      .$if(nameContains !== undefined, (qb) => qb.where("person.name", "ilike", likePattern(nameContains!)))
      .select(["id", "email", "name", "language", "account_role"])
      .execute(),
    db()
      .selectFrom("membership")
      .innerJoin("coalition", "coalition.id", "membership.coalition_id")
      .innerJoin("person", "person.id", "membership.person_id")
      .where("person.deactivated_at", "is", null)
      .where("person.erased_at", "is", null)
      .$if(ids !== undefined, (qb) => qb.where("person.id", "in", ids!))
      .$if(nameContains !== undefined, (qb) => qb.where("person.name", "ilike", likePattern(nameContains!)))
      .select(["membership.person_id", "coalition.id as coalitionId", "coalition.slug", "coalition.name", "coalition.place", "coalition.description", "membership.role"])
      .orderBy("coalition.name")
      .execute(),
  ]);
  const membershipsOf = new Map<string, User["memberships"]>();
  for (const { person_id, ...membership } of memberships) {
    membershipsOf.set(person_id, [...(membershipsOf.get(person_id) ?? []), membership]);
  }
  return people.map((person) => ({
    id: person.id,
    email: person.email,
    name: person.name,
    language: person.language,
    accountRole: person.account_role,
    memberships: membershipsOf.get(person.id) ?? [],
  }));
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, "nl");

/**
 * Where a reader is listed: under the item's own coalition if they belong to it, otherwise as the funder,
 * otherwise under their (first) coalition; an account with no coalition under the admins or on its own.
 * Everyone is listed once, so the groups add up to the total.
 */
function groupKeyOf(user: User, item: ReadableItem, home: string | null): string {
  if (item.kind === "sessionNotes") return "participants";
  if (home && user.memberships.some((m) => m.coalitionId === home)) return `coalition:${home}`;
  if (user.accountRole === "funder") return "funder";
  if (user.memberships.length) return `coalition:${user.memberships[0].coalitionId}`;
  return user.accountRole === "admin" ? "admin" : "unattached";
}

function homeCoalitionOf(item: ReadableItem): string | null {
  return item.kind === "reflection" || item.kind === "lesson" || item.kind === "milestone" ? item.coalitionId : null;
}

/** Who can read the item, as names per group, for the page's "Who can read this?"; `viewer` is marked as "you". */
export async function readersOf(item: ReadableItem, viewer: User | null): Promise<Readers> {
  const letsIn = await pageLetsIn(item);
  if (letsIn(null)) return { scope: "anyone" };
  const everyone = await everyoneWhoCanSignIn();
  const readers = everyone.filter((user) => letsIn(user));
  const home = homeCoalitionOf(item);

  const groups = new Map<string, ReaderGroup>();
  const coalitionNames = new Map(everyone.flatMap((user) => user.memberships.map((m) => [m.coalitionId, m.name] as const)));
  for (const user of readers) {
    const key = groupKeyOf(user, item, home);
    let group = groups.get(key);
    if (!group) {
      if (key.startsWith("coalition:")) {
        const id = key.slice("coalition:".length);
        group = { kind: "coalition", id, name: coalitionNames.get(id) ?? "", people: [] };
      } else {
        group = { kind: key as "participants" | "funder" | "admin" | "unattached", people: [] };
      }
      groups.set(key, group);
    }
    group.people.push({ id: user.id, name: user.name, you: user.id === viewer?.id });
  }
  const kindOrder = ["participants", "coalition", "funder", "admin", "unattached"];
  const ordered = [...groups.values()]
    .map((group) => ({ ...group, people: group.people.sort(byName) }))
    .sort((a, b) => {
      if (a.kind !== b.kind) return kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind);
      if (a.kind !== "coalition" || b.kind !== "coalition") return 0;
      if (a.id === home) return -1;
      if (b.id === home) return 1;
      return byName(a, b);
    });

  // Coalitions any reader belongs to (someone in two is listed under one, but both coalitions read it).
  const coalitions = new Set(readers.flatMap((user) => user.memberships.map((m) => m.coalitionId))).size;
  const total = readers.length;
  const scope =
    total === everyone.length && total > 0
      ? "signedIn"
      : total > 0 && sameSet(readers, everyone.filter(readsContent))
        ? "programme"
        : "people";
  return { scope, total, coalitions, groups: ordered };
}

/**
 * The people of `filter` whom the item's page lets in, by name: whom one may @mention in it. Asked of the same
 * page rule as readersOf, person by person.
 */
export async function peopleWhoCanRead(item: ReadableItem, filter: PersonFilter): Promise<{ id: string; name: string }[]> {
  const letsIn = await pageLetsIn(item);
  const people = await everyoneWhoCanSignIn(filter);
  return people
    .filter((user) => letsIn(user))
    .map(({ id, name }) => ({ id, name }))
    .sort(byName);
}

function sameSet(a: User[], b: User[]): boolean {
  if (a.length !== b.length) return false;
  const ids = new Set(a.map((user) => user.id));
  return b.every((user) => ids.has(user.id));
}
