import { randomBytes } from "node:crypto";
import { sql, type Transaction } from "kysely";
import { db } from "../../../db/db.server";
import type { Database, Perspective } from "../../../db/schema";
import { membershipIn, notFound, rowIdOrNotFound, type Team, type User } from "../../auth/permissions.server";
import { todayInAmsterdam } from "../../i18n/dates";
import type { Refusal } from "../../ui/form-answer.server";
import { perspectives as allPerspectives } from "../vocabulary";
import type { RoundInput } from "./round-form";

// Input rounds: a question put to the coalition's perspectives, each of which speaks separately. The team's
// members read the rounds and contribute; the facilitators open them and, with the editors they add, group the
// contributions into themes and mark the ones that shape an article of the agreement. Everyone else gets 404.

export type RoundState = "coming" | "open" | "closed";
export type PerspectiveCount = { perspective: Perspective; count: number };

/** Open between its dates (both included), in Amsterdam. */
export function roundState(round: { opensOn: string; closesOn: string }, now = new Date()): RoundState {
  const today = todayInAmsterdam(now);
  if (today < round.opensOn) return "coming";
  return today > round.closesOn ? "closed" : "open";
}

/** A round's dates as 'YYYY-MM-DD' (the drivers would make them a Date at midnight in some time zone). */
export const roundDays = [
  sql<string>`to_char(input_round.opens_on, 'YYYY-MM-DD')`.as("opensOn"),
  sql<string>`to_char(input_round.closes_on, 'YYYY-MM-DD')`.as("closesOn"),
] as const;

const roundColumns = [
  "input_round.id",
  "input_round.coalition_id as coalitionId",
  "input_round.question",
  "input_round.perspectives",
  ...roundDays,
  "input_round.open_to_outsiders as openToOutsiders",
  "input_round.public_token as publicToken",
  "input_round.outcome_shared_at as outcomeSharedAt",
] as const;

/** The perspectives asked, in the product's fixed order. */
function inOrder(asked: Perspective[]): Perspective[] {
  return allPerspectives.filter((p) => asked.includes(p));
}

function countsOf(asked: Perspective[], rows: { perspective: Perspective; count: number }[]): PerspectiveCount[] {
  return inOrder(asked).map((perspective) => ({ perspective, count: rows.find((r) => r.perspective === perspective)?.count ?? 0 }));
}

/** The team's rounds, open first, then coming, then closed, each with its contributions counted per perspective. */
export async function listRounds(user: User, team: Team, now = new Date()) {
  if (!membershipIn(user, team.id)) throw notFound();
  const rounds = await db()
    .selectFrom("input_round")
    .where("coalition_id", "=", team.id)
    .select(roundColumns)
    .orderBy("opens_on", "desc")
    .orderBy("created_at", "desc")
    .execute();
  const counts = rounds.length
    ? await db()
        .selectFrom("round_contribution")
        .where("round_id", "in", rounds.map((r) => r.id))
        .groupBy(["round_id", "perspective"])
        .select(["round_id as roundId", "perspective", sql<number>`count(*)::int`.as("count")])
        .execute()
    : [];
  const listed = rounds.map((round) => ({
    id: round.id,
    question: round.question,
    opensOn: round.opensOn,
    closesOn: round.closesOn,
    openToOutsiders: round.openToOutsiders,
    state: roundState(round, now),
    counts: countsOf(round.perspectives, counts.filter((c) => c.roundId === round.id)),
  }));
  return {
    open: listed.filter((r) => r.state === "open"),
    coming: listed.filter((r) => r.state === "coming").reverse(),
    closed: listed.filter((r) => r.state === "closed"),
    canOpen: membershipIn(user, team.id)?.role === "facilitator",
  };
}

/** Opening a round: the coalition's facilitators. */
export function requireRoundOpener(user: User, team: Team): void {
  if (membershipIn(user, team.id)?.role !== "facilitator") throw notFound();
}

/** The round's link is printed on paper and typed over from it: short, without look-alike characters. */
function newPublicToken(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  return Array.from(randomBytes(12), (byte) => alphabet[byte % alphabet.length]).join("");
}

