import { sql } from "kysely";
import { db } from "../../../db/db.server";
import { isRowId, milestoneReadableBy, readableBy, sessionRole, type Team, type User } from "../../auth/permissions.server";
import { activeQuestionChoices } from "./questions.server";

// Items linked to a learning question. A link says nothing about who may read the item: wherever links are
// shown or counted, each item is asked with its own page's permission rule.

export type LinkedItemType = "reflection" | "lesson" | "milestone" | "session";
export type LinkedItem = { questionId: string; type: LinkedItemType; id: string; title: string; linkedAt: Date };

/** The field on the items' forms that names the learning question ("" or absent: none). */
export const QUESTION_FIELD = "question";

/**
 * The question chosen on an item's form: a question id, null for "none", undefined when the form had no such
 * field (the coalition had no active questions), so that nothing changes.
 */
export function questionChoiceOf(formData: FormData): string | null | undefined {
  const value = formData.get(QUESTION_FIELD);
  if (value === null) return undefined;
  return typeof value === "string" && value !== "" ? value : null;
}

/** The "Leervraag" choice of an item's form: the coalition's active questions, and the one it is linked to now. */
export async function questionChoice(team: Team, item?: { type: LinkedItemType; id: string }) {
  const [options, selected] = await Promise.all([activeQuestionChoices(team), item ? linkedQuestionOf(item) : Promise.resolve("")]);
  return { options, selected };
}

/** The active question an item is linked to, to preselect on its edit form. */
async function linkedQuestionOf(item: { type: LinkedItemType; id: string }): Promise<string> {
  const row = await db()
    .selectFrom("learning_question_link as link")
    .innerJoin("learning_question as question", "question.id", "link.question_id")
    .where("link.item_type", "=", item.type)
    .where("link.item_id", "=", item.id)
    .where("question.status", "=", "active")
    .orderBy("link.linked_at", "desc")
    .select("link.question_id")
    .executeTakeFirst();
  return row?.question_id ?? "";
}

/**
 * Links an item the person has just saved to one of the coalition's active questions, or unlinks it (null).
 * Links to archived questions stay: they are that question's history. A question that is not active in this
 * coalition is ignored, as the form offers only those.
 */
export async function setItemQuestion(
  user: User,
  team: Team,
  item: { type: LinkedItemType; id: string },
  questionId: string | null | undefined,
): Promise<void> {
  if (questionId === undefined) return;
  if (questionId !== null && !isRowId(questionId)) return;
  await db()
    .transaction()
    .execute(async (trx) => {
      const active = trx.selectFrom("learning_question").where("coalition_id", "=", team.id).where("status", "=", "active").select("id");
      await trx
        .deleteFrom("learning_question_link")
        .where("item_type", "=", item.type)
        .where("item_id", "=", item.id)
        .where("question_id", "in", active)
        .$if(questionId !== null, (q) => q.where("question_id", "<>", questionId as string))
        .execute();
      if (questionId === null) return;
      await trx
        .insertInto("learning_question_link")
        .columns(["question_id", "item_type", "item_id", "linked_by"])
        .expression(
          active
            .where("id", "=", questionId)
            .select([sql.lit(item.type).as("item_type"), sql<string>`${item.id}::uuid`.as("item_id"), sql<string>`${user.id}::uuid`.as("linked_by")]),
        )
        .onConflict((oc) => oc.columns(["question_id", "item_type", "item_id"]).doNothing())
        .execute();
    });
}

/** What this reader may read of the items linked to these questions, newest link first. */
export async function readableLinks(user: User, questionIds: string[]): Promise<LinkedItem[]> {
  if (questionIds.length === 0) return [];
  const links = () => db().selectFrom("learning_question_link as link").where("link.question_id", "in", questionIds);
  const [reflections, lessons, milestones, sessions] = await Promise.all([
    links()
      .innerJoin("reflection", (join) => join.onRef("reflection.id", "=", "link.item_id").on("link.item_type", "=", "reflection"))
      .where("reflection.deleted_at", "is", null)
      .where(readableBy(user, "reflection"))
      .select(["link.question_id as questionId", "reflection.id", "reflection.title", "link.linked_at as linkedAt"])
      .execute(),
    links()
      .innerJoin("lesson", (join) => join.onRef("lesson.id", "=", "link.item_id").on("link.item_type", "=", "lesson"))
      .where("lesson.deleted_at", "is", null)
      .where(readableBy(user, "lesson"))
      .select(["link.question_id as questionId", "lesson.id", "lesson.statement as title", "link.linked_at as linkedAt"])
      .execute(),
    links()
      .innerJoin("milestone", (join) => join.onRef("milestone.id", "=", "link.item_id").on("link.item_type", "=", "milestone"))
      .where("milestone.deleted_at", "is", null)
      .where(milestoneReadableBy(user, "milestone"))
      .select(["link.question_id as questionId", "milestone.id", "milestone.title", "link.linked_at as linkedAt"])
      .execute(),
    links()
      .innerJoin("intervision_session as session", (join) => join.onRef("session.id", "=", "link.item_id").on("link.item_type", "=", "session"))
      .leftJoin("session_invitee as invitee", (join) => join.onRef("invitee.session_id", "=", "session.id").on("invitee.person_id", "=", user.id))
      .where("session.takeaway_text", "<>", "")
      .select([
        "link.question_id as questionId",
        "session.id",
        "session.title",
        "session.coalition_id as coalitionId",
        "session.facilitator_id as facilitatorId",
        "invitee.rsvp",
        "link.linked_at as linkedAt",
      ])
      .execute(),
  ]);
  // A session shows only its take-away, and only to its participants (never its notes).
  const takeaways = sessions
    .filter((row) => sessionRole(user, row, row.rsvp ? { rsvp: row.rsvp } : null) === "participant")
    .map(({ questionId, id, title, linkedAt }) => ({ questionId, id, title, linkedAt, type: "session" as const }));
  return [
    ...reflections.map((row) => ({ ...row, type: "reflection" as const })),
    ...lessons.map((row) => ({ ...row, type: "lesson" as const })),
    ...milestones.map((row) => ({ ...row, type: "milestone" as const })),
    ...takeaways,
  ].sort((a, b) => new Date(b.linkedAt).getTime() - new Date(a.linkedAt).getTime());
}
