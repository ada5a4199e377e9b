import { sql } from "kysely";
import { db } from "../../../db/db.server";
import { sessionRole, type User } from "../../auth/permissions.server";
import { afterId, inCoalition, isoDayOrNull, keyset, PAGE_SIZE, type PersonalRows } from "../privacy/personal-rows.server";

// A person's place in intervision sessions (leading, invited, a role, votes, actions, evaluations, the notes
// they last edited): exported with the notes only where they are still a participant; on leaving, handed to
// the stand-in. Their calendar feed and their links to answer a poll go with the account.

const sessionColumns = ["facilitator_id", "case_bringer_id", "timekeeper_id"] as const;

export const sessionRows: PersonalRows = {
  module: "sessions",
  covers: [
    ...sessionColumns.map((column) => ({ table: "intervision_session" as const, column })),
    { table: "session_invitee", column: "person_id" },
    { table: "slot_vote", column: "person_id" },
    { table: "session_note", column: "updated_by" },
    { table: "session_action", column: "owner_id" },
    { table: "session_action", column: "created_by" },
    { table: "session_evaluation", column: "person_id" },
    { table: "calendar_feed", column: "person_id" },
    { table: "answer_token", column: "person_id" },
  ],
  async handOver(trx, { from, to, coalitionId }) {
    const inTeam = inCoalition("intervision_session.coalition_id", coalitionId);
    const teamSessions = sql`(select id from intervision_session where ${inTeam})`;
    for (const column of sessionColumns) {
      await sql`update intervision_session set ${sql.ref(column)} = ${to} where ${sql.ref(column)} = ${from} and ${inTeam}`.execute(trx);
    }
    await sql`update session_invitee set person_id = ${to} where person_id = ${from} and session_id in ${teamSessions}`.execute(trx);
    await sql`update slot_vote set person_id = ${to} where person_id = ${from}
        and slot_id in (select id from session_slot where session_id in ${teamSessions})`.execute(trx);
    await sql`update session_note set updated_by = ${to} where updated_by = ${from} and session_id in ${teamSessions}`.execute(trx);
    await sql`update session_action set owner_id = ${to} where owner_id = ${from} and session_id in ${teamSessions}`.execute(trx);
    await sql`update session_action set created_by = ${to} where created_by = ${from} and session_id in ${teamSessions}`.execute(trx);
    await sql`update session_evaluation set person_id = ${to} where person_id = ${from} and session_id in ${teamSessions}`.execute(trx);
    // A personal link to answer a poll is never handed over: it goes with the person's place in the team.
    await sql`delete from answer_token where person_id = ${from} and session_id in ${teamSessions}`.execute(trx);
  },
  async erase(trx, person) {
    await trx.deleteFrom("calendar_feed").where("person_id", "=", person.id).execute();
    await trx.deleteFrom("answer_token").where("person_id", "=", person.id).execute();
  },
};

export type SessionNote = { phase: number; body: unknown; text: string };

/**
 * Sessions the person was invited to or led, each with their own answers, evaluation and actions; the notes
 * and take-away only where sessionRole still makes them a participant. Four more queries per page, never per row.
 */
export async function* sessionPages(user: User) {
  const pages = keyset((after) =>
    db()
      .selectFrom("intervision_session as s")
      .innerJoin("coalition", "coalition.id", "s.coalition_id")
      .leftJoin("session_invitee as i", (join) => join.onRef("i.session_id", "=", "s.id").on("i.person_id", "=", user.id))
      .where((eb) => eb.or([eb("s.facilitator_id", "=", user.id), eb("i.person_id", "is not", null)]))
      .where(afterId("s.id", after))
      .select([
        "s.id",
        "s.coalition_id as coalitionId",
        "coalition.slug as coalition",
        "coalition.name as coalitionName",
        "s.title",
        "s.method",
        "s.status",
        "s.place",
        "s.starts_at as startsAt",
        "s.ends_at as endsAt",
        "s.facilitator_id as facilitatorId",
        "s.case_bringer_id as caseBringerId",
        "s.timekeeper_id as timekeeperId",
        "s.takeaway",
        "s.takeaway_text as takeawayText",
        "s.preparation_question as preparationQuestion",
        "i.rsvp",
        "i.volunteers_case as volunteersCase",
      ])
      .orderBy("s.id")
      .limit(PAGE_SIZE)
      .execute(),
  );
  for await (const sessions of pages) {
    const ids = sessions.map((session) => session.id);
    const participantIn = new Set(
      sessions
        .filter((session) => sessionRole(user, session, session.rsvp ? { rsvp: session.rsvp } : null) === "participant")
        .map((session) => session.id),
    );
    const [votes, evaluations, actions, notes] = await Promise.all([
      db()
        .selectFrom("slot_vote")
        .innerJoin("session_slot", "session_slot.id", "slot_vote.slot_id")
        .where("slot_vote.person_id", "=", user.id)
        .where("session_slot.session_id", "in", ids)
        .select(["session_slot.session_id as sessionId", "session_slot.starts_at as startsAt", "session_slot.ends_at as endsAt", "slot_vote.answer"])
        .orderBy("session_slot.starts_at")
        .execute(),
      db()
        .selectFrom("session_evaluation")
        .where("person_id", "=", user.id)
        .where("session_id", "in", ids)
        .select(["session_id as sessionId", "score", "comment", "updated_at as updatedAt"])
        .execute(),
      db()
        .selectFrom("session_action")
        .where("session_id", "in", ids)
        .where((eb) => eb.or([eb("owner_id", "=", user.id), eb("created_by", "=", user.id)]))
        .select(["id", "session_id as sessionId", "what", isoDayOrNull("session_action.due_on").as("dueOn"), "done_at as doneAt", "owner_id as ownerId", "created_at as createdAt"])
        .orderBy("created_at")
        .execute(),
      participantIn.size === 0
        ? Promise.resolve([])
        : db()
            .selectFrom("session_note")
            .where("session_id", "in", [...participantIn])
            .select(["session_id as sessionId", "phase", "body", "body_text as text"])
            .orderBy("phase")
            .execute(),
    ]);
    const of = <Row extends { sessionId: string }>(rows: Row[], id: string) => rows.filter((row) => row.sessionId === id);
    yield sessions.map((session) => {
      const participant = participantIn.has(session.id);
      return {
        ...session,
        // The case bringer's question goes to those coming: the case bringer and the participants.
        preparationQuestion: participant || session.caseBringerId === user.id ? session.preparationQuestion : null,
        participant,
        votes: of(votes, session.id),
        evaluation: of(evaluations, session.id)[0] ?? null,
        actions: of(actions, session.id),
        notes: participant ? (of(notes, session.id) as SessionNote[]) : null,
      };
    });
  }
}
