import { sql, type RawBuilder } from "kysely";
import { z } from "zod";
import { db } from "../../../db/db.server";
import type { Perspective } from "../../../db/schema";
import { requireNetworkReader, sharedWithNetwork, type User } from "../../auth/permissions.server";
import { TIME_ZONE } from "../../i18n/dates";
import { perspectives } from "../vocabulary";

// The network page (DESIGN.md §3, §5): the lessons and reflections every coalition shared with the whole
// programme, read by all its people (the coalitions and the funder) and by no admin. Only items shared with
// the network appear here — never team or private ones, not even for the team's own members.

export const PAGE_SIZE = 20;

export const networkKinds = ["reflection", "lesson"] as const;
export type Kind = (typeof networkKinds)[number];

/** The filters of the network page, which its search keeps: a period is two Amsterdam days, both included. */
export type NetworkFilter = {
  coalition?: string;
  theme?: string;
  perspective?: Perspective;
  kind?: Kind;
  from?: string;
  to?: string;
};
export type NetworkFilters = NetworkFilter & { page: number };
export const networkFilterKeys = ["coalition", "theme", "perspective", "kind", "from", "to"] as const satisfies readonly (keyof NetworkFilter)[];

// Filters come from the address bar: anything malformed is simply ignored.
const page = z.coerce.number().int().min(1).max(10_000).catch(1);
const day = z.iso.date().optional().catch(undefined);
const filterSchema = z.object({
  coalition: z.string().min(1).max(80).optional().catch(undefined),
  theme: z.string().min(1).max(80).optional().catch(undefined),
  perspective: z.enum(perspectives).optional().catch(undefined),
  kind: z.enum(networkKinds).optional().catch(undefined),
  from: day,
  to: day,
  page,
});

export function parseNetworkFilters(params: URLSearchParams): NetworkFilters {
  return filterSchema.parse(Object.fromEntries(params));
}

type ThemeRef = { slug: string; name_nl: string; name_en: string };

/**
 * The reflections and lessons shared with the network that match the filters (and `query`, a full-text
 * match), one table each, with no columns yet: the base of the lists, their searches and their counts.
 * Each starts from the rows with visibility 'network' that are not in the trash (the partial indexes of
 * migration 0007); coalition and perspective filter each table here so that no union has to be filtered.
 */
export function sharedReflections(filters: NetworkFilter, query?: RawBuilder<unknown>) {
  return db()
    .selectFrom("reflection")
    .where(sharedWithNetwork("reflection"))
    .$if(filters.kind === "lesson", (qb) => qb.where(sql<boolean>`false`))
    .$if(Boolean(filters.from), (qb) => qb.where(sql<boolean>`reflection.happened_on >= ${filters.from}::date`))
    .$if(Boolean(filters.to), (qb) => qb.where(sql<boolean>`reflection.happened_on <= ${filters.to}::date`))
    .$if(Boolean(filters.coalition), (qb) =>
      qb.where("reflection.coalition_id", "in", (eb) => eb.selectFrom("coalition").where("coalition.slug", "=", filters.coalition!).select("coalition.id")),
    )
    .$if(Boolean(filters.perspective), (qb) =>
      qb.where(({ exists, selectFrom }) =>
        exists(
          selectFrom("membership")
            .whereRef("membership.coalition_id", "=", "reflection.coalition_id")
            .whereRef("membership.person_id", "=", "reflection.author_id")
            .where("membership.perspective", "=", filters.perspective!)
            .select(sql`1`.as("one")),
        ),
      ),
    )
    .$if(Boolean(filters.theme), (qb) =>
      qb.where(({ exists, selectFrom }) =>
        exists(
          selectFrom("reflection_theme")
            .innerJoin("theme", "theme.id", "reflection_theme.theme_id")
            .whereRef("reflection_theme.reflection_id", "=", "reflection.id")
            .where("theme.slug", "=", filters.theme!)
            .select(sql`1`.as("one")),
        ),
      ),
    )
    .$if(Boolean(query), (qb) => qb.where(sql<boolean>`reflection.search @@ ${query}`));
}

