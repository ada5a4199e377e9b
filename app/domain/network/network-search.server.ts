import { sql } from "kysely";
import { z } from "zod";
import { db } from "../../../db/db.server";
import { requireNetworkReader, type User } from "../../auth/permissions.server";
import {
  lessonDay,
  PAGE_SIZE,
  parseNetworkFilters,
  reflectionDay,
  sharedLessons,
  sharedReflections,
  withThemes,
  type Kind,
  type NetworkFilters,
} from "./network.server";

// Searching what the programme shares with the network: Dutch full text on every word's beginning, the title
// weighing most, then the names of the item's themes, then its text (migration 0011 builds the vector).
// A search that finds nothing offers a correction of a typo, themes to look at and filters to drop: all of
// them made only of what the network may read (titles of shared items, the public theme list).

/** A part of a search snippet: `hit` parts are the words that matched. */
export type SnippetPart = { text: string; hit: boolean };
export type ThemeSuggestion = { slug: string; name_nl: string; name_en: string };

const MAX_WORDS = 8;
/**
 * How alike (pg_trgm's similarity, 0–1) a word from the network must be to a typed word to be offered, and
 * how much longer or shorter: a typo, not another word ("samen" is not what "samenwerking" meant).
 */
const LIKE_ENOUGH = 0.35;
const LENGTH_DIFFERENCE = 2;
/** How much of a title must look like the typed word for its words to be candidates: lower than pg_trgm's 0.6, which misses a swap ("moestiun"). */
const TITLE_LIKE_ENOUGH = 0.5;

export function parseNetworkSearch(params: URLSearchParams): NetworkFilters & { q: string } {
  return { ...parseNetworkFilters(params), q: z.string().trim().max(200).catch("").parse(params.get("q") ?? "") };
}

/** The words of a query as the search sees them: letters and digits, lower case, each one once. */
export function searchWords(q: string): string[] {
  return [...new Set(q.normalize("NFC").toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])].slice(0, MAX_WORDS);
}

/**
 * Every word as the beginning of a word, all of them required: "vrijwillig" finds "vrijwilligers". The
 * words hold only letters and digits, so quoting them is enough to keep to_tsquery's syntax out.
 */
function prefixQuery(words: string[]) {
  return sql`to_tsquery('dutch', ${words.map((word) => `'${word}':*`).join(" & ")})`;
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

/** Full-text search through what is shared with the network, within the page's filters: best match first. */
export async function searchNetwork(user: User, search: NetworkFilters & { q: string }) {
  requireNetworkReader(user);
  const { q, page, ...filters } = search;
  const words = searchWords(q);
  if (words.length === 0) return { items: [], total: 0, pageSize: PAGE_SIZE, suggestion: null, themes: [] };
  const query = prefixQuery(words);
  // Ranking needs every match, so it reads no more of each than its rank and its day; the page's 20 are
  // then joined with their text, coalition and author, and only they get a snippet (ts_headline reads the
  // whole text). Counting the matches beside their ranking costs nothing measurable, where a count query
  // of its own would read them all a second time (measured with pgbench on the data set of DESIGN.md §7).
  const ranked = db()
    .selectFrom(
      sharedReflections(filters, query)
        .select([sql<Kind>`'reflection'`.as("kind"), "reflection.id", sql<number>`ts_rank(reflection.search, ${query})`.as("rank"), reflectionDay.as("day")])
        .unionAll(
          sharedLessons(filters, query).select([
            sql<Kind>`'lesson'`.as("kind"),
            "lesson.id",
            sql<number>`ts_rank(lesson.search, ${query})`.as("rank"),
            lessonDay.as("day"),
          ]),
        )
        .as("match"),
    )
    .select(["match.kind", "match.id", "match.rank", "match.day", sql<string>`count(*) over ()`.as("total")])
    .orderBy("match.rank", "desc")
    .orderBy("match.day", "desc")
    .orderBy("match.id", "desc")
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE);
  const rows = await db()
    .selectFrom(ranked.as("hit"))
    .leftJoin("reflection", (join) => join.onRef("reflection.id", "=", "hit.id").on("hit.kind", "=", "reflection"))
    .leftJoin("lesson", (join) => join.onRef("lesson.id", "=", "hit.id").on("hit.kind", "=", "lesson"))
    .innerJoin("coalition", (join) => join.on(sql<boolean>`coalition.id = coalesce(reflection.coalition_id, lesson.coalition_id)`))
    .innerJoin("person", (join) => join.on(sql<boolean>`person.id = coalesce(reflection.author_id, lesson.author_id)`))
    .leftJoin("membership", (join) =>
      join.onRef("membership.coalition_id", "=", "coalition.id").onRef("membership.person_id", "=", "person.id"),
    )
    .select([
      "hit.kind",
      "hit.id",
      sql<string>`coalesce(reflection.title, lesson.statement)`.as("title"),
      "hit.day",
      "coalition.name as coalitionName",
      "coalition.slug as coalitionSlug",
      "person.name as authorName",
      "membership.perspective",
      "hit.total",
      sql<string>`ts_headline('dutch', coalesce(reflection.body_text, lesson.explanation_text), ${query}, ${`StartSel=${START}, StopSel=${STOP}, MaxFragments=2, MaxWords=20, MinWords=8`})`.as(
        "headline",
      ),
    ])
    // The page's order again (a subquery's order is not promised to survive): 20 rows, no cost.
    .orderBy("hit.rank", "desc")
    .orderBy("hit.day", "desc")
    .orderBy("hit.id", "desc")
    .execute();
  const total = Number(rows[0]?.total ?? 0);
  // Only a search that found nothing pays for the suggestions (a later page past the end has a total).
  const [suggestion, themes] = total === 0 && page === 1 ? await Promise.all([didYouMean(words), themesLike(words)]) : [null, []];
  return {
    items: await withThemes(rows.map(({ total: _total, headline, ...row }) => ({ ...row, snippet: headline ? snippetParts(headline) : [] }))),
    total,
    pageSize: PAGE_SIZE,
    suggestion,
    themes,
  };
}

