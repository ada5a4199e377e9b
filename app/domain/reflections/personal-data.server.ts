import { sql } from "kysely";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import { db } from "../../../db/db.server";
import type { User } from "../../auth/permissions.server";
import { afterId, inCoalition, isoDay, keyset, PAGE_SIZE, type PersonalRows } from "../privacy/personal-rows.server";

// A person's reflections and comments: exported as theirs; on leaving, handed to the stand-in (private
// reflections too, unless a facilitator removed them, who leaves those with the person).

export const reflectionRows: PersonalRows = {
  module: "reflections",
  covers: [
    { table: "reflection", column: "author_id" },
    { table: "reflection_comment", column: "author_id" },
  ],
  async handOver(trx, { from, to, coalitionId, keepPrivate }) {
    await sql`update reflection set author_id = ${to} where author_id = ${from} and ${inCoalition("reflection.coalition_id", coalitionId)}
        ${keepPrivate ? sql`and visibility <> 'private'` : sql``}`.execute(trx);
    await sql`update reflection_comment set author_id = ${to} where author_id = ${from}
        and reflection_id in (select id from reflection where ${inCoalition("reflection.coalition_id", coalitionId)})`.execute(trx);
  },
};

export function reflectionPages(user: User) {
  return keyset((after) =>
    db()
      .selectFrom("reflection")
      .innerJoin("coalition", "coalition.id", "reflection.coalition_id")
      .where("reflection.author_id", "=", user.id)
      .where(afterId("reflection.id", after))
      .select((eb) => [
        "reflection.id",
        "coalition.slug as coalition",
        "coalition.name as coalitionName",
        "reflection.title",
        isoDay("reflection.happened_on").as("happenedOn"),
        "reflection.visibility",
        "reflection.body",
        "reflection.body_text as text",
        "reflection.session_id as sessionId",
        "reflection.created_at as createdAt",
        "reflection.updated_at as updatedAt",
        "reflection.deleted_at as deletedAt",
        jsonArrayFrom(
          eb
            .selectFrom("reflection_theme")
            .innerJoin("theme", "theme.id", "reflection_theme.theme_id")
            .whereRef("reflection_theme.reflection_id", "=", "reflection.id")
            .select("theme.slug"),
        ).as("themes"),
      ])
      .orderBy("reflection.id")
      .limit(PAGE_SIZE)
      .execute(),
  );
}

/** The person's comments; the reflection they belong to is someone else's text, so only its id. */
export function commentPages(user: User) {
  return keyset((after) =>
    db()
      .selectFrom("reflection_comment")
      .where("reflection_comment.author_id", "=", user.id)
      .where(afterId("reflection_comment.id", after))
      .select([
        "reflection_comment.id",
        "reflection_comment.reflection_id as reflectionId",
        "reflection_comment.body as text",
        "reflection_comment.created_at as createdAt",
        "reflection_comment.deleted_at as deletedAt",
      ])
      .orderBy("reflection_comment.id")
      .limit(PAGE_SIZE)
      .execute(),
  );
}
