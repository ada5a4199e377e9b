import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { db } from "../../../db/db.server";
import type { Language, SessionStatus } from "../../../db/schema";
import {
  canScheduleSessions,
  notFound,
  requireSessionScheduler,
  type SessionRole,
  type Team,
  type User,
} from "../../auth/permissions.server";
import { amsterdamDayAndTime } from "../../i18n/dates";
import { intervisionMethods } from "./intervision-methods";
import { bestSlot, pollOf } from "./poll/poll.server";
import {
  methodName,
  openOwnSession,
  openSession,
  personName,
  refuse,
  runs,
  seesTeamSessions,
  sessionColumns,
  type Outcome,
  type SessionRow,
} from "./session-access.server";
import type { NewSessionInput, TimeSpan } from "./session-form";
import { announceSession, askToAnswerPoll } from "./session-notices.server";
import { reminderFacts } from "./session-reminders.server";

// Intervision sessions: the team's list, one session's page, and making, moving and calling off a session.
// The poll lives in poll/, who comes and who holds a role in attendance.server.ts, the e-mails in
// session-mail.server.ts and the calendar files and feed in calendar/.

/** The session's facilitator and the invitees who said yes, counted once each. */
const participantCount = sql<number>`(1 + (select count(*) from session_invitee as counted
  where counted.session_id = intervision_session.id and counted.rsvp = 'yes'
  and counted.person_id <> intervision_session.facilitator_id))::int`;


// ---------------------------------------------------------------------------------------------------
// Reading

export type SessionFacts = {
  id: string;
  title: string;
  method: string;
  methodName: string;
  status: SessionStatus;
  startsAt: Date | null;
  endsAt: Date | null;
  participants: number;
};

/** A team's sessions as facts only (never who brings the case, never who is invited), upcoming and past. */
export async function listSessions(user: User, team: Team) {
  if (!seesTeamSessions(user, team)) throw notFound();
  const rows = await db()
    .selectFrom("intervision_session")
    .leftJoin("session_invitee as mine", (join) =>
      join.onRef("mine.session_id", "=", "intervision_session.id").on("mine.person_id", "=", user.id),
    )
    .where("intervision_session.coalition_id", "=", team.id)
    .select([
      "intervision_session.id",
      "intervision_session.title",
      "intervision_session.method",
      "intervision_session.status",
      "intervision_session.starts_at as startsAt",
      "intervision_session.ends_at as endsAt",
      participantCount.as("participants"),
      "mine.rsvp as myRsvp",
      sql<boolean>`intervision_session.facilitator_id = ${user.id}`.as("leading"),
      // What waits for this person: a poll they are invited to and have not answered yet.
      sql<boolean>`(intervision_session.status = 'polling' and mine.person_id is not null and not exists (
        select 1 from slot_vote join session_slot on session_slot.id = slot_vote.slot_id
        where session_slot.session_id = intervision_session.id and slot_vote.person_id = ${user.id}))`.as("pollWaiting"),
    ])
    .orderBy("intervision_session.starts_at", "asc")
    .orderBy("intervision_session.created_at", "desc")
    .execute();
  const now = Date.now();
  const items = rows.map((row) => ({ ...row, methodName: methodName(row.method, user.language) }));
  const isUpcoming = (row: (typeof items)[number]) => row.status === "polling" || (row.endsAt !== null && row.endsAt.getTime() >= now);
  const upcoming = items.filter(isUpcoming);
  return {
    upcoming: [...upcoming.filter((row) => row.status === "polling"), ...upcoming.filter((row) => row.status !== "polling")],
    past: items.filter((row) => !isUpcoming(row)).reverse(),
    canSchedule: canScheduleSessions(user, team.id),
  };
}

function factsOf(session: SessionRow, participants: number, language: Language): SessionFacts {
  return {
    id: session.id,
    title: session.title,
    method: session.method,
    methodName: methodName(session.method, language),
    status: session.status,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    participants,
  };
}

