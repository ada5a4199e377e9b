import { sql } from "kysely";
import { z } from "zod";
import { db } from "../../../db/db.server";
import { requireFunder, type User } from "../../auth/permissions.server";
import { translator } from "../../i18n/dictionaries.server";
import { toCsv } from "../programme/exports.server";
import { listThemes, type Theme } from "../programme/themes.server";
import { readableLinks } from "./question-links.server";

// The funder compares the coalitions' active learning questions side by side, grouped by theme. Per question it
// sees how many linked items it may read itself (counted with the items' own rules), never which ones it may not.

/** "none": the questions without a theme. */
export type ThemeFilter = { theme?: string };

const filterSchema = z.object({ theme: z.string().max(100).optional().catch(undefined) });

export function parseThemeFilter(params: URLSearchParams): ThemeFilter {
  return filterSchema.parse(Object.fromEntries(params));
}

export type ProgrammeQuestion = {
  id: string;
  question: string;
  coalitionName: string;
  themeIds: string[];
  harvestDates: string[];
  linkedItems: number;
};
export type ThemeGroup = { theme: Theme | null; questions: ProgrammeQuestion[] };

export async function programmeQuestions(user: User, filter: ThemeFilter = {}) {
  requireFunder(user);
  const [themes, rows] = await Promise.all([
    listThemes(),
    db()
      .selectFrom("learning_question")
      .innerJoin("coalition", "coalition.id", "learning_question.coalition_id")
      .where("learning_question.status", "=", "active")
      .select([
        "learning_question.id",
        "learning_question.question",
        "coalition.name as coalitionName",
        sql<string[]>`coalesce((select json_agg(qt.theme_id) from learning_question_theme qt where qt.question_id = learning_question.id), '[]')`.as("themeIds"),
        sql<string[]>`coalesce((select json_agg(to_char(d.planned_on, 'YYYY-MM-DD') order by d.planned_on)
          from learning_question_harvest_date d where d.question_id = learning_question.id), '[]')`.as("harvestDates"),
      ])
      .orderBy("coalition.name")
      .orderBy("learning_question.position")
      .execute(),
  ]);
  const links = await readableLinks(user, rows.map((row) => row.id));
  const counts = new Map<string, number>();
  for (const link of links) counts.set(link.questionId, (counts.get(link.questionId) ?? 0) + 1);
  const questions: ProgrammeQuestion[] = rows.map((row) => ({ ...row, linkedItems: counts.get(row.id) ?? 0 }));
  // A question with two themes stands under both; one without a theme under "Zonder thema".
  const groups: ThemeGroup[] = [
    ...themes.map((theme) => ({ theme, questions: questions.filter((q) => q.themeIds.includes(theme.id)) })),
    { theme: null, questions: questions.filter((q) => q.themeIds.length === 0) },
  ];
  const chosen = groups.filter((group) => !filter.theme || (group.theme ? group.theme.slug === filter.theme : filter.theme === "none"));
  return { themes, groups: chosen.filter((group) => group.questions.length > 0), filter };
}

/** The same comparison as a spreadsheet: one row per question and theme. */
export async function programmeQuestionsCsv(user: User): Promise<string> {
  const { groups } = await programmeQuestions(user);
  const t = translator("nl");
  return toCsv(
    [
      t("questions.csv.theme"),
      t("questions.csv.coalition"),
      t("questions.csv.question"),
      t("questions.csv.linkedItems"),
      t("questions.csv.harvestDates"),
    ],
    groups.flatMap((group) =>
      group.questions.map((q) => [
        group.theme ? group.theme.name_nl : t("questions.noTheme"),
        q.coalitionName,
        q.question,
        q.linkedItems,
        q.harvestDates.join(", "),
      ]),
    ),
  );
}
