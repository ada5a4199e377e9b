import { sql } from "kysely";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import { db } from "../../../db/db.server";
import type { User } from "../../auth/permissions.server";
import { afterId, inCoalition, keyset, PAGE_SIZE, type PersonalRows } from "../privacy/personal-rows.server";

// A person's lessons: exported as theirs; on leaving, handed to the stand-in.

export const lessonRows: PersonalRows = {
  module: "lessons",
  covers: [{ table: "lesson", column: "author_id" }],
  async handOver(trx, { from, to, coalitionId }) {
    await sql`update lesson set author_id = ${to} where author_id = ${from} and ${inCoalition("lesson.coalition_id", coalitionId)}`.execute(trx);
  },
};

export function lessonPages(user: User) {
  return keyset((after) =>
    db()
      .selectFrom("lesson")
      .innerJoin("coalition", "coalition.id", "lesson.coalition_id")
      .where("lesson.author_id", "=", user.id)
      .where(afterId("lesson.id", after))
      .select((eb) => [
        "lesson.id",
        "coalition.slug as coalition",
        "coalition.name as coalitionName",
        "lesson.statement",
        "lesson.visibility",
        "lesson.explanation",
        "lesson.explanation_text as text",
        "lesson.created_at as createdAt",
        "lesson.updated_at as updatedAt",
        "lesson.deleted_at as deletedAt",
        jsonArrayFrom(
          eb
            .selectFrom("lesson_theme")
            .innerJoin("theme", "theme.id", "lesson_theme.theme_id")
            .whereRef("lesson_theme.lesson_id", "=", "lesson.id")
            .select("theme.slug"),
        ).as("themes"),
      ])
      .orderBy("lesson.id")
      .limit(PAGE_SIZE)
      .execute(),
  );
}
