import { sql } from "kysely";
import { db } from "../../../../db/db.server";
import type { SessionStatus } from "../../../../db/schema";
import { isRowId, notFound, rowIdOrNotFound, sessionRole, type Team, type User } from "../../../auth/permissions.server";
import { todayInAmsterdam } from "../../../i18n/dates";
import { richTextFromPlainText } from "../../../richtext/from-plain-text";
import { plainTextOf } from "../../../richtext/plain-text.server";
import type { RichTextState } from "../../../richtext/schema";
import { methodBySlug, type IntervisionPhase } from "../intervision-methods";
import { notify } from "../../notifications/notify.server";

// What is said in an intervision session stays among its participants (DESIGN.md §3): the notes per
// phase, the case bringer's take-away, the follow-up actions and the closing evaluation. Every way in
// goes through openSessionAsParticipant, which asks sessionRole (the rule, once) and answers 404 to anyone
// who is not a participant. Nothing here is copied elsewhere: a reflection or a lesson made "from" a
// session only carries a link to it, and its text is what the participant chose to write.

export type ParticipantSession = {
  id: string;
  coalitionId: string;
  title: string;
  method: string;
  status: SessionStatus;
  startsAt: Date | null;
  endsAt: Date | null;
  facilitatorId: string;
  caseBringerId: string | null;
  timekeeperId: string | null;
  takeaway: RichTextState | null;
  takeawayText: string;
  version: number;
};

/** The person's invitation to a session, if any: what sessionRole needs besides the session. */
function invitationOf(user: User, sessionId: string) {
  return db()
    .selectFrom("session_invitee")
    .where("session_id", "=", sessionId)
    .where("person_id", "=", user.id)
    .select("rsvp")
    .executeTakeFirst();
}

async function participantSession(user: User, team: Team, sessionId: string | undefined): Promise<ParticipantSession | null> {
  if (!isRowId(sessionId)) return null;
  const [row, invitation] = await Promise.all([
    db()
      .selectFrom("intervision_session")
      .where("id", "=", sessionId)
      .where("coalition_id", "=", team.id)
      .select([
        "id",
        "coalition_id as coalitionId",
        "title",
        "method",
        "status",
        "starts_at as startsAt",
        "ends_at as endsAt",
        "facilitator_id as facilitatorId",
        "case_bringer_id as caseBringerId",
        "timekeeper_id as timekeeperId",
        "takeaway",
        "takeaway_text as takeawayText",
        "takeaway_version as version",
      ])
      .executeTakeFirst(),
    invitationOf(user, sessionId),
  ]);
  if (!row || sessionRole(user, row, invitation) !== "participant") return null;
  return { ...row, takeaway: (row.takeaway as RichTextState | null) ?? null };
}

/** The session, for one of its participants (the facilitator, or an invitee who said yes); anyone else 404. */
export async function openSessionAsParticipant(user: User, team: Team, sessionId: string | undefined): Promise<ParticipantSession> {
  const session = await participantSession(user, team, rowIdOrNotFound(sessionId));
  if (!session) throw notFound();
  return session;
}

/** The case bringer writes the take-away; while nobody has brought the case, any participant may. */
export function canWriteTakeaway(user: User, session: ParticipantSession): boolean {
  return session.caseBringerId === null || session.caseBringerId === user.id;
}

/**
 * The sections of the notes: the method's phases, plus a plain section for any notes kept under a phase
 * the method no longer has (a method changed after notes were written), so that nothing written disappears.
 */
export function phasesOf(methodSlug: string, notedPhases: number[] = []): IntervisionPhase[] {
  const method = methodBySlug(methodSlug);
  const phases = method ? [...method.phases] : [];
  const count = Math.max(phases.length, ...notedPhases.map((phase) => phase + 1), 1);
  for (let index = phases.length; index < count; index++) {
    phases.push({ name: { nl: `Aantekeningen ${index + 1}`, en: `Notes ${index + 1}` }, what: { nl: "", en: "" }, minutes: 0 });
  }
  return phases;
}

