import { db } from "../../../db/db.server";
import type { Language, Rsvp, SessionStatus } from "../../../db/schema";
import { canScheduleSessions, notFound, rowIdOrNotFound, sessionRole, type Team, type User } from "../../auth/permissions.server";
import type { MessageKey } from "../../i18n/i18n";
import { methodBySlug } from "./intervision-methods";

// What every job on a session starts from: the session row, and opening it for a person. What a person sees
// of a session follows their place in it (sessionRole, in permissions.server.ts): participants and invitees
// see the poll and who is invited; observers (the rest of the team, the funder) only the facts that it took
// place; anyone else gets 404. The session's own facilitator (gespreksleider) runs the poll, the time and the
// roles the methods name (case bringer, timekeeper).

export type Refusal = { ok: false; message: MessageKey; field?: string };
export type Outcome<T = object> = ({ ok: true } & T) | Refusal;
export const refuse = (message: MessageKey, field?: string): Refusal => ({ ok: false, message, field });

export type SessionRow = {
  id: string;
  coalitionId: string;
  title: string;
  method: string;
  place: string;
  videoUrl: string | null;
  facilitatorId: string;
  caseBringerId: string | null;
  timekeeperId: string | null;
  status: SessionStatus;
  startsAt: Date | null;
  endsAt: Date | null;
  icalUid: string;
  icalSequence: number;
  updatedAt: Date;
};

export type Invitation = { rsvp: Rsvp; volunteersCase: boolean };

export const sessionColumns = [
  "intervision_session.id",
  "intervision_session.coalition_id as coalitionId",
  "intervision_session.title",
  "intervision_session.method",
  "intervision_session.place",
  "intervision_session.video_url as videoUrl",
  "intervision_session.facilitator_id as facilitatorId",
  "intervision_session.case_bringer_id as caseBringerId",
  "intervision_session.timekeeper_id as timekeeperId",
  "intervision_session.status",
  "intervision_session.starts_at as startsAt",
  "intervision_session.ends_at as endsAt",
  "intervision_session.ical_uid as icalUid",
  "intervision_session.ical_sequence as icalSequence",
  "intervision_session.updated_at as updatedAt",
] as const;


export function methodName(slug: string, language: Language): string {
  return methodBySlug(slug)?.name[language] ?? slug;
}

/**
 * Whether this person sees a team's sessions at all: whoever would observe a session of the team that they
 * are not invited to (its members and the funder). Asked of sessionRole so that the rule stays in one place.
 */
export function seesTeamSessions(user: User, team: Team): boolean {
  return sessionRole(user, { coalitionId: team.id, facilitatorId: "" }, null) !== null;
}

/** The session's own facilitator runs it, while they are a facilitator of the coalition. */
export function runs(user: User, session: Pick<SessionRow, "facilitatorId" | "coalitionId">): boolean {
  return session.facilitatorId === user.id && canScheduleSessions(user, session.coalitionId);
}

/** One session of this team with this person's place in it; 404 for anyone who has none. */
export async function openSession(user: User, team: Team, id: string | undefined) {
  const session: SessionRow | undefined = await db()
    .selectFrom("intervision_session")
    .where("intervision_session.id", "=", rowIdOrNotFound(id))
    .where("intervision_session.coalition_id", "=", team.id)
    .select(sessionColumns)
    .executeTakeFirst();
  if (!session) throw notFound();
  const invitation: Invitation | undefined = await db()
    .selectFrom("session_invitee")
    .where("session_id", "=", session.id)
    .where("person_id", "=", user.id)
    .select(["rsvp", "volunteers_case as volunteersCase"])
    .executeTakeFirst();
  const role = sessionRole(user, session, invitation);
  if (!role) throw notFound();
  return { session, invitation, role };
}

/** Like openSession, for what only the session's facilitator may do; everyone else gets 404. */
export async function openOwnSession(user: User, team: Team, id: string | undefined) {
  const opened = await openSession(user, team, id);
  if (!runs(user, opened.session)) throw notFound();
  return opened;
}
export async function personName(id: string): Promise<string> {
  const row = await db().selectFrom("person").where("id", "=", id).select("name").executeTakeFirst();
  return row?.name ?? "";
}

export function sessionUrl(origin: string, team: Pick<Team, "slug">, sessionId: string): string {
  return `${origin}/teams/${team.slug}/sessions/${sessionId}`;
}