export function sharedLessons(filters: NetworkFilter, query?: RawBuilder<unknown>) {
  return db()
    .selectFrom("lesson")
    .where(sharedWithNetwork("lesson"))
    .$if(filters.kind === "reflection", (qb) => qb.where(sql<boolean>`false`))
    // A lesson's day is the Amsterdam day it was written on.
    .$if(Boolean(filters.from), (qb) =>
      qb.where(sql<boolean>`lesson.created_at >= ${filters.from}::date::timestamp at time zone ${TIME_ZONE}`),
    )
    .$if(Boolean(filters.to), (qb) =>
      qb.where(sql<boolean>`lesson.created_at < (${filters.to}::date + 1)::timestamp at time zone ${TIME_ZONE}`),
    )
    .$if(Boolean(filters.coalition), (qb) =>
      qb.where("lesson.coalition_id", "in", (eb) => eb.selectFrom("coalition").where("coalition.slug", "=", filters.coalition!).select("coalition.id")),
    )
    .$if(Boolean(filters.perspective), (qb) =>
      qb.where(({ exists, selectFrom }) =>
        exists(
          selectFrom("membership")
            .whereRef("membership.coalition_id", "=", "lesson.coalition_id")
            .whereRef("membership.person_id", "=", "lesson.author_id")
            .where("membership.perspective", "=", filters.perspective!)
            .select(sql`1`.as("one")),
        ),
      ),
    )
    .$if(Boolean(filters.theme), (qb) =>
      qb.where(({ exists, selectFrom }) =>
        exists(
          selectFrom("lesson_theme")
            .innerJoin("theme", "theme.id", "lesson_theme.theme_id")
            .whereRef("lesson_theme.lesson_id", "=", "lesson.id")
            .where("theme.slug", "=", filters.theme!)
            .select(sql`1`.as("one")),
        ),
      ),
    )
    .$if(Boolean(query), (qb) => qb.where(sql<boolean>`lesson.search @@ ${query}`));
}

export const reflectionDay = sql<string>`to_char(reflection.happened_on, 'YYYY-MM-DD')`;
export const lessonDay = sql<string>`to_char(lesson.created_at at time zone 'Europe/Amsterdam', 'YYYY-MM-DD')`;

/**
 * The newest shared reflections and lessons as one row shape, with the author's perspective in that
 * coalition (null when the author has since left it). Only the `newest` of each are kept before the two
 * meet: a page of the merged list, newest first, can only hold rows from the first page×20 of either, and
 * each of those is read in order from its partial index, stopping there.
 */
function newestItems(filters: NetworkFilter, newest: number) {
  const reflections = sharedReflections(filters)
    .innerJoin("coalition", "coalition.id", "reflection.coalition_id")
    .innerJoin("person", "person.id", "reflection.author_id")
    .leftJoin("membership", (join) =>
      join.onRef("membership.coalition_id", "=", "reflection.coalition_id").onRef("membership.person_id", "=", "reflection.author_id"),
    )
    .select([
      sql<Kind>`'reflection'`.as("kind"),
      "reflection.id",
      "reflection.title",
      "reflection.body_text as text",
      reflectionDay.as("day"),
      "reflection.created_at as createdAt",
      "coalition.name as coalitionName",
      "coalition.slug as coalitionSlug",
      "person.name as authorName",
      "membership.perspective",
    ])
    .orderBy("reflection.happened_on", "desc")
    .orderBy("reflection.created_at", "desc")
    .orderBy("reflection.id", "desc")
    .limit(newest);
  const lessons = sharedLessons(filters)
    .innerJoin("coalition", "coalition.id", "lesson.coalition_id")
    .innerJoin("person", "person.id", "lesson.author_id")
    .leftJoin("membership", (join) =>
      join.onRef("membership.coalition_id", "=", "lesson.coalition_id").onRef("membership.person_id", "=", "lesson.author_id"),
    )
    .select([
      sql<Kind>`'lesson'`.as("kind"),
      "lesson.id",
      "lesson.statement as title",
      "lesson.explanation_text as text",
      lessonDay.as("day"),
      "lesson.created_at as createdAt",
      "coalition.name as coalitionName",
      "coalition.slug as coalitionSlug",
      "person.name as authorName",
      "membership.perspective",
    ])
    // A lesson's day is the day of its created_at, so created_at alone gives the merged list's order.
    .orderBy("lesson.created_at", "desc")
    .orderBy("lesson.id", "desc")
    .limit(newest);
  // Each side in its own subquery: a union's branches cannot carry their own order and limit otherwise.
  return db().selectFrom(
    db().selectFrom(reflections.as("r")).selectAll().unionAll(db().selectFrom(lessons.as("l")).selectAll()).as("item"),
  );
}