/** The participants by name: the session's facilitator and every invitee who said yes (as sessionRole has it). */
export function listParticipants(session: ParticipantSession) {
  return db()
    .selectFrom("person")
    .where((eb) =>
      eb.or([
        eb("person.id", "=", session.facilitatorId),
        eb(
          "person.id",
          "in",
          eb.selectFrom("session_invitee").where("session_id", "=", session.id).where("rsvp", "=", "yes").select("person_id"),
        ),
      ]),
    )
    .select(["person.id", "person.name"])
    .orderBy("person.name")
    .execute();
}

export type PhaseNote = { phase: number; body: RichTextState; version: number; updatedByName: string; updatedAt: Date };

function notesOf(sessionId: string) {
  return db()
    .selectFrom("session_note")
    .innerJoin("person", "person.id", "session_note.updated_by")
    .where("session_note.session_id", "=", sessionId)
    .select([
      "session_note.phase",
      "session_note.body",
      "session_note.version",
      "person.name as updatedByName",
      "session_note.updated_at as updatedAt",
    ]);
}

/** The note of one phase as it stands, for a participant. */
export async function noteOf(session: ParticipantSession, phase: number): Promise<PhaseNote | null> {
  if (!Number.isInteger(phase) || phase < 0) return null;
  const row = await notesOf(session.id).where("session_note.phase", "=", phase).executeTakeFirst();
  return row ? { ...row, body: row.body as RichTextState } : null;
}

const dueDay = sql<string | null>`to_char(session_action.due_on, 'YYYY-MM-DD')`;

/** Everything of the notes page, for a participant: sections, take-away, participants, actions, evaluations. */
export async function getSessionNotes(user: User, team: Team, sessionId: string | undefined, today = todayInAmsterdam()) {
  const session = await openSessionAsParticipant(user, team, sessionId);
  const [people, notes, actions, evaluations] = await Promise.all([
    db()
      .selectFrom("person")
      .where("id", "in", [session.facilitatorId, session.caseBringerId ?? session.facilitatorId, session.timekeeperId ?? session.facilitatorId])
      .select(["id", "name"])
      .execute(),
    notesOf(session.id).orderBy("session_note.phase").execute(),
    db()
      .selectFrom("session_action")
      .innerJoin("person as owner", "owner.id", "session_action.owner_id")
      .where("session_action.session_id", "=", session.id)
      .select([
        "session_action.id",
        "session_action.what",
        dueDay.as("dueOn"),
        "session_action.done_at as doneAt",
        "owner.id as ownerId",
        "owner.name as ownerName",
      ])
      .orderBy(sql`session_action.done_at is not null`)
      .orderBy(sql`session_action.due_on nulls last`)
      .orderBy("session_action.created_at")
      .execute(),
    db()
      .selectFrom("session_evaluation")
      .innerJoin("person", "person.id", "session_evaluation.person_id")
      .where("session_evaluation.session_id", "=", session.id)
      .select(["person.id as personId", "person.name", "session_evaluation.score", "session_evaluation.comment"])
      .orderBy("person.name")
      .execute(),
  ]);
  const nameOf = (id: string | null) => people.find((person) => person.id === id)?.name ?? null;
  const byPhase = new Map(notes.map((note) => [note.phase, { ...note, body: note.body as RichTextState }]));
  const phases = phasesOf(session.method, [...byPhase.keys()]).map((phase, index) => ({ ...phase, index, note: byPhase.get(index) ?? null }));
  return {
    session: {
      id: session.id,
      title: session.title,
      method: session.method,
      status: session.status,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      facilitatorName: nameOf(session.facilitatorId),
      caseBringerName: nameOf(session.caseBringerId),
      timekeeperName: nameOf(session.timekeeperId),
      takeaway: session.takeaway,
      hasTakeaway: session.takeawayText.trim() !== "",
      version: session.version,
    },
    canWriteTakeaway: canWriteTakeaway(user, session),
    phases,
    participants: await listParticipants(session),
    actions: actions.map((action) => ({
      ...action,
      overdue: action.doneAt === null && action.dueOn !== null && action.dueOn < today,
      mine: action.ownerId === user.id,
    })),
    evaluations,
    myEvaluation: evaluations.find((evaluation) => evaluation.personId === user.id) ?? null,
  };
}

export type SessionNotesData = Awaited<ReturnType<typeof getSessionNotes>>;

export type NoteOutcome = { ok: true } | { ok: false; current: PhaseNote | null };