export async function openRound(user: User, team: Team, input: RoundInput): Promise<{ id: string }> {
  requireRoundOpener(user, team);
  return db()
    .insertInto("input_round")
    .values({
      coalition_id: team.id,
      question: input.question,
      perspectives: inOrder(input.perspectives),
      opens_on: input.opensOn,
      closes_on: input.closesOn,
      open_to_outsiders: input.openToOutsiders,
      public_token: newPublicToken(),
      created_by: user.id,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
}

/** The round, for a member of its coalition only; with what this person may do with it. */
async function roundFor(user: User, team: Team, id: string | undefined) {
  const membership = membershipIn(user, team.id);
  if (!membership) throw notFound();
  const round = await db()
    .selectFrom("input_round")
    .where("input_round.id", "=", rowIdOrNotFound(id))
    .where("input_round.coalition_id", "=", team.id)
    .select(roundColumns)
    .select(sql<boolean>`exists (select 1 from round_editor e where e.round_id = input_round.id and e.person_id = ${user.id})`.as("isEditor"))
    .executeTakeFirst();
  if (!round) throw notFound();
  const facilitator = membership.role === "facilitator";
  return { ...round, facilitator, canGroup: facilitator || round.isEditor };
}

async function ownPerspective(user: User, team: Team): Promise<Perspective> {
  const row = await db()
    .selectFrom("membership")
    .where("coalition_id", "=", team.id)
    .where("person_id", "=", user.id)
    .select("perspective")
    .executeTakeFirstOrThrow();
  return row.perspective;
}

/** Everything the round's page shows this member. */
export async function roundPage(user: User, team: Team, id: string | undefined, now = new Date()) {
  const round = await roundFor(user, team, id);
  const [contributions, groups, perspective] = await Promise.all([
    db()
      .selectFrom("round_contribution")
      .leftJoin("person", "person.id", "round_contribution.person_id")
      .where("round_contribution.round_id", "=", round.id)
      .select([
        "round_contribution.id",
        "round_contribution.body",
        "round_contribution.perspective",
        "round_contribution.person_id as personId",
        // A member's name as it is now (empty for someone who left); an outsider's as they typed it.
        sql<string | null>`case when round_contribution.person_id is null then round_contribution.author_name else person.name end`.as("name"),
        "round_contribution.round_theme_id as groupId",
        "round_contribution.shapes_article as shapesArticle",
        "round_contribution.created_at as createdAt",
      ])
      .orderBy("round_contribution.created_at")
      .orderBy("round_contribution.id")
      .execute(),
    roundGroups(round.id),
    ownPerspective(user, team),
  ]);
  const [themes, editors, members] = round.canGroup
    ? await Promise.all([
        db().selectFrom("theme").where("archived_at", "is", null).select(["id", "name_nl", "name_en"]).orderBy("position").execute(),
        db().selectFrom("round_editor").where("round_id", "=", round.id).select("person_id").execute(),
        round.facilitator ? teamMembers(team) : Promise.resolve([]),
      ])
    : [[], [], []];
  const asked = inOrder(round.perspectives);
  return {
    round: {
      id: round.id,
      question: round.question,
      opensOn: round.opensOn,
      closesOn: round.closesOn,
      openToOutsiders: round.openToOutsiders,
      outcomeSharedAt: round.outcomeSharedAt,
      state: roundState(round, now),
      perspectives: asked,
      // The link is the facilitators' to hand out.
      publicToken: round.facilitator && round.openToOutsiders ? round.publicToken : null,
    },
    canGroup: round.canGroup,
    facilitator: round.facilitator,
    own: { perspective, asked: asked.includes(perspective) },
    perspectives: asked.map((p) => {
      const mine = contributions.filter((c) => c.perspective === p);
      return { perspective: p, count: mine.length, contributions: mine };
    }),
    // A contribution from a perspective no longer asked still counts and shows (it was asked when it came).
    others: contributions.filter((c) => !asked.includes(c.perspective)),
    groups,
    themes,
    editors: editors.map((e) => e.person_id),
    members,
  };
}

/** The round's groups with how many contributions each holds: a programme theme or a label of its own. */
export function roundGroups(roundId: string) {
  return db()
    .selectFrom("round_theme")
    .leftJoin("theme", "theme.id", "round_theme.theme_id")
    .where("round_theme.round_id", "=", roundId)
    .select([
      "round_theme.id",
      "round_theme.theme_id as themeId",
      "round_theme.label",
      "theme.name_nl as themeNl",
      "theme.name_en as themeEn",
      sql<number>`(select count(*)::int from round_contribution c where c.round_theme_id = round_theme.id)`.as("count"),
    ])
    .orderBy(sql`coalesce(theme.name_nl, round_theme.label)`)
    .execute();
}

function teamMembers(team: Team) {
  return db()
    .selectFrom("membership")
    .innerJoin("person", "person.id", "membership.person_id")
    .where("membership.coalition_id", "=", team.id)
    .where("membership.role", "=", "member")
    .where("person.deactivated_at", "is", null)
    .select(["person.id", "person.name"])
    .orderBy("person.name")
    .execute();
}

/** A member's contribution, with their membership's perspective: while the round is open and asks it. */
export async function contribute(user: User, team: Team, id: string | undefined, body: string, now = new Date()): Promise<{ ok: true } | Refusal> {
  const round = await roundFor(user, team, id);
  if (roundState(round, now) !== "open") return { ok: false, message: "round.error.notOpen" };
  const perspective = await ownPerspective(user, team);
  if (!round.perspectives.includes(perspective)) return { ok: false, message: "round.error.perspectiveNotAsked", field: "body" };
  await db().insertInto("round_contribution").values({ round_id: round.id, body, perspective, person_id: user.id }).execute();
  return { ok: true };
}

/** Grouping needs the facilitator or an editor of the round; anyone else finds nothing. */
async function roundForGrouping(user: User, team: Team, id: string | undefined) {
  const round = await roundFor(user, team, id);
  if (!round.canGroup) throw notFound();
  return round;
}

/**
 * Puts one contribution in a group (a theme of the programme's list or a label of the round, made the first
 * time it is chosen) or in none, and marks whether it shapes an article. Groups left empty are removed.
 */
export async function groupContribution(
  user: User,
  team: Team,
  id: string | undefined,
  input: { contribution: string; group?: string; newLabel?: string; shapesArticle: boolean },
): Promise<{ ok: true } | Refusal> {
  const round = await roundForGrouping(user, team, id);
  return db()
    .transaction()
    .execute(async (trx) => {
      const contribution = await trx
        .selectFrom("round_contribution")
        .where("id", "=", input.contribution)
        .where("round_id", "=", round.id)
        .select("id")
        .executeTakeFirst();
      if (!contribution) throw notFound();
      let groupId: string | null = null;
      const [kind, ref] = (input.group ?? "").split(":");
      if (input.newLabel) {
        const existing = await trx
          .selectFrom("round_theme")
          .where("round_id", "=", round.id)
          .where(sql`lower(label)`, "=", input.newLabel.toLowerCase())
          .select("id")
          .executeTakeFirst();
        groupId =
          existing?.id ??
          (await trx.insertInto("round_theme").values({ round_id: round.id, label: input.newLabel }).returning("id").executeTakeFirstOrThrow()).id;
      } else if (kind === "theme" && ref) {
        const theme = await trx.selectFrom("theme").where("id", "=", rowIdOrNotFound(ref)).where("archived_at", "is", null).select("id").executeTakeFirst();
        if (!theme) return { ok: false, message: "error.choose", field: "group" } satisfies Refusal;
        const existing = await trx.selectFrom("round_theme").where("round_id", "=", round.id).where("theme_id", "=", theme.id).select("id").executeTakeFirst();
        groupId =
          existing?.id ??
          (await trx.insertInto("round_theme").values({ round_id: round.id, theme_id: theme.id }).returning("id").executeTakeFirstOrThrow()).id;
      } else if (kind === "label" && ref) {
        const label = await trx.selectFrom("round_theme").where("id", "=", rowIdOrNotFound(ref)).where("round_id", "=", round.id).select("id").executeTakeFirst();
        if (!label) return { ok: false, message: "error.choose", field: "group" } satisfies Refusal;
        groupId = label.id;
      }
      await trx
        .updateTable("round_contribution")
        .set({ round_theme_id: groupId, shapes_article: input.shapesArticle })
        .where("id", "=", contribution.id)
        .execute();
      await removeEmptyGroups(trx, round.id);
      return { ok: true } as const;
    });
}

// An article of the agreement may point at a group: such a group stays even when it has no contributions left.
async function removeEmptyGroups(trx: Transaction<Database>, roundId: string) {
  await sql`delete from round_theme t where t.round_id = ${roundId}
      and not exists (select 1 from round_contribution c where c.round_theme_id = t.id)
      and not exists (select 1 from agreement_article_source s where s.round_theme_id = t.id)`.execute(trx);
}

/** The facilitator chooses the editors among the coalition's members; anyone else is ignored. */
export async function setRoundEditors(user: User, team: Team, id: string | undefined, personIds: string[]): Promise<{ ok: true }> {
  const round = await roundFor(user, team, id);
  if (!round.facilitator) throw notFound();
  const allowed = new Set((await teamMembers(team)).map((m) => m.id));
  const editors = [...new Set(personIds)].filter((p) => allowed.has(p));
  await db()
    .transaction()
    .execute(async (trx) => {
      await trx.deleteFrom("round_editor").where("round_id", "=", round.id).execute();
      if (editors.length) await trx.insertInto("round_editor").values(editors.map((person_id) => ({ round_id: round.id, person_id }))).execute();
    });
  return { ok: true };
}

/** Sharing what came out of the round with the network (the funder then reads the texts), or taking it back. */
export async function shareRoundOutcome(user: User, team: Team, id: string | undefined, shared: boolean, now = new Date()): Promise<{ ok: true }> {
  const round = await roundFor(user, team, id);
  if (!round.facilitator) throw notFound();
  await db()
    .updateTable("input_round")
    .set({ outcome_shared_at: shared ? now : null })
    .where("id", "=", round.id)
    .execute();
  return { ok: true };
}
