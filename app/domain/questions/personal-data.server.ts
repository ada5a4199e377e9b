import { sql } from "kysely";
import { db } from "../../../db/db.server";
import { membershipIn, type User } from "../../auth/permissions.server";
import { afterId, inCoalition, keyset, onePage, PAGE_SIZE, type PersonalRows } from "../privacy/personal-rows.server";

// Learning questions a person proposed or owns, and the links they made from their items: exported; on leaving,
// handed to the stand-in, as the coalition keeps its agenda.

export const questionRows: PersonalRows = {
  module: "questions",
  covers: [
    { table: "learning_question", column: "owner_id" },
    { table: "learning_question", column: "proposed_by" },
    { table: "learning_question_link", column: "linked_by" },
  ],
  async handOver(trx, { from, to, coalitionId }) {
    const inTeam = inCoalition("learning_question.coalition_id", coalitionId);
    await sql`update learning_question set proposed_by = ${to} where proposed_by = ${from} and ${inTeam}`.execute(trx);
    await sql`update learning_question set owner_id = ${to} where owner_id = ${from} and ${inTeam}`.execute(trx);
    await sql`update learning_question_link set linked_by = ${to} where linked_by = ${from}
        and question_id in (select id from learning_question where ${inTeam})`.execute(trx);
  },
};

/** The questions the person proposed, and those they own while they are in the coalition. */
export async function* questionPages(user: User) {
  const pages = keyset((after) =>
    db()
      .selectFrom("learning_question")
      .innerJoin("coalition", "coalition.id", "learning_question.coalition_id")
      .where((eb) => eb.or([eb("learning_question.proposed_by", "=", user.id), eb("learning_question.owner_id", "=", user.id)]))
      .where(afterId("learning_question.id", after))
      .select([
        "learning_question.id",
        "learning_question.coalition_id as coalitionId",
        "coalition.slug as coalition",
        "learning_question.question",
        "learning_question.explanation",
        "learning_question.status",
        "learning_question.proposed_by as proposedBy",
        "learning_question.owner_id as ownerId",
        "learning_question.created_at as createdAt",
        "learning_question.updated_at as updatedAt",
      ])
      .orderBy("learning_question.id")
      .limit(PAGE_SIZE)
      .execute(),
  );
  for await (const page of pages) {
    yield page
      // Owning a question of a coalition one has left gives no reading of it any more.
      .filter((row) => row.proposedBy === user.id || membershipIn(user, row.coalitionId))
      .map(({ coalitionId: _, proposedBy, ownerId, ...row }) => ({ ...row, proposedByMe: proposedBy === user.id, ownedByMe: ownerId === user.id }));
  }
}

/** The links the person made from an item to a question (a handful per person): which question, which item, when. */
export function questionLinkPages(user: User) {
  return onePage(
    db()
      .selectFrom("learning_question_link")
      .where("linked_by", "=", user.id)
      .select(["question_id as questionId", "item_type as itemType", "item_id as itemId", "linked_at as linkedAt"])
      .orderBy("linked_at")
      .execute(),
  );
}