async function invitationsOf(sessionId: string) {
  return db()
    .selectFrom("session_invitee")
    .innerJoin("person", "person.id", "session_invitee.person_id")
    .where("session_invitee.session_id", "=", sessionId)
    .select(["person.id", "person.name", "session_invitee.rsvp", "session_invitee.volunteers_case as volunteersCase"])
    .orderBy("person.name")
    .execute();
}

/**
 * The session page, cut to this person's place in it. Observers get the facts and nothing else: the
 * invitees, the poll and the case bringer never leave the server for them.
 */
export async function sessionPage(user: User, team: Team, id: string | undefined) {
  const { session, invitation, role } = await openSession(user, team, id);
  const invitations = await invitationsOf(session.id);
  const participants =
    1 + invitations.filter((invitee) => invitee.rsvp === "yes" && invitee.id !== session.facilitatorId).length;
  const facts = factsOf(session, participants, user.language);
  if (role === "observer") return { view: "observer" as const, facts };

  const facilitator = { id: session.facilitatorId, name: await personName(session.facilitatorId) };
  // Only names go into the poll: not whether someone is coming, nor who offered to bring a case.
  const invitees = invitations.filter((i) => i.id !== facilitator.id).map(({ id: personId, name }) => ({ id: personId, name }));
  const poll = await pollOf(session, [facilitator, ...invitees], invitees, user.id);
  const manage = runs(user, session);
  const participant = role === "participant";
  const reminder = await reminderFacts(session.id);
  const nameOf = (personId: string | null) => {
    const person = personId ? invitations.find((i) => i.id === personId) : undefined;
    return person ? { id: person.id, name: person.name } : null;
  };
  return {
    view: "invited" as const,
    role: role as Exclude<SessionRole, "observer" | null>,
    manage,
    facts,
    place: session.place,
    videoUrl: session.videoUrl,
    facilitatorName: facilitator.name,
    poll: { ...poll, open: session.status === "polling", suggestedSlotId: manage && session.status === "polling" ? (bestSlot(poll.slots)?.id ?? null) : null },
    invitees: invitations
      .filter((invitee) => invitee.id !== facilitator.id)
      .map(({ id: personId, name, rsvp }) => ({ id: personId, name, rsvp, answered: !poll.notAnswered.some((p) => p.id === personId) })),
    me: {
      leading: session.facilitatorId === user.id,
      bringsCase: session.caseBringerId === user.id,
      rsvp: invitation?.rsvp ?? null,
      volunteersCase: invitation?.volunteersCase ?? false,
    },
    // Who brings the case stays among those who come; who keeps time is no secret among the invited.
    caseBringer: participant ? nameOf(session.caseBringerId) : null,
    timekeeper: nameOf(session.timekeeperId),
    // Who could take a role: those coming. Who volunteered is for the facilitator to see.
    roleCandidates: manage
      ? invitations
          .filter((invitee) => invitee.rsvp === "yes" && invitee.id !== session.facilitatorId)
          .map(({ id: personId, name, volunteersCase }) => ({ id: personId, name, volunteersCase }))
      : [],
    // When those coming are reminded is the facilitator's choice; the case bringer's question is for those coming.
    reminder: manage ? reminder.reminder : null,
    pollReminded: Boolean(reminder.pollRemindedAt),
    preparationQuestion: participant ? reminder.preparationQuestion : null,
    // The confirmed time as the reschedule form shows it: on the clock in Amsterdam.
    currentTime: manage && session.startsAt && session.endsAt ? formTime(session.startsAt, session.endsAt) : null,
  };
}

export type SessionPageData = Awaited<ReturnType<typeof sessionPage>>;

function formTime(startsAt: Date, endsAt: Date) {
  const start = amsterdamDayAndTime(startsAt);
  return { date: start.day, start: start.time, end: amsterdamDayAndTime(endsAt).time };
}

// ---------------------------------------------------------------------------------------------------
// Scheduling

