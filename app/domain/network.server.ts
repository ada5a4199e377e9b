import { sql, type RawBuilder } from "kysely";
import { z } from "zod";
import { db } from "../../db/db.server";
import type { Perspective } from "../../db/schema";
import { notFound, readsContent, type User } from "../auth/permissions.server";
import { perspectives } from "./vocabulary";

// The network page (DESIGN.md §3, §5): the lessons and reflections every coalition shared with the whole
// programme, read by all its people (the coalitions and the funder) and by no admin. Only items shared with
// the network appear here — never team or private ones, not even for the team's own members.

export const PAGE_SIZE = 20;

export type NetworkFilters = { coalition?: string; theme?: string; perspective?: Perspective; page: number };

// Filters come from the address bar: anything malformed is simply ignored.
const page = z.coerce.number().int().min(1).max(10_000).catch(1);
const filterSchema = z.object({
  coalition: z.string().min(1).max(80).optional().catch(undefined),
  theme: z.string().min(1).max(80).optional().catch(undefined),
  perspective: z.enum(perspectives).optional().catch(undefined),
  page,
});
const searchSchema = z.object({
  q: z.string().trim().max(200).catch(""),
  page,
});

export function parseNetworkFilters(params: URLSearchParams): NetworkFilters {
  return filterSchema.parse(Object.fromEntries(params));
}

export function parseNetworkSearch(params: URLSearchParams): { q: string; page: number } {
  return searchSchema.parse(Object.fromEntries(params));
}

/** Admins run the installation but read no content: for them the network does not exist. */
function requireNetworkReader(user: User): void {
  if (!readsContent(user)) throw notFound();
}

type Kind = "lesson" | "reflection";
type ThemeRef = { slug: string; name_nl: string; name_en: string };
/** A part of a search snippet: `hit` parts are the words that matched. */
export type SnippetPart = { text: string; hit: boolean };

/**
 * The shared reflections and lessons as one row shape, with the author's perspective in that coalition
 * (null when the author has since left it). `query` adds a full-text match and its rank.
 */
function networkItems(filters: Omit<NetworkFilters, "page">, query?: RawBuilder<unknown>) {
  const reflections = db()
    .selectFrom("reflection")
    .innerJoin("coalition", "coalition.id", "reflection.coalition_id")
    .innerJoin("person", "person.id", "reflection.author_id")
    .leftJoin("membership", (join) =>
      join.onRef("membership.coalition_id", "=", "reflection.coalition_id").onRef("membership.person_id", "=", "reflection.author_id"),
    )
    .where("reflection.visibility", "=", "network")
    .where("reflection.deleted_at", "is", null)
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
    .$if(Boolean(query), (qb) => qb.where(sql<boolean>`reflection.search @@ ${query}`))
    .select([
      sql<Kind>`'reflection'`.as("kind"),
      "reflection.id",
      "reflection.title",
      "reflection.body_text as text",
      sql<string>`to_char(reflection.happened_on, 'YYYY-MM-DD')`.as("day"),
      "reflection.created_at as createdAt",
      "coalition.name as coalitionName",
      "coalition.slug as coalitionSlug",
      "person.name as authorName",
      "membership.perspective",
      (query ? sql<number>`ts_rank(reflection.search, ${query})` : sql<number>`0`).as("rank"),
    ]);
  const lessons = db()
    .selectFrom("lesson")
    .innerJoin("coalition", "coalition.id", "lesson.coalition_id")
    .innerJoin("person", "person.id", "lesson.author_id")
    .leftJoin("membership", (join) =>
      join.onRef("membership.coalition_id", "=", "lesson.coalition_id").onRef("membership.person_id", "=", "lesson.author_id"),
    )
    .where("lesson.visibility", "=", "network")
    .where("lesson.deleted_at", "is", null)
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
    .$if(Boolean(query), (qb) => qb.where(sql<boolean>`lesson.search @@ ${query}`))
    .select([
      sql<Kind>`'lesson'`.as("kind"),
      "lesson.id",
      "lesson.statement as title",
      "lesson.explanation_text as text",
      sql<string>`to_char(lesson.created_at at time zone 'Europe/Amsterdam', 'YYYY-MM-DD')`.as("day"),
      "lesson.created_at as createdAt",
      "coalition.name as coalitionName",
      "coalition.slug as coalitionSlug",
      "person.name as authorName",
      "membership.perspective",
      (query ? sql<number>`ts_rank(lesson.search, ${query})` : sql<number>`0`).as("rank"),
    ]);
  let items = db().selectFrom(reflections.unionAll(lessons).as("item"));
  if (filters.coalition) items = items.where("item.coalitionSlug", "=", filters.coalition);
  if (filters.perspective) items = items.where("item.perspective", "=", filters.perspective);
  return items;
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

async function withThemes<T extends { kind: Kind; id: string }>(rows: T[]) {
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
  const rows = await networkItems(filters)
    .select([...listColumns, sql<string>`left(item.text, 240)`.as("excerpt"), sql<string>`count(*) over ()`.as("total")])
    .orderBy("item.day", "desc")
    .orderBy("item.createdAt", "desc")
    .orderBy("item.id", "desc")
    .limit(PAGE_SIZE)
    .offset((filters.page - 1) * PAGE_SIZE)
    .execute();
  return {
    items: await withThemes(rows.map(({ total: _total, ...row }) => row)),
    total: Number(rows[0]?.total ?? 0),
    pageSize: PAGE_SIZE,
  };
}

const START = "<<";
const STOP = ">>";

/** ts_headline's marked-up text as parts, so that a page shows hits as <mark> without raw HTML. */
export function snippetParts(marked: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let rest = marked;
  while (rest.length > 0) {
    const start = rest.indexOf(START);
    const stop = start === -1 ? -1 : rest.indexOf(STOP, start + START.length);
    if (start === -1 || stop === -1) {
      parts.push({ text: rest, hit: false });
      break;
    }
    if (start > 0) parts.push({ text: rest.slice(0, start), hit: false });
    parts.push({ text: rest.slice(start + START.length, stop), hit: true });
    rest = rest.slice(stop + STOP.length);
  }
  return parts;
}

/** Dutch full-text search through what is shared with the network: best match first, with snippets. */
export async function searchNetwork(user: User, q: string, pageNumber: number) {
  requireNetworkReader(user);
  const text = q.trim();
  if (!text) return { items: [], total: 0, pageSize: PAGE_SIZE };
  const query = sql`websearch_to_tsquery('dutch', ${text})`;
  const rows = await networkItems({}, query)
    .select([
      ...listColumns,
      sql<string>`ts_headline('dutch', item.text, ${query}, ${`StartSel=${START}, StopSel=${STOP}, MaxFragments=2, MaxWords=20, MinWords=8`})`.as(
        "headline",
      ),
      sql<string>`count(*) over ()`.as("total"),
    ])
    .orderBy("item.rank", "desc")
    .orderBy("item.day", "desc")
    .orderBy("item.id", "desc")
    .limit(PAGE_SIZE)
    .offset((pageNumber - 1) * PAGE_SIZE)
    .execute();
  return {
    items: await withThemes(
      rows.map(({ total: _total, headline, ...row }) => ({ ...row, snippet: headline ? snippetParts(headline) : [] })),
    ),
    total: Number(rows[0]?.total ?? 0),
    pageSize: PAGE_SIZE,
  };
}

/** The coalitions to filter by: their names are public to everyone in the programme. */
export async function listNetworkCoalitions(user: User) {
  requireNetworkReader(user);
  return await db().selectFrom("coalition").select(["slug", "name"]).orderBy("name").execute();
}
