import { sql } from "kysely";
import { z } from "zod";
import { db } from "../../../db/db.server";
import type { Perspective } from "../../../db/schema";
import { requireFunder, requireProgrammeReader, sharedWithNetwork, type User } from "../../auth/permissions.server";
import { listThemes, type Theme } from "./themes.server";
import { perspectives } from "../vocabulary";

// The funder's view of what the coalitions learn, theme by theme (DESIGN.md §3). Counts include lessons
// shared with the team or the network (lessons are never private; deleted ones never count); text is only
// ever read from lessons shared with the network — a team-only lesson is a number here, never words.

/** Themes worked on by at least this many coalitions are marked as shared across the programme. */
export const SHARED_THRESHOLD = 3;

export type ThemeSpread = "shared" | "single" | null;
export type MatrixCell = { coalitionId: string; count: number; network: number };

function programmeCoalitions() {
  return db().selectFrom("coalition").select(["id", "slug", "name"]).orderBy("name").orderBy("id").execute();
}

/** Per theme and coalition: how many team and network lessons, and how many of those the network reads. */
export async function themeMatrix(user: User) {
  requireProgrammeReader(user);
  const [themes, coalitions, rows] = await Promise.all([
    listThemes(),
    programmeCoalitions(),
    db()
      .selectFrom("lesson")
      .innerJoin("lesson_theme", "lesson_theme.lesson_id", "lesson.id")
      .where("lesson.deleted_at", "is", null)
      .where("lesson.visibility", "in", ["team", "network"])
      .groupBy(["lesson_theme.theme_id", "lesson.coalition_id"])
      .select([
        "lesson_theme.theme_id as themeId",
        "lesson.coalition_id as coalitionId",
        sql<string>`count(*)`.as("count"),
        sql<string>`count(*) filter (where ${sharedWithNetwork("lesson")})`.as("network"),
      ])
      .execute(),
  ]);
  const byKey = new Map(rows.map((r) => [`${r.themeId}:${r.coalitionId}`, r]));
  return {
    coalitions,
    themes: themes.map((theme) => {
      const cells: MatrixCell[] = coalitions.map((c) => {
        const row = byKey.get(`${theme.id}:${c.id}`);
        return { coalitionId: c.id, count: Number(row?.count ?? 0), network: Number(row?.network ?? 0) };
      });
      const workedOnBy = cells.filter((cell) => cell.count > 0).length;
      const spread: ThemeSpread = workedOnBy >= SHARED_THRESHOLD ? "shared" : workedOnBy === 1 ? "single" : null;
      return { ...theme, cells, total: cells.reduce((sum, cell) => sum + cell.count, 0), workedOnBy, spread };
    }),
  };
}

export type CompareFilters = { theme?: string; perspective?: Perspective };

// Filters come from the address bar: anything malformed is simply ignored.
const compareSchema = z.object({
  theme: z.string().min(1).max(80).optional().catch(undefined),
  perspective: z.enum(perspectives).optional().catch(undefined),
});

export function parseCompareFilters(params: URLSearchParams): CompareFilters {
  return compareSchema.parse(Object.fromEntries(params));
}

export const EXCERPT_LENGTH = 240;
/** A column shows a coalition's newest lessons on the theme; the rest are one link away on /network. */
export const COLUMN_LENGTH = 20;

/**
 * One theme's lessons shared with the network, one column per coalition (its newest COLUMN_LENGTH, and how
 * many there are), optionally only those whose author has this perspective in that coalition. Team-only
 * lessons never come here.
 */
export async function compareTheme(user: User, theme: Theme, perspective?: Perspective) {
  requireFunder(user); // lesson text: the admin runs the installation but reads no content
  const ranked = db()
    .selectFrom("lesson")
    .innerJoin("lesson_theme", "lesson_theme.lesson_id", "lesson.id")
    .innerJoin("person", "person.id", "lesson.author_id")
    .leftJoin("membership", (join) =>
      join.onRef("membership.coalition_id", "=", "lesson.coalition_id").onRef("membership.person_id", "=", "lesson.author_id"),
    )
    .where("lesson_theme.theme_id", "=", theme.id)
    .where(sharedWithNetwork("lesson"))
    .$if(Boolean(perspective), (qb) => qb.where("membership.perspective", "=", perspective!))
    .select([
      "lesson.id",
      "lesson.coalition_id as coalitionId",
      "lesson.statement",
      sql<string>`left(lesson.explanation_text, ${EXCERPT_LENGTH})`.as("excerpt"),
      "person.name as authorName",
      "membership.perspective",
      "lesson.created_at as createdAt",
      sql<number>`row_number() over (partition by lesson.coalition_id order by lesson.created_at desc, lesson.id desc)`.as("position"),
      sql<string>`count(*) over (partition by lesson.coalition_id)`.as("total"),
    ]);
  const [coalitions, lessons] = await Promise.all([
    programmeCoalitions(),
    db()
      .selectFrom(ranked.as("ranked"))
      .where("ranked.position", "<=", COLUMN_LENGTH)
      .select(["id", "coalitionId", "statement", "excerpt", "authorName", "perspective", "createdAt", "total"])
      .orderBy("createdAt", "desc")
      .orderBy("id", "desc")
      .execute(),
  ]);
  return {
    theme,
    columns: coalitions.map((c) => {
      const shown = lessons.filter((l) => l.coalitionId === c.id);
      return {
        coalition: c,
        total: Number(shown[0]?.total ?? 0),
        lessons: shown.map(({ coalitionId: _c, total: _t, ...l }) => ({ ...l, href: `/teams/${c.slug}/lessons/${l.id}` })),
      };
    }),
  };
}
