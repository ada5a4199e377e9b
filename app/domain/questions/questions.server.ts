import { sql, type Transaction } from "kysely";
import { db } from "../../../db/db.server";
import type { Database, QuestionStatus } from "../../../db/schema";
import { membershipIn, notFound, requireTeamMember, rowIdOrNotFound, type Team, type User } from "../../auth/permissions.server";
import { todayInAmsterdam } from "../../i18n/dates";
import type { MessageKey } from "../../i18n/i18n";
import { isActiveMember } from "../milestones/milestones.server";
import { knownThemeIds } from "../programme/themes.server";
import { MAX_ACTIVE_QUESTIONS } from "./question-form";

// A coalition's learning questions: what it sets out to learn. Members propose, facilitators take a proposal on
// the agenda (at most seven at once), edit, reorder and archive. Only the coalition's own people read them here;
// the funder compares the active ones on the programme's page.

export type QuestionInput = {
  question: string;
  explanation: string;
  themeIds: string[];
  ownerId: string | null;
  harvestDates: string[];
};
export type Refusal = { ok: false; message: MessageKey; field?: string };

export function isFacilitator(user: User, team: Team): boolean {
  return membershipIn(user, team.id)?.role === "facilitator";
}

const themesOf = sql<{ id: string; name_nl: string; name_en: string }[]>`coalesce((
  select json_agg(json_build_object('id', t.id, 'name_nl', t.name_nl, 'name_en', t.name_en) order by t.position)
  from learning_question_theme qt join theme t on t.id = qt.theme_id where qt.question_id = learning_question.id), '[]')`;

const harvestDatesOf = sql<string[]>`coalesce((
  select json_agg(to_char(d.planned_on, 'YYYY-MM-DD') order by d.planned_on)
  from learning_question_harvest_date d where d.question_id = learning_question.id), '[]')`;

/** The columns every page shows of a question. */
function questionsOf(teamId: string) {
  return db()
    .selectFrom("learning_question")
    .leftJoin("person as owner", "owner.id", "learning_question.owner_id")
    .leftJoin("person as proposer", "proposer.id", "learning_question.proposed_by")
    .where("learning_question.coalition_id", "=", teamId)
    .select([
      "learning_question.id",
      "learning_question.question",
      "learning_question.explanation",
      "learning_question.status",
      "learning_question.position",
      "learning_question.version",
      "learning_question.owner_id as ownerId",
      "owner.name as ownerName",
      "proposer.name as proposedByName",
      "learning_question.created_at as createdAt",
      themesOf.as("themes"),
      harvestDatesOf.as("harvestDates"),
    ]);
}

/** The coalition's questions for its own people: on the agenda in their order, proposals, the archive. */
export async function listQuestions(user: User, team: Team) {
  requireTeamMember(user, team);
  const rows = await questionsOf(team.id).orderBy("learning_question.position").orderBy("learning_question.created_at").execute();
  const by = (status: QuestionStatus) => rows.filter((row) => row.status === status);
  return { active: by("active"), proposed: by("proposed"), archived: by("archived"), canManage: isFacilitator(user, team) };
}

/** One question of this coalition, for its members; anyone else (and a question of another coalition) 404. */
export async function getQuestion(user: User, team: Team, id: string | undefined) {
  requireTeamMember(user, team);
  const row = await questionsOf(team.id).where("learning_question.id", "=", rowIdOrNotFound(id)).executeTakeFirst();
  if (!row) throw notFound();
  return { ...row, canManage: isFacilitator(user, team) };
}

export type Question = Awaited<ReturnType<typeof getQuestion>>;

/** A question a facilitator may edit; for anyone else 404. */
export async function getQuestionForEditing(user: User, team: Team, id: string | undefined): Promise<Question> {
  const question = await getQuestion(user, team, id);
  if (!question.canManage) throw notFound();
  return question;
}

/** The coalition's active questions, for the "Leervraag" choice on the items' forms. */
export function activeQuestionChoices(team: Team) {
  return db()
    .selectFrom("learning_question")
    .where("coalition_id", "=", team.id)
    .where("status", "=", "active")
    .select(["id", "question"])
    .orderBy("position")
    .orderBy("created_at")
    .execute();
}

/** What the database cannot check of the input: the owner is in the team, new harvest dates are not in the past. */
async function checkInput(team: Team, input: QuestionInput, before?: Question): Promise<Refusal | null> {
  if (input.ownerId && input.ownerId !== before?.ownerId && !(await isActiveMember(team, input.ownerId))) {
    return { ok: false, message: "questions.error.ownerNotMember", field: "owner" };
  }
  const today = todayInAmsterdam();
  // A date that has passed may stay (it was planned then); a new one must be today or later.
  const kept = new Set(before?.harvestDates ?? []);
  if (input.harvestDates.some((day) => day < today && !kept.has(day))) {
    return { ok: false, message: "questions.error.datePast", field: "harvestDates" };
  }
  return null;
}

/** Locks the coalition's agenda for the count of active questions, so two facilitators cannot both add the eighth. */
async function agendaIsFull(trx: Transaction<Database>, teamId: string, except?: string): Promise<boolean> {
  await trx.selectFrom("coalition").where("id", "=", teamId).select("id").forUpdate().executeTakeFirst();
  let query = trx
    .selectFrom("learning_question")
    .where("coalition_id", "=", teamId)
    .where("status", "=", "active")
    .select(sql<number>`count(*)::int`.as("count"));
  if (except) query = query.where("id", "<>", except);
  const { count } = await query.executeTakeFirstOrThrow();
  return Number(count) >= MAX_ACTIVE_QUESTIONS;
}

