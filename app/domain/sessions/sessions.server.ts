import { randomBytes, randomUUID } from "node:crypto";
import { sql } from "kysely";
import { db } from "../../../db/db.server";
import type { Language, Rsvp, SessionStatus, SlotAnswer } from "../../../db/schema";
import {
  canScheduleSessions,
  notFound,
  rowIdOrNotFound,
  sessionRole,
  type SessionRole,
  type Team,
  type User,
} from "../../auth/permissions.server";
import { amsterdamDayAndTime, formatTimeSpan } from "../../i18n/dates";
import { translator } from "../../i18n/dictionaries.server";
import type { MessageKey } from "../../i18n/i18n";
import { sendEmail } from "../mail/email.server";
import { intervisionMethods, methodBySlug } from "./intervision-methods";
import {
  sessionCalendarFile,
  sessionMessageFile,
  type CalendarSession,
  type Recipient,
} from "./calendar/session-calendar.server";
import type { NewSessionInput, TimeSpan } from "./session-form";

// Intervision sessions: scheduling by an availability poll, confirming a time, RSVP and the case bringer,
// rescheduling and cancelling, and the calendar files and feed. What a person sees of a session follows
// their place in it (sessionRole, in permissions.server.ts): participants and invitees see the poll and who
// is invited; observers (the rest of the team, the funder) only the facts that it took place; anyone else
// gets 404. The session's own facilitator (gespreksleider) runs the poll, the time and the roles the
// methods name (case bringer, timekeeper). A "yes" in the poll for the time that is confirmed counts as
// coming, so nobody is asked twice; whoever wants to change it answers the invitation again.

export type Refusal = { ok: false; message: MessageKey; field?: string };
export type Outcome<T = object> = ({ ok: true } & T) | Refusal;
const refuse = (message: MessageKey, field?: string): Refusal => ({ ok: false, message, field });

