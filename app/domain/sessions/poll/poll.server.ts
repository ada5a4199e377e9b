import { sql } from "kysely";
import { db } from "../../../../db/db.server";
import type { SlotAnswer } from "../../../../db/schema";
import { notFound, rowIdOrNotFound, type Team, type User } from "../../../auth/permissions.server";
import { openOwnSession, openSession, refuse, sessionColumns, type Outcome, type SessionRow } from "../session-access.server";
import { announceSession } from "../session-notices.server";

// The availability poll: everyone invited answers per candidate time, the facilitator confirms one. A "yes"
// in the poll for the time that is confirmed counts as coming, so nobody is asked twice; whoever wants to
// change it answers the invitation again.

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
export async function pollOf(session: SessionRow, voters: Person[], invitees: Person[], me: string) {
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

/** An invitee's (or the facilitator's) answers to the poll; closed once a time is confirmed. */
export async function voteOnTimes(
  user: User,
  team: Team,
  id: string | undefined,
  answers: Record<string, SlotAnswer>,
): Promise<Outcome> {
  const { session, role } = await openSession(user, team, id);
  if (role === "observer") throw notFound();
  return recordVotes(session.id, user.id, answers);
}

/** One person's answers to a session's poll (also from the personal link in a reminder, /answer/:token). */
export async function recordVotes(sessionId: string, personId: string, answers: Record<string, SlotAnswer>): Promise<Outcome> {
  return db()
    .transaction()
    .execute(async (trx) => {
      // Locked, so that a vote and the confirmation cannot cross: a vote after it is refused.
      const current = await trx
        .selectFrom("intervision_session")
        .where("id", "=", sessionId)
        .select("status")
        .forUpdate()
        .executeTakeFirstOrThrow();
      if (current.status !== "polling") return refuse("poll.closed");
      const slots = await trx.selectFrom("session_slot").where("session_id", "=", sessionId).select("id").execute();
      const votes = slots
        .filter((slot) => answers[slot.id])
        .map((slot) => ({ slot_id: slot.id, person_id: personId, answer: answers[slot.id] }));
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
  await announceSession("confirmed", confirmed, user, origin);
  return { ok: true };
}

