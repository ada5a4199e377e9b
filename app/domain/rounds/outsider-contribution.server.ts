import { db } from "../../../db/db.server";
import type { Perspective } from "../../../db/schema";
import { notFound } from "../../auth/permissions.server";
import { perspectives as allPerspectives } from "../vocabulary";
import type { OutsiderContribution } from "./round-form";
import { roundDays, roundState, type RoundState } from "./rounds.server";
import { countAttempt } from "../../server/throttle.server";

// A round's link (/rounds/:token) for people without an account: the question, a text, an optional name and a
// perspective among those asked. Only for a round open to outsiders (any other token is 404), and only between
// its dates. A robot that fills in the honeypot is thanked like anyone else and nothing is saved; too many sends
// from one address (or to one round) in an hour are refused for a while.

export const MAX_ATTEMPTS_PER_ADDRESS = 10;
export const MAX_ATTEMPTS_PER_ROUND = 300;

async function roundOfLink(token: string | undefined) {
  if (!token || token.length > 100) throw notFound();
  const round = await db()
    .selectFrom("input_round")
    .innerJoin("coalition", "coalition.id", "input_round.coalition_id")
    .where("input_round.public_token", "=", token)
    .where("input_round.open_to_outsiders", "=", true)
    .select([
      "input_round.id",
      "input_round.question",
      "input_round.perspectives",
      ...roundDays,
      "coalition.name as coalitionName",
      "coalition.place as coalitionPlace",
    ])
    .executeTakeFirst();
  if (!round) throw notFound();
  return round;
}

export type OutsiderRoundPage = {
  question: string;
  coalitionName: string;
  coalitionPlace: string;
  opensOn: string;
  closesOn: string;
  state: RoundState;
  perspectives: Perspective[];
};

export async function roundForOutsiders(token: string | undefined, now = new Date()): Promise<OutsiderRoundPage> {
  const round = await roundOfLink(token);
  return {
    question: round.question,
    coalitionName: round.coalitionName,
    coalitionPlace: round.coalitionPlace,
    opensOn: round.opensOn,
    closesOn: round.closesOn,
    state: roundState(round, now),
    perspectives: allPerspectives.filter((p) => round.perspectives.includes(p)),
  };
}

export type OutsiderOutcome =
  | { ok: true }
  | { ok: false; reason: "throttled" | "closed" }
  | { ok: false; reason: "perspective" };

export async function contributeAsOutsider(
  token: string | undefined,
  input: OutsiderContribution,
  context: { address: string; now?: Date },
): Promise<OutsiderOutcome> {
  const now = context.now ?? new Date();
  const round = await roundOfLink(token);
  if (!(await countAttempt({ table: "round_contribution_attempt", column: "round_id", id: round.id }, context.address, { perAddress: MAX_ATTEMPTS_PER_ADDRESS, inAll: MAX_ATTEMPTS_PER_ROUND }, now))) return { ok: false, reason: "throttled" };
  if (roundState(round, now) !== "open") return { ok: false, reason: "closed" };
  if (!round.perspectives.includes(input.perspective)) return { ok: false, reason: "perspective" };
  if (input.website) return { ok: true };
  await db()
    .insertInto("round_contribution")
    .values({ round_id: round.id, body: input.body, perspective: input.perspective, author_name: input.name || null })
    .execute();
  return { ok: true };
}