/** How many items match, counted from the partial indexes alone when nothing is filtered. */
async function countShared(filters: NetworkFilter): Promise<number> {
  const row = await db()
    .selectNoFrom([
      sharedReflections(filters).select(sql<string>`count(*)`.as("n")).as("reflections"),
      sharedLessons(filters).select(sql<string>`count(*)`.as("n")).as("lessons"),
    ])
    .executeTakeFirstOrThrow();
  return Number(row.reflections ?? 0) + Number(row.lessons ?? 0);
}

async function themesOf(kind: Kind, ids: string[]): Promise<Map<string, ThemeRef[]>> {
  const byItem = new Map<string, ThemeRef[]>();
  if (ids.length === 0) return byItem;
  const rows =
    kind === "reflection"
      ? await db()
          .selectFrom("reflection_theme")
          .innerJoin("theme", "theme.id", "reflection_theme.theme_id")
          .where("reflection_theme.reflection_id", "in", ids)
          .select(["reflection_theme.reflection_id as itemId", "theme.slug", "theme.name_nl", "theme.name_en"])
          .orderBy("theme.position")
          .execute()
      : await db()
          .selectFrom("lesson_theme")
          .innerJoin("theme", "theme.id", "lesson_theme.theme_id")
          .where("lesson_theme.lesson_id", "in", ids)
          .select(["lesson_theme.lesson_id as itemId", "theme.slug", "theme.name_nl", "theme.name_en"])
          .orderBy("theme.position")
          .execute();
  for (const { itemId, ...theme } of rows) byItem.set(itemId, [...(byItem.get(itemId) ?? []), theme]);
  return byItem;
}

export async function withThemes<T extends { kind: Kind; id: string }>(rows: T[]) {
  const [reflectionThemes, lessonThemes] = await Promise.all([
    themesOf("reflection", rows.filter((r) => r.kind === "reflection").map((r) => r.id)),
    themesOf("lesson", rows.filter((r) => r.kind === "lesson").map((r) => r.id)),
  ]);
  return rows.map((row) => ({
    ...row,
    themes: (row.kind === "reflection" ? reflectionThemes : lessonThemes).get(row.id) ?? [],
  }));
}

const listColumns = [
  "item.kind",
  "item.id",
  "item.title",
  "item.day",
  "item.coalitionName",
  "item.coalitionSlug",
  "item.authorName",
  "item.perspective",
] as const;

/** What the programme shares with the network: newest first, by coalition, theme and author's perspective. */
export async function listNetwork(user: User, filters: NetworkFilters) {
  requireNetworkReader(user);
  const { page: pageNumber, ...filter } = filters;
  const [rows, total] = await Promise.all([
    newestItems(filter, pageNumber * PAGE_SIZE)
      .select([...listColumns, sql<string>`left(item.text, 240)`.as("excerpt")])
      .orderBy("item.day", "desc")
      .orderBy("item.createdAt", "desc")
      .orderBy("item.id", "desc")
      .limit(PAGE_SIZE)
      .offset((pageNumber - 1) * PAGE_SIZE)
      .execute(),
    countShared(filter),
  ]);
  return { items: await withThemes(rows), total, pageSize: PAGE_SIZE };
}

/** The coalitions to filter by: their names are public to everyone in the programme. */
export async function listNetworkCoalitions(user: User) {
  requireNetworkReader(user);
  return await db().selectFrom("coalition").select(["slug", "name"]).orderBy("name").execute();
}