type SessionRow = {
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

type Invitation = { rsvp: Rsvp; volunteersCase: boolean };

const sessionColumns = [
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

/** The session's facilitator and the invitees who said yes, counted once each. */
const participantCount = sql<number>`(1 + (select count(*) from session_invitee as counted
  where counted.session_id = intervision_session.id and counted.rsvp = 'yes'
  and counted.person_id <> intervision_session.facilitator_id))::int`;

export function methodName(slug: string, language: Language): string {
  return methodBySlug(slug)?.name[language] ?? slug;
}

/**
 * Whether this person sees a team's sessions at all: whoever would observe a session of the team that they
 * are not invited to (its members and the funder). Asked of sessionRole so that the rule stays in one place.
 */
function seesTeamSessions(user: User, team: Team): boolean {
  return sessionRole(user, { coalitionId: team.id, facilitatorId: "" }, null) !== null;
}

/** The session's own facilitator runs it, while they are a facilitator of the coalition. */
function runs(user: User, session: Pick<SessionRow, "facilitatorId" | "coalitionId">): boolean {
  return session.facilitatorId === user.id && canScheduleSessions(user, session.coalitionId);
}

/** One session of this team with this person's place in it; 404 for anyone who has none. */
async function openSession(user: User, team: Team, id: string | undefined) {
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
async function openOwnSession(user: User, team: Team, id: string | undefined) {
  const opened = await openSession(user, team, id);
  if (!runs(user, opened.session)) throw notFound();
  return opened;
}

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

type Person = { id: string; name: string };
export type PollSlot = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  answers: Record<SlotAnswer, Person[]>;
  mine: SlotAnswer | null;
};

/**
 * The poll with everyone's answers. `voters` are the facilitator and the invitees (their answers count in
 * the tallies); `invitees` are who "Uitgenodigd" lists, and "Nog niet geantwoord" is the part of that same
 * list without any answer, so the two never disagree.
 */
async function pollOf(session: SessionRow, voters: Person[], invitees: Person[], me: string) {
  const [slots, votes] = await Promise.all([
    db()
      .selectFrom("session_slot")
      .where("session_id", "=", session.id)
      .select(["id", "starts_at as startsAt", "ends_at as endsAt"])
      .orderBy("starts_at")
      .orderBy("ends_at")
      .execute(),
    db()
      .selectFrom("slot_vote")
      .innerJoin("session_slot", "session_slot.id", "slot_vote.slot_id")
      .where("session_slot.session_id", "=", session.id)
      .select(["slot_vote.slot_id as slotId", "slot_vote.person_id as personId", "slot_vote.answer"])
      .execute(),
  ]);
  const answerOf = new Map(votes.map((vote) => [`${vote.slotId} ${vote.personId}`, vote.answer]));
  const answered = new Set<string>();
  const poll: PollSlot[] = slots.map((slot) => {
    const answers: PollSlot["answers"] = { yes: [], maybe: [], no: [] };
    // In the order of the voters (the facilitator, then the invitees by name), whoever voted first.
    for (const voter of voters) {
      const answer = answerOf.get(`${slot.id} ${voter.id}`);
      if (!answer) continue;
      answers[answer].push(voter);
      answered.add(voter.id);
    }
    return { ...slot, answers, mine: answerOf.get(`${slot.id} ${me}`) ?? null };
  });
  return { slots: poll, notAnswered: invitees.filter((invitee) => !answered.has(invitee.id)) };
}

/**
 * The time most people can make: most yes, then most yes-or-if-need-be, then the earliest. Only a time
 * someone can make is ever suggested: with no "yes" or "if need be" anywhere there is no suggestion.
 */
export function bestSlot(slots: PollSlot[]): PollSlot | undefined {
  const score = (slot: PollSlot) => [slot.answers.yes.length, slot.answers.yes.length + slot.answers.maybe.length];
  const possible = slots.filter((slot) => score(slot)[1] > 0);
  return possible.sort((a, b) => {
    const [yesA, eitherA] = score(a);
    const [yesB, eitherB] = score(b);
    return yesB - yesA || eitherB - eitherA || a.startsAt.getTime() - b.startsAt.getTime();
  })[0];
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

async function personName(id: string): Promise<string> {
  const row = await db().selectFrom("person").where("id", "=", id).select("name").executeTakeFirst();
  return row?.name ?? "";
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

/** Only a team's facilitators schedule sessions; everyone else gets 404 on the form. */
export function requireSessionScheduler(user: User, team: Team): void {
  if (!canScheduleSessions(user, team.id)) throw notFound();
}

type MailPerson = { id: string; email: string; name: string; language: Language; rsvp: Rsvp };

/** Everyone a message about the session goes to: the invitees with an active account, and its facilitator. */
async function peopleOf(session: Pick<SessionRow, "id" | "facilitatorId">): Promise<MailPerson[]> {
  const invitees = await db()
    .selectFrom("session_invitee")
    .innerJoin("person", "person.id", "session_invitee.person_id")
    .where("session_invitee.session_id", "=", session.id)
    .where("person.deactivated_at", "is", null)
    .select(["person.id", "person.email", "person.name", "person.language", "session_invitee.rsvp"])
    .execute();
  if (invitees.some((invitee) => invitee.id === session.facilitatorId)) return invitees;
  const facilitator = await db()
    .selectFrom("person")
    .where("id", "=", session.facilitatorId)
    .where("deactivated_at", "is", null)
    .select(["id", "email", "name", "language"])
    .executeTakeFirst();
  return facilitator ? [...invitees, { ...facilitator, rsvp: "yes" as const }] : invitees;
}

export function sessionUrl(origin: string, team: Pick<Team, "slug">, sessionId: string): string {
  return `${origin}/teams/${team.slug}/sessions/${sessionId}`;
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

  const link = sessionUrl(origin, team, id);
  for (const person of await peopleOf({ id, facilitatorId: user.id })) {
    if (person.id === user.id) continue;
    const t = translator(person.language);
    await sendEmail({
      to: person.email,
      subject: t("session.mail.poll.subject", { title: input.title }),
      text: t("session.mail.poll.body", {
        name: person.name,
        facilitator: user.name,
        team: team.name,
        title: input.title,
        method: methodName(input.method, person.language),
        count: input.slots.length,
        link,
      }),
    });
  }
  return { ok: true, id };
}

/** An invitee's (or the facilitator's) answers to the poll; closed once a time is confirmed. */
export async function voteOnTimes(
  user: User,
  team: Team,
  id: string | undefined,
  answers: Record<string, SlotAnswer>,
): Promise<Outcome> {
  const { session, role } = await openSession(user, team, id);
  if (role === "observer") throw notFound();
  return db()
    .transaction()
    .execute(async (trx) => {
      // Locked, so that a vote and the confirmation cannot cross: a vote after it is refused.
      const current = await trx
        .selectFrom("intervision_session")
        .where("id", "=", session.id)
        .select("status")
        .forUpdate()
        .executeTakeFirstOrThrow();
      if (current.status !== "polling") return refuse("poll.closed");
      const slots = await trx.selectFrom("session_slot").where("session_id", "=", session.id).select("id").execute();
      const votes = slots
        .filter((slot) => answers[slot.id])
        .map((slot) => ({ slot_id: slot.id, person_id: user.id, answer: answers[slot.id] }));
      if (votes.length === 0) return refuse("poll.noAnswers");
      await trx
        .insertInto("slot_vote")
        .values(votes)
        .onConflict((conflict) =>
          conflict.columns(["slot_id", "person_id"]).doUpdateSet((eb) => ({ answer: eb.ref("excluded.answer"), updated_at: sql<Date>`now()` })),
        )
        .execute();
      return { ok: true as const };
    });
}

function calendarSession(session: SessionRow, team: Pick<Team, "slug">, origin: string, language: Language): CalendarSession {
  return {
    uid: session.icalUid,
    sequence: session.icalSequence,
    title: session.title,
    methodName: methodName(session.method, language),
    place: session.place,
    videoUrl: session.videoUrl,
    startsAt: session.startsAt!,
    endsAt: session.endsAt!,
    status: session.status === "cancelled" ? "cancelled" : "confirmed",
    url: sessionUrl(origin, team, session.id),
    updatedAt: session.updatedAt,
  };
}

type Notice = "confirmed" | "rescheduled" | "cancelled";
const noticeKeys = {
  confirmed: { subject: "session.mail.confirmed.subject", body: "session.mail.confirmed.body" },
  rescheduled: { subject: "session.mail.rescheduled.subject", body: "session.mail.rescheduled.body" },
  cancelled: { subject: "session.mail.cancelled.subject", body: "session.mail.cancelled.body" },
} as const satisfies Record<Notice, { subject: MessageKey; body: MessageKey }>;

/** Tells everyone in the session about its time, each in their own language, with the calendar file attached. */
async function notifyWithCalendar(notice: Notice, session: SessionRow, team: Team, origin: string): Promise<void> {
  const facilitatorName = await personName(session.facilitatorId);
  for (const person of await peopleOf(session)) {
    const t = translator(person.language);
    const event = { ...calendarSession(session, team, origin, person.language), facilitatorName };
    const recipient: Recipient = { name: person.name, email: person.email, rsvp: person.rsvp };
    const method = notice === "cancelled" ? "cancel" : "request";
    await sendEmail({
      to: person.email,
      subject: t(noticeKeys[notice].subject, { title: session.title }),
      // Who said yes to the confirmed time comes already; only the others are asked.
      text: t(notice === "confirmed" && person.rsvp === "yes" ? "session.mail.confirmed.bodyComing" : noticeKeys[notice].body, {
        name: person.name,
        title: session.title,
        team: team.name,
        when: formatTimeSpan(event.startsAt, event.endsAt, person.language),
        where: [session.place, session.videoUrl].filter(Boolean).join(" · "),
        method: event.methodName,
        link: event.url,
      }),
      attachments: [
        {
          filename: notice === "cancelled" ? "intervisie-geannuleerd.ics" : "intervisie.ics",
          contentType: `text/calendar; charset=utf-8; method=${method.toUpperCase()}`,
          content: sessionMessageFile(method, event, recipient, person.language),
        },
      ],
    });
  }
}

/** Fixes the session at one of its candidate times; the poll closes and everyone gets the calendar file. */
export async function confirmSessionTime(
  user: User,
  team: Team,
  id: string | undefined,
  slotId: string,
  origin: string,
): Promise<Outcome> {
  const { session } = await openOwnSession(user, team, id);
  const slot = await db()
    .selectFrom("session_slot")
    .where("id", "=", rowIdOrNotFound(slotId))
    .where("session_id", "=", session.id)
    .select(["starts_at", "ends_at"])
    .executeTakeFirst();
  if (!slot) throw notFound();
  const confirmed = await db()
    .transaction()
    .execute(async (trx) => {
      const row = await trx
        .updateTable("intervision_session")
        .set({
          status: "confirmed",
          starts_at: slot.starts_at,
          ends_at: slot.ends_at,
          version: sql<number>`version + 1`,
          updated_at: sql<Date>`now()`,
        })
        .where("id", "=", session.id)
        .where("status", "=", "polling")
        .returning(sessionColumns)
        .executeTakeFirst();
      if (!row) return undefined;
      // Whoever said "yes" to this very time comes; an answer already given to the invitation stands.
      await trx
        .updateTable("session_invitee")
        .set({ rsvp: "yes" })
        .where("session_id", "=", session.id)
        .where("rsvp", "=", "pending")
        .where("person_id", "in", (eb) =>
          eb.selectFrom("slot_vote").where("slot_id", "=", slotId).where("answer", "=", "yes").select("person_id"),
        )
        .execute();
      return row;
    });
  if (!confirmed) return refuse("session.error.notPolling");
  await notifyWithCalendar("confirmed", confirmed, team, origin);
  return { ok: true };
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
  await notifyWithCalendar("rescheduled", moved, team, origin);
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
  await notifyWithCalendar("cancelled", cancelled, team, origin);
  return { ok: true };
}

/** An invitee says whether they come to the confirmed session. Saying no also withdraws them as case bringer. */
export async function answerInvitation(user: User, team: Team, id: string | undefined, rsvp: "yes" | "no"): Promise<Outcome> {
  const { session, invitation } = await openSession(user, team, id);
  if (!invitation) throw notFound();
  if (session.status !== "confirmed") return refuse(session.status === "polling" ? "session.error.rsvpBeforeConfirmed" : "session.error.cancelled");
  await db()
    .transaction()
    .execute(async (trx) => {
      await trx
        .updateTable("session_invitee")
        .set(rsvp === "no" ? { rsvp, volunteers_case: false } : { rsvp })
        .where("session_id", "=", session.id)
        .where("person_id", "=", user.id)
        .execute();
      if (rsvp === "no") {
        // Someone who does not come holds no role in the session any more.
        for (const column of ["case_bringer_id", "timekeeper_id"] as const) {
          await trx
            .updateTable("intervision_session")
            .set({ [column]: null, version: sql<number>`version + 1`, updated_at: sql<Date>`now()` })
            .where("id", "=", session.id)
            .where(column, "=", user.id)
            .execute();
        }
      }
    });
  return { ok: true };
}

/** An invitee who comes offers (or no longer offers) to bring a case. */
export async function volunteerAsCaseBringer(user: User, team: Team, id: string | undefined, volunteers: boolean): Promise<Outcome> {
  const { session, invitation } = await openSession(user, team, id);
  if (!invitation) throw notFound();
  if (session.status !== "confirmed") return refuse(session.status === "polling" ? "session.error.rsvpBeforeConfirmed" : "session.error.cancelled");
  if (invitation.rsvp !== "yes") return refuse("session.error.volunteerNotComing");
  await db()
    .updateTable("session_invitee")
    .set({ volunteers_case: volunteers })
    .where("session_id", "=", session.id)
    .where("person_id", "=", user.id)
    .execute();
  return { ok: true };
}

export const sessionRoles = ["caseBringer", "timekeeper"] as const;
export type SessionRoleName = (typeof sessionRoles)[number];
const roleColumn = { caseBringer: "case_bringer_id", timekeeper: "timekeeper_id" } as const;

/** The facilitator gives a role the method names (case bringer, timekeeper) to one of those who come, or to nobody yet. */
export async function assignSessionRole(
  user: User,
  team: Team,
  id: string | undefined,
  role: SessionRoleName,
  personId: string | null,
): Promise<Outcome> {
  const { session } = await openOwnSession(user, team, id);
  if (session.status === "cancelled") return refuse("session.error.cancelled");
  if (personId) {
    const coming = await db()
      .selectFrom("session_invitee")
      .where("session_id", "=", session.id)
      .where("person_id", "=", personId)
      .where("person_id", "<>", session.facilitatorId)
      .where("rsvp", "=", "yes")
      .select("person_id")
      .executeTakeFirst();
    if (!coming) return refuse("session.error.roleNotComing", role);
  }
  await db()
    .updateTable("intervision_session")
    .set({ [roleColumn[role]]: personId, version: sql<number>`version + 1`, updated_at: sql<Date>`now()` })
    .where("id", "=", session.id)
    .execute();
  return { ok: true };
}

// ---------------------------------------------------------------------------------------------------
// Calendars

/** One confirmed session as a calendar file, for those invited to it; 404 for anyone else. */
export async function sessionCalendarForReader(user: User, team: Team, id: string | undefined, origin: string): Promise<string> {
  const { session, role } = await openSession(user, team, id);
  if (role === "observer" || session.status !== "confirmed") throw notFound();
  return sessionCalendarFile([calendarSession(session, team, origin, user.language)], user.language);
}

const FEED_TOKEN = /^[A-Za-z0-9_-]{32,64}$/;

/** The person's calendar feed token, if they have made one. */
export async function calendarFeedToken(user: User): Promise<string | null> {
  const row = await db().selectFrom("calendar_feed").where("person_id", "=", user.id).select("token").executeTakeFirst();
  return row?.token ?? null;
}

/** A new secret feed address for the person; the previous one stops working at once. */
export async function renewCalendarFeed(user: User): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db()
    .insertInto("calendar_feed")
    .values({ person_id: user.id, token })
    .onConflict((conflict) => conflict.column("person_id").doUpdateSet({ token }))
    .execute();
  return token;
}

/**
 * A person's feed: every confirmed session they lead or are invited to and did not decline, and those
 * called off as cancelled events (so calendars take them out). Unknown tokens and inactive owners: 404.
 */
export async function calendarFeed(token: string | undefined, origin: string): Promise<string> {
  if (!token || !FEED_TOKEN.test(token)) throw notFound();
  const owner = await db()
    .selectFrom("calendar_feed")
    .innerJoin("person", "person.id", "calendar_feed.person_id")
    .where("calendar_feed.token", "=", token)
    .where("person.deactivated_at", "is", null)
    .select(["person.id", "person.language"])
    .executeTakeFirst();
  if (!owner) throw notFound();
  const sessions = await db()
    .selectFrom("intervision_session")
    .innerJoin("coalition", "coalition.id", "intervision_session.coalition_id")
    .where("intervision_session.status", "in", ["confirmed", "cancelled"])
    .where("intervision_session.starts_at", "is not", null)
    // Only coalitions the person still belongs to (as sessionRole has it).
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom("membership")
          .whereRef("membership.coalition_id", "=", "intervision_session.coalition_id")
          .where("membership.person_id", "=", owner.id)
          .select(sql`1`.as("one")),
      ),
    )
    .where((eb) =>
      eb.or([
        eb("intervision_session.facilitator_id", "=", owner.id),
        eb.exists(
          eb
            .selectFrom("session_invitee")
            .whereRef("session_invitee.session_id", "=", "intervision_session.id")
            .where("session_invitee.person_id", "=", owner.id)
            .where("session_invitee.rsvp", "<>", "no")
            .select(sql`1`.as("one")),
        ),
      ]),
    )
    .select([...sessionColumns, "coalition.slug"])
    .orderBy("intervision_session.starts_at")
    .execute();
  const t = translator(owner.language);
  return sessionCalendarFile(
    sessions.map((session) => calendarSession(session, { slug: session.slug }, origin, owner.language)),
    owner.language,
    t("calendar.feed.name"),
  );
}

/** The methods as the planning form offers them, in the reader's language: the whole catalogue stays here. */
export function methodChoices(language: Language) {
  return intervisionMethods.map((method) => ({ slug: method.slug, name: method.name[language], fitsWhen: method.fitsWhen[language] }));
}