/**
 * Saves a phase's notes only if nobody saved in between (version 0: there were no notes yet); otherwise
 * returns the notes as they stand so the page can show both versions and keep what this person typed.
 */
export async function saveNote(
  user: User,
  session: ParticipantSession,
  input: { phase: number; version: number; body: RichTextState | undefined },
): Promise<NoteOutcome> {
  const existing = await noteOf(session, input.phase);
  if (!existing && input.phase >= phasesOf(session.method).length) throw notFound();
  const body = input.body ?? richTextFromPlainText("");
  const values = { body: JSON.stringify(body), body_text: input.body ? plainTextOf(input.body) : "", updated_by: user.id };
  const saved =
    input.version === 0
      ? await db()
          .insertInto("session_note")
          .values({ session_id: session.id, phase: input.phase, ...values })
          .onConflict((oc) => oc.columns(["session_id", "phase"]).doNothing())
          .returning("version")
          .executeTakeFirst()
      : await db()
          .updateTable("session_note")
          .set({ ...values, version: sql<number>`version + 1`, updated_at: sql<Date>`now()` })
          .where("session_id", "=", session.id)
          .where("phase", "=", input.phase)
          .where("version", "=", input.version)
          .returning("version")
          .executeTakeFirst();
  return saved ? { ok: true } : { ok: false, current: await noteOf(session, input.phase) };
}

export type TakeawayOutcome = { ok: true } | { ok: false; current: { takeaway: RichTextState | null; version: number } };

/** The case bringer's take-away (see canWriteTakeaway), with the same protection against a stale save. */
export async function saveTakeaway(
  user: User,
  session: ParticipantSession,
  input: { version: number; takeaway: RichTextState | undefined },
): Promise<TakeawayOutcome> {
  if (!canWriteTakeaway(user, session)) throw notFound();
  const result = await db()
    .updateTable("intervision_session")
    .set({
      takeaway: input.takeaway ? JSON.stringify(input.takeaway) : null,
      takeaway_text: input.takeaway ? plainTextOf(input.takeaway) : "",
      takeaway_version: sql<number>`takeaway_version + 1`,
      updated_at: sql<Date>`now()`,
    })
    .where("id", "=", session.id)
    .where("takeaway_version", "=", input.version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 1) return { ok: true };
  const current = await db()
    .selectFrom("intervision_session")
    .where("id", "=", session.id)
    .select(["takeaway", "takeaway_version as version"])
    .executeTakeFirstOrThrow();
  return { ok: false, current: { takeaway: (current.takeaway as RichTextState | null) ?? null, version: current.version } };
}

export type ActionOutcome = { ok: true } | { ok: false; field: "owner"; message: "notes.action.error.owner" };

/** A follow-up action for one of the participants: who, what and (if agreed) by when. */
export async function addAction(
  user: User,
  session: ParticipantSession,
  input: { owner: string; what: string; dueOn?: string },
): Promise<ActionOutcome> {
  const participants = await listParticipants(session);
  if (!participants.some((person) => person.id === input.owner)) {
    return { ok: false, field: "owner", message: "notes.action.error.owner" };
  }
  await db()
    .insertInto("session_action")
    .values({ session_id: session.id, owner_id: input.owner, what: input.what, due_on: input.dueOn ?? null, created_by: user.id })
    .execute();
  // The owner is told that they have an action, not what it is: that stays in the notes.
  await notify({ kind: "action", recipientIds: [input.owner], actorId: user.id, item: { type: "session", id: session.id } });
  return { ok: true };
}

/** Any participant ticks an action of the session off (or back on, when it was ticked by mistake). */
export async function markActionDone(session: ParticipantSession, actionId: string, done: boolean): Promise<{ ok: true }> {
  const result = await db()
    .updateTable("session_action")
    .set({ done_at: done ? sql<Date>`now()` : null })
    .where("id", "=", rowIdOrNotFound(actionId))
    .where("session_id", "=", session.id)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw notFound();
  return { ok: true };
}

/** Each participant's own closing evaluation: one per person, changed by saving again. */
export async function saveEvaluation(user: User, session: ParticipantSession, input: { score: number; comment: string }): Promise<{ ok: true }> {
  await db()
    .insertInto("session_evaluation")
    .values({ session_id: session.id, person_id: user.id, score: input.score, comment: input.comment })
    .onConflict((oc) =>
      oc.columns(["session_id", "person_id"]).doUpdateSet({ score: input.score, comment: input.comment, updated_at: sql<Date>`now()` }),
    )
    .execute();
  return { ok: true };
}

