import { redirect } from "@remix-run/node";
import { sql, type Expression, type SqlBool } from "kysely";
import { db } from "../../db/db.server";
import type { AccountRole, Language, TeamRole } from "../../db/schema";
import { sessionTokenOf } from "./session.server";
import { hashToken } from "./tokens.server";
import { oncePerRequest } from "./request-scope.server";

export type Membership = { coalitionId: string; slug: string; name: string; place: string; description: string; role: TeamRole };
export type User = {
  id: string;
  email: string;
  name: string;
  language: Language;
  accountRole: AccountRole;
  memberships: Membership[];
  /** Unread notifications, for the bell: loaded with the signed-in person only. */
  unreadNotifications?: number;
};
export type Team = { id: string; slug: string; name: string; place: string; description: string };
export type Visibility = "private" | "team" | "network";
/** Anything written: who wrote it, in which coalition, for whom. */
export type WrittenItem = { authorId: string; coalitionId: string; visibility: Visibility };

/** Forbidden and missing look the same (DESIGN.md §3). */
export function notFound(): Response {
  return new Response("Not Found", { status: 404 });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isRowId(id: string | undefined): id is string {
  return typeof id === "string" && UUID.test(id);
}

/** Ids arrive from URLs and forms; anything that is not a uuid cannot be a row (and must not reach PostgreSQL). */
export function rowIdOrNotFound(id: string | undefined): string {
  if (!isRowId(id)) throw notFound();
  return id;
}

export function getUser(request: Request): Promise<User | null> {
  return oncePerRequest(`user ${request.headers.get("cookie") ?? ""}`, () => loadUser(request));
}

// One statement for the person and their memberships (with their coalitions, so a member's own coalition pages
// need no lookup of the team): every page asks for it, and a second round trip to the database on each request
// costs more than building the list in SQL.
async function loadUser(request: Request): Promise<User | null> {
  const token = await sessionTokenOf(request);
  if (!token) return null;
  const person = await db()
    .selectFrom("auth_session")
    .innerJoin("person", "person.id", "auth_session.person_id")
    .where("auth_session.id_hash", "=", hashToken(token))
    .where("auth_session.expires_at", ">", sql<Date>`now()`)
    .where("person.deactivated_at", "is", null)
    .select(["person.id", "person.email", "person.name", "person.language", "person.account_role"])
    .select(membershipsOfPerson.as("memberships"))
    // The bell's count rides along, so that it costs no statement of its own.
    .select(
      sql<number>`(select count(*)::int from notification n where n.recipient_id = person.id and n.read_at is null)`.as("unread"),
    )
    .executeTakeFirst();
  if (!person) return null;
  return { ...userOf(person), unreadNotifications: person.unread };
}

const membershipsOfPerson = sql<Membership[]>`coalesce((
  select json_agg(json_build_object(
    'coalitionId', c.id, 'slug', c.slug, 'name', c.name, 'place', c.place, 'description', c.description, 'role', m.role) order by c.name)
  from membership m join coalition c on c.id = m.coalition_id
  where m.person_id = person.id), '[]')`;

function userOf(person: { id: string; email: string; name: string; language: Language; account_role: AccountRole; memberships: Membership[] }): User {
  return {
    id: person.id,
    email: person.email,
    name: person.name,
    language: person.language,
    accountRole: person.account_role,
    memberships: person.memberships,
  };
}

/**
 * Active people as the permission functions see them (what they would be as the signed-in user), for deciding
 * on their behalf what they may be told of: notifications and mails are checked with the pages' own rules.
 */
export async function usersByIds(ids: string[]): Promise<User[]> {
  if (ids.length === 0) return [];
  const people = await db()
    .selectFrom("person")
    .where("person.id", "in", ids)
    .where("person.deactivated_at", "is", null)
    .where("person.erased_at", "is", null)
    .select(["person.id", "person.email", "person.name", "person.language", "person.account_role"])
    .select(membershipsOfPerson.as("memberships"))
    .execute();
  return people.map(userOf);
}

/** The signed-in person, or a redirect to the login page that comes back here afterwards. */
export async function requireUser(request: Request): Promise<User> {
  const user = await getUser(request);
  if (user) return user;
  const url = new URL(request.url);
  throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
}

export function requireAdmin(user: User): void {
  if (user.accountRole !== "admin") throw notFound();
}

export function requireFunder(user: User): void {
  if (user.accountRole !== "funder") throw notFound();
}

/** The programme's figures are for the funder and the admin (counts only for the admin); a participant finds nothing. */
export function requireProgrammeReader(user: User): void {
  if (user.accountRole !== "funder" && user.accountRole !== "admin") throw notFound();
}

export function membershipIn(user: User, coalitionId: string): Membership | undefined {
  return user.memberships.find((m) => m.coalitionId === coalitionId);
}

// A coalition page's frame and the page itself both look up the team of the URL: once per request.
function findTeam(slug: string | undefined): Promise<Team | undefined> {
  if (!slug) return Promise.resolve(undefined);
  return oncePerRequest(`team ${slug}`, () =>
    db().selectFrom("coalition").where("slug", "=", slug).select(["id", "slug", "name", "place", "description"]).executeTakeFirst(),
  );
}

/**
 * A coalition's public face (name, partners, members by perspective) is open to every signed-in
 * person of the programme; what the team writes is filtered per item by canRead.
 */
export async function requireTeamReader(user: User, slug: string | undefined): Promise<Team> {
  const own = user.memberships.find((m) => m.slug === slug);
  if (own) return { id: own.coalitionId, slug: own.slug, name: own.name, place: own.place, description: own.description };
  const team = await findTeam(slug);
  if (!team) throw notFound();
  return team;
}

/**
 * A team's written items (filtered per item by readableBy): open to the programme's people — members of
 * any coalition and the funder — and never to an admin, who runs the installation but reads no content.
 */
export async function requireContentReader(user: User, slug: string | undefined): Promise<Team> {
  if (!readsContent(user)) throw notFound();
  return requireTeamReader(user, slug);
}

export function readsContent(user: User): boolean {
  return user.accountRole === "funder" || user.memberships.length > 0;
}

/** Admins run the installation but read no content: for them the network does not exist. */
export function requireNetworkReader(user: User): void {
  if (!readsContent(user)) throw notFound();
}

/**
 * Writing in a team (reflections, milestones) is for its members and facilitators; the funder and the admin
 * only read.
 */
export function requireTeamMember(user: User, team: Team): void {
  if (!membershipIn(user, team.id)) throw notFound();
}

/** Managing a team's members: its facilitators. */
export function requireTeamFacilitator(user: User, team: Team): void {
  if (membershipIn(user, team.id)?.role !== "facilitator") throw notFound();
}

/** The team's own pages: members (and, with role "facilitator", facilitators) only. Admins are not members. */
export async function requireMembership(user: User, slug: string | undefined, role?: TeamRole): Promise<Team> {
  const team = await findTeam(slug);
  const membership = team && membershipIn(user, team.id);
  if (!team || !membership) throw notFound();
  if (role === "facilitator" && membership.role !== "facilitator") throw notFound();
  return team;
}

/** The visibility rule of DESIGN.md §3, once. */
export function canRead(user: User, item: WrittenItem): boolean {
  if (item.authorId === user.id) return true;
  if (item.visibility === "private") return false;
  const member = membershipIn(user, item.coalitionId) !== undefined;
  if (item.visibility === "team") return member;
  return member || readsContent(user);
}

/**
 * Shared with the network: what its author shared with the whole programme and did not put in the trash, as
 * one SQL condition (`.where(sharedWithNetwork("lesson"))`); who may read it is readsContent. The value is
 * written out, not bound, so that PostgreSQL matches the partial indexes made for exactly this condition.
 */
export function sharedWithNetwork(table: "reflection" | "lesson"): Expression<SqlBool> {
  return sql<SqlBool>`(${sql.ref(`${table}.visibility`)} = 'network' and ${sql.ref(`${table}.deleted_at`)} is null)`;
}

/**
 * canRead as one SQL condition, for lists and searches: `.where(readableBy(user, "reflection"))`.
 * The table needs author_id, coalition_id and visibility columns.
 */
export function readableBy(user: User, table: string): Expression<SqlBool> {
  const column = (name: string) => sql.ref(`${table}.${name}`);
  const teams = user.memberships.map((m) => m.coalitionId);
  const readsNetwork = readsContent(user);
  return sql<SqlBool>`(${column("author_id")} = ${user.id}
    or (${column("visibility")} = 'team' and ${teams.length ? sql`${column("coalition_id")} in (${sql.join(teams)})` : sql`false`})
    or (${column("visibility")} = 'network' and ${readsNetwork ? sql`true` : sql`false`}))`;
}

/** Lessons: their author and the facilitators of the coalition edit them (DESIGN.md §2). */
export function canEditLesson(user: User, lesson: { authorId: string; coalitionId: string }): boolean {
  return lesson.authorId === user.id || membershipIn(user, lesson.coalitionId)?.role === "facilitator";
}

/**
 * Milestones are the team's commitments: its members and the funder always read them, the rest of the
 * programme only when the team shares them with the network (DESIGN.md §3).
 */
export function canReadMilestone(user: User, milestone: { coalitionId: string; visibility: "team" | "network" }): boolean {
  if (membershipIn(user, milestone.coalitionId) || user.accountRole === "funder") return true;
  return milestone.visibility === "network" && readsContent(user);
}

/** canReadMilestone as one SQL condition: `.where(milestoneReadableBy(user, "milestone"))`. */
export function milestoneReadableBy(user: User, table: string): Expression<SqlBool> {
  if (user.accountRole === "funder") return sql<SqlBool>`true`;
  const column = (name: string) => sql.ref(`${table}.${name}`);
  const teams = user.memberships.map((m) => m.coalitionId);
  if (teams.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`(${column("coalition_id")} in (${sql.join(teams)}) or ${column("visibility")} = 'network')`;
}

/** Any member of the team records progress on a milestone; its details are the facilitators' and the owner's. */
export function canUpdateMilestoneStatus(user: User, milestone: { coalitionId: string }): boolean {
  return membershipIn(user, milestone.coalitionId) !== undefined;
}

export function canEditMilestone(user: User, milestone: { coalitionId: string; ownerId: string | null; createdBy: string }): boolean {
  const membership = membershipIn(user, milestone.coalitionId);
  if (!membership) return false;
  return membership.role === "facilitator" || milestone.ownerId === user.id || milestone.createdBy === user.id;
}

/**
 * Intervision is confidential (DESIGN.md §3): what a person may see of a session depends on their place in it.
 * - "participant": the session's facilitator, or an invitee who said yes — reads and writes the notes, the
 *   case bringer, the take-away, actions and evaluations;
 * - "invitee": invited but not (yet) coming — sees the poll, the tallies and their own answer, not the notes;
 * - "observer": another member of the team, or the funder — sees that it took place (date, method, number
 *   of participants) and nothing more;
 * - null: everyone else (other coalitions, the admin) — 404.
 */
export type SessionRole = "participant" | "invitee" | "observer" | null;

export function sessionRole(
  user: User,
  session: { coalitionId: string; facilitatorId: string },
  invitation: { rsvp: "pending" | "yes" | "no" } | null | undefined,
): SessionRole {
  // Someone who has left the coalition keeps nothing of its sessions.
  if (!membershipIn(user, session.coalitionId)) return user.accountRole === "funder" ? "observer" : null;
  if (session.facilitatorId === user.id || invitation?.rsvp === "yes") return "participant";
  return invitation ? "invitee" : "observer";
}

/** Scheduling, confirming, rescheduling and cancelling: the coalition's facilitators. */
export function canScheduleSessions(user: User, coalitionId: string): boolean {
  return membershipIn(user, coalitionId)?.role === "facilitator";
}

/** Only a team's facilitators schedule sessions; everyone else gets 404 on the form. */
export function requireSessionScheduler(user: User, team: Team): void {
  if (!canScheduleSessions(user, team.id)) throw notFound();
}

/** An event's organisers: the coalition's facilitators, or for a programme-wide meeting the funder's officers. */
export function canOrganiseEvent(user: User, event: { coalitionId: string | null }): boolean {
  if (event.coalitionId === null) return user.accountRole === "funder";
  return membershipIn(user, event.coalitionId)?.role === "facilitator";
}

/** A public event is for anyone with the link; a network event for the programme's signed-in people. */
export function canSeeEvent(user: User | null, event: { audience: "public" | "network" }): boolean {
  return event.audience === "public" || user !== null;
}

/** Creating a team's event: its facilitators; a programme-wide one (team null): the funder. Anyone else: 404. */
export function requireEventOrganiser(user: User, team: Team | null): void {
  if (!canOrganiseEvent(user, { coalitionId: team?.id ?? null })) throw notFound();
}