/**
 * "Bedoelde u …?": each typed word that begins no word of what the network shares is replaced by the most
 * alike word (pg_trgm) of the titles of shared items and the theme names; null when no word changes.
 * Only shared titles are looked at, through their trigram index, so no private or team text can surface.
 */
async function didYouMean(words: string[]): Promise<string | null> {
  const word = sql`to_tsquery('dutch', quote_literal(asked.word) || ':*')`;
  const knownReflection = sharedReflections({}).where(sql<boolean>`reflection.search @@ ${word}`).select(sql`1`.as("one"));
  const knownLesson = sharedLessons({}).where(sql<boolean>`lesson.search @@ ${word}`).select(sql`1`.as("one"));
  const reflectionTitles = sharedReflections({})
    .where(sql<boolean>`reflection.title operator(public.%>) asked.word`)
    .select("reflection.title as text")
    .limit(50);
  const lessonTitles = sharedLessons({})
    .where(sql<boolean>`lesson.statement operator(public.%>) asked.word`)
    .select("lesson.statement as text")
    .limit(50);
  const rows = await db().transaction().execute(async (trx) => {
    await sql`select set_config('pg_trgm.word_similarity_threshold', ${String(TITLE_LIKE_ENOUGH)}, true)`.execute(trx);
    return await sql<{ word: string; known: boolean; suggestion: string | null }>`
    select asked.word, exists (${knownReflection}) or exists (${knownLesson}) as known, (
      select candidate.word from (
        select distinct lexeme.lexeme as word
        from (
          (${reflectionTitles}) union all (${lessonTitles})
          union all select theme.name_nl from theme where theme.archived_at is null
          union all select theme.name_en from theme where theme.archived_at is null
        ) source cross join lateral unnest(to_tsvector('simple', source.text)) lexeme
      ) candidate
      where public.similarity(candidate.word, asked.word) >= ${LIKE_ENOUGH}
        and abs(length(candidate.word) - length(asked.word)) <= ${LENGTH_DIFFERENCE}
      order by public.similarity(candidate.word, asked.word) desc, candidate.word
      limit 1
    ) as suggestion
    from unnest(${words}::text[]) with ordinality as asked(word, n)
    order by asked.n`.execute(trx);
  });
  const corrected = rows.rows.map((row) => (row.known ? row.word : (row.suggestion ?? row.word)));
  return corrected.some((word, i) => word !== words[i]) ? corrected.join(" ") : null;
}

/** The themes whose name looks like a typed word (begins with it, or nearly): to look at when nothing was found. */
async function themesLike(words: string[]): Promise<ThemeSuggestion[]> {
  return await db()
    .selectFrom("theme")
    .where("theme.archived_at", "is", null)
    .where(
      sql<boolean>`exists (select 1 from unnest(${words}::text[]) as asked(word) where
        to_tsvector('dutch', theme.name_nl || ' ' || theme.name_en) @@ to_tsquery('dutch', quote_literal(asked.word) || ':*')
        or public.word_similarity(asked.word, theme.name_nl) >= 0.5
        or public.word_similarity(asked.word, theme.name_en) >= 0.5)`,
    )
    .select(["theme.slug", "theme.name_nl", "theme.name_en"])
    .orderBy("theme.position")
    .execute();
}