/** Themes and dates as given; themeIds already checked against the shared list (before the transaction). */
async function saveThemesAndDates(trx: Transaction<Database>, questionId: string, input: QuestionInput, themeIds: string[]) {
  await trx.deleteFrom("learning_question_theme").where("question_id", "=", questionId).execute();
  if (themeIds.length) {
    await trx.insertInto("learning_question_theme").values(themeIds.map((theme_id) => ({ question_id: questionId, theme_id }))).execute();
  }
  const days = [...new Set(input.harvestDates)];
  // Dates that stay keep whether their reminder went out.
  let removed = trx.deleteFrom("learning_question_harvest_date").where("question_id", "=", questionId);
  if (days.length) removed = removed.where("planned_on", "not in", days);
  await removed.execute();
  if (days.length) {
    await trx
      .insertInto("learning_question_harvest_date")
      .values(days.map((planned_on) => ({ question_id: questionId, planned_on })))
      .onConflict((oc) => oc.columns(["question_id", "planned_on"]).doNothing())
      .execute();
  }
}

export type CreateOutcome = { ok: true; id: string } | Refusal;

/** A member proposes a question; a facilitator puts it on the agenda at once (unless seven are already there). */
export async function addQuestion(user: User, team: Team, input: QuestionInput): Promise<CreateOutcome> {
  requireTeamMember(user, team);
  const refusal = await checkInput(team, input);
  if (refusal) return refusal;
  const status: QuestionStatus = isFacilitator(user, team) ? "active" : "proposed";
  const themeIds = await knownThemeIds(input.themeIds);
  return db()
    .transaction()
    .execute(async (trx): Promise<CreateOutcome> => {
      if (status === "active" && (await agendaIsFull(trx, team.id))) return { ok: false, message: "questions.error.agendaFull" };
      const { id } = await trx
        .insertInto("learning_question")
        .values({
          coalition_id: team.id,
          question: input.question,
          explanation: input.explanation,
          status,
          owner_id: input.ownerId,
          proposed_by: user.id,
          position: sql<number>`(select coalesce(max(position), 0) + 1 from learning_question where coalition_id = ${team.id})`,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await saveThemesAndDates(trx, id, input, themeIds);
      return { ok: true, id };
    });
}

export type SaveOutcome = { ok: true } | Refusal | { ok: false; current: Question };

/** A facilitator saves new wording, themes, owner and harvest dates, only if nobody saved in between. */
export async function updateQuestion(user: User, team: Team, id: string | undefined, version: number, input: QuestionInput): Promise<SaveOutcome> {
  const question = await getQuestionForEditing(user, team, id);
  const refusal = await checkInput(team, input, question);
  if (refusal) return refusal;
  const themeIds = await knownThemeIds(input.themeIds);
  const saved = await db()
    .transaction()
    .execute(async (trx) => {
      const result = await trx
        .updateTable("learning_question")
        .set({
          question: input.question,
          explanation: input.explanation,
          owner_id: input.ownerId,
          version: sql<number>`version + 1`,
          updated_at: sql<Date>`now()`,
        })
        .where("id", "=", question.id)
        .where("version", "=", Number.isInteger(version) ? version : -1)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return false;
      await saveThemesAndDates(trx, question.id, input, themeIds);
      return true;
    });
  if (saved) return { ok: true };
  return { ok: false, current: await getQuestionForEditing(user, team, id) };
}

export type Step = { intent: "activate" | "archive" | "up" | "down"; id: string; version: number };

/**
 * A facilitator takes a proposal on the agenda (refused when seven are there), archives a question, or moves
 * an active one up or down. A button pressed on a page that was out of date changes nothing.
 */
export async function stepQuestion(user: User, team: Team, step: Step): Promise<{ ok: true } | Refusal> {
  const question = await getQuestionForEditing(user, team, step.id);
  return db()
    .transaction()
    .execute(async (trx): Promise<{ ok: true } | Refusal> => {
      const current = await trx
        .selectFrom("learning_question")
        .where("id", "=", question.id)
        .where("version", "=", step.version)
        .select(["status", "position"])
        .forUpdate()
        .executeTakeFirst();
      if (!current) return { ok: false, message: "questions.error.stale" };
      const bump = { version: sql<number>`version + 1`, updated_at: sql<Date>`now()` };
      if (step.intent === "activate") {
        if (current.status === "active") return { ok: true };
        if (await agendaIsFull(trx, team.id, question.id)) return { ok: false, message: "questions.error.agendaFull" };
        const position = sql<number>`(select coalesce(max(position), 0) + 1 from learning_question where coalition_id = ${team.id} and status = 'active')`;
        await trx.updateTable("learning_question").set({ status: "active", position, ...bump }).where("id", "=", question.id).execute();
        return { ok: true };
      }
      if (step.intent === "archive") {
        await trx.updateTable("learning_question").set({ status: "archived", ...bump }).where("id", "=", question.id).execute();
        return { ok: true };
      }
      if (current.status !== "active") return { ok: true };
      const up = step.intent === "up";
      const neighbour = await trx
        .selectFrom("learning_question")
        .where("coalition_id", "=", team.id)
        .where("status", "=", "active")
        .where("id", "<>", question.id)
        .where("position", up ? "<=" : ">=", current.position)
        .orderBy("position", up ? "desc" : "asc")
        .select(["id", "position"])
        .limit(1)
        .executeTakeFirst();
      if (!neighbour) return { ok: true };
      // Equal positions (two added at once) still swap into a clear order.
      const theirs = neighbour.position === current.position ? current.position + (up ? 1 : -1) : current.position;
      await trx.updateTable("learning_question").set({ position: neighbour.position, ...bump }).where("id", "=", question.id).execute();
      await trx.updateTable("learning_question").set({ position: theirs, ...bump }).where("id", "=", neighbour.id).execute();
      return { ok: true };
    });
}