/** The team's active members a facilitator can invite (not the facilitator: they lead it anyway). */
export async function inviteeCandidates(user: User, team: Team) {
  if (!canScheduleSessions(user, team.id)) throw notFound();
  return db()
    .selectFrom("membership")
    .innerJoin("person", "person.id", "membership.person_id")
    .where("membership.coalition_id", "=", team.id)
    .where("person.deactivated_at", "is", null)
    .where("person.id", "<>", user.id)
    .select(["person.id", "person.name", "membership.role"])
    .orderBy("person.name")
    .execute();
}


/** Creates the session with its candidate times and invitees, and asks each invitee by e-mail to answer the poll. */
export async function createSession(
  user: User,
  team: Team,
  input: NewSessionInput,
  origin: string,
): Promise<Outcome<{ id: string }>> {
  requireSessionScheduler(user, team);
  const candidates = await inviteeCandidates(user, team);
  const inviteeIds = [...new Set(input.invitees)];
  if (inviteeIds.some((id) => !candidates.some((candidate) => candidate.id === id))) {
    return refuse("session.error.invitees", "invitees");
  }
  const id = await db()
    .transaction()
    .execute(async (trx) => {
      const { id: sessionId } = await trx
        .insertInto("intervision_session")
        .values({
          coalition_id: team.id,
          title: input.title,
          method: input.method,
          place: input.place ?? "",
          video_url: input.videoUrl ?? null,
          facilitator_id: user.id,
          ical_uid: `${randomUUID()}@leernetwerk`,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("session_slot")
        .values(input.slots.map((slot) => ({ session_id: sessionId, starts_at: slot.startsAt, ends_at: slot.endsAt })))
        .execute();
      await trx
        .insertInto("session_invitee")
        .values(inviteeIds.map((person_id) => ({ session_id: sessionId, person_id })))
        .execute();
      return sessionId;
    });
  await askToAnswerPoll(user, { id }, origin);
  return { ok: true, id };
}

/** Moves a confirmed session to a new time: same calendar UID, one higher SEQUENCE, everyone told again. */
export async function rescheduleSession(
  user: User,
  team: Team,
  id: string | undefined,
  span: TimeSpan,
  origin: string,
): Promise<Outcome> {
  const { session } = await openOwnSession(user, team, id);
  const moved = await db()
    .updateTable("intervision_session")
    .set({
      starts_at: span.startsAt,
      ends_at: span.endsAt,
      ical_sequence: sql<number>`ical_sequence + 1`,
      version: sql<number>`version + 1`,
      updated_at: sql<Date>`now()`,
    })
    .where("id", "=", session.id)
    .where("status", "=", "confirmed")
    .returning(sessionColumns)
    .executeTakeFirst();
  if (!moved) return refuse("session.error.notConfirmed");
  await announceSession("rescheduled", moved, user, origin);
  return { ok: true };
}

/** Calls a confirmed session off; calendars are asked to take it out (METHOD:CANCEL). */
export async function cancelSession(user: User, team: Team, id: string | undefined, origin: string): Promise<Outcome> {
  const { session } = await openOwnSession(user, team, id);
  const cancelled = await db()
    .updateTable("intervision_session")
    .set({
      status: "cancelled",
      ical_sequence: sql<number>`ical_sequence + 1`,
      version: sql<number>`version + 1`,
      updated_at: sql<Date>`now()`,
    })
    .where("id", "=", session.id)
    .where("status", "=", "confirmed")
    .returning(sessionColumns)
    .executeTakeFirst();
  if (!cancelled) return refuse("session.error.notConfirmed");
  await announceSession("cancelled", cancelled, user, origin);
  return { ok: true };
}

/** The methods as the planning form offers them, in the reader's language: the whole catalogue stays here. */
export function methodChoices(language: Language) {
  return intervisionMethods.map((method) => ({ slug: method.slug, name: method.name[language], fitsWhen: method.fitsWhen[language] }));
}