/**
 * This person's open follow-up actions from the team's sessions, for the team's home: only from sessions
 * they still take part in, soonest due first, overdue when the due day has passed in Europe/Amsterdam.
 */
export async function openActionsFor(user: User, team: Team, today = todayInAmsterdam()) {
  return openActionsFrom(user, team, await openActionRowsQuery(user, team).execute(), today);
}

/** The rows openActionsFor decides on, as a query the team's pages fold into a statement of their own. */
export function openActionRowsQuery(user: User, team: Team) {
  return db()
    .selectFrom("session_action")
    .innerJoin("intervision_session as session", "session.id", "session_action.session_id")
    .leftJoin("session_invitee as invitation", (join) =>
      join.onRef("invitation.session_id", "=", "session.id").on("invitation.person_id", "=", user.id),
    )
    .where("session_action.owner_id", "=", user.id)
    .where("session_action.done_at", "is", null)
    .where("session.coalition_id", "=", team.id)
    .select([
      "session_action.id",
      "session_action.what",
      dueDay.as("dueOn"),
      "session.id as sessionId",
      "session.coalition_id as coalitionId",
      "session.facilitator_id as facilitatorId",
      "invitation.rsvp",
    ])
    .orderBy(sql`session_action.due_on nulls last`)
    .orderBy("session_action.created_at");
}

type OpenActionRow = { id: string; what: string; dueOn: string | null; sessionId: string; coalitionId: string; facilitatorId: string; rsvp: "pending" | "yes" | "no" | null };

/** Of openActionRowsQuery's rows, those of sessions the person still takes part in, with what the page shows. */
export function openActionsFrom(user: User, team: Team, rows: OpenActionRow[], today = todayInAmsterdam()) {
  return rows
    .filter((row) => sessionRole(user, row, row.rsvp ? { rsvp: row.rsvp } : null) === "participant")
    .map((row) => ({
      id: row.id,
      what: row.what,
      dueOn: row.dueOn,
      overdue: row.dueOn !== null && row.dueOn < today,
      notesPath: `/teams/${team.slug}/sessions/${row.sessionId}/notes`,
    }));
}

/** The method's name travels as words in both languages, so reading pages need not ship the methods library. */
export type SessionOrigin = { method: string; methodName: { nl: string; en: string }; startsAt: Date | null };

function methodNameOf(slug: string) {
  return methodBySlug(slug)?.name ?? { nl: slug, en: slug };
}

/**
 * Where a reflection or lesson came from, for a reader of it: the session's method and date, and only to
 * someone who may know that the session took place (sessionRole not null). Nothing else of the session.
 */
export async function sessionOrigins(user: User, sessionIds: string[]): Promise<SessionOrigin[]> {
  const ids = [...new Set(sessionIds.filter(isRowId))];
  if (ids.length === 0) return [];
  const [sessions, invitations] = await Promise.all([
    db()
      .selectFrom("intervision_session")
      .where("id", "in", ids)
      .select(["id", "coalition_id as coalitionId", "facilitator_id as facilitatorId", "method", "starts_at as startsAt"])
      .orderBy(sql`starts_at nulls last`)
      .execute(),
    db().selectFrom("session_invitee").where("session_id", "in", ids).where("person_id", "=", user.id).select(["session_id", "rsvp"]).execute(),
  ]);
  return sessions
    .filter((session) => sessionRole(user, session, invitations.find((i) => i.session_id === session.id)) !== null)
    .map((session) => ({ method: session.method, methodName: methodNameOf(session.method), startsAt: session.startsAt }));
}

/**
 * The session a participant writes a reflection or a lesson from (?session=): its id, method and date when
 * this person takes part in it, otherwise null, and then the link is simply not made.
 */
export async function sessionToLink(user: User, team: Team, sessionId: string | null | undefined) {
  const session = await participantSession(user, team, sessionId ?? undefined);
  return session
    ? { id: session.id, method: session.method, methodName: methodNameOf(session.method), startsAt: session.startsAt }
    : null;
}
