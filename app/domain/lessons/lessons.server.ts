import { sql, type Transaction } from "kysely";
import { z } from "zod";
import { db } from "../../../db/db.server";
import { knownThemeIds } from "../programme/themes.server";
import type { Database, SharedVisibility } from "../../../db/schema";
import {
  canEditLesson,
  canRead,
  isRowId,
  notFound,
  readableBy,
  requireTeamMember,
  rowIdOrNotFound,
  type Team,
  type User,
} from "../../auth/permissions.server";
import { mentionedInRichText } from "../../richtext/mentions";
import { plainTextOf } from "../../richtext/plain-text.server";
import { richTextFromPlainText } from "../../richtext/from-plain-text";
import type { RichTextState } from "../../richtext/schema";
import { sessionOrigins, sessionToLink } from "../sessions/notes/session-notes.server";
import { notifyShared, withdrawUnreadable } from "../notifications/notify.server";
import { itemBeingWritten, mentionable, notifyMentioned, refusedMentions, type MentionableItem } from "../mentions/mentions.server";

// A lesson learned is a short insight a team distils from its reflections. Who reads it follows its
// visibility (team or network, through readableBy); its author and the coalition's facilitators change it
// (canEditLesson). The reflections it came from are shown to each reader only as far as that reader may
// read them: a source the reader may not read is left out entirely, and so is any trace that it exists.

export const PAGE_SIZE = 20;
export const TRASH_DAYS = 30;
/** The newest reflections offered as sources on the form; older ones come in through "Maak er een les van". */
export const SOURCE_CHOICES = 50;

export type LessonInput = {
  statement: string;
  explanation: RichTextState | undefined;
  themeIds: string[];
  sourceIds: string[];
  visibility: SharedVisibility;
  /** The intervision session it was written from; linked only for a participant of that session. */
  sessionId?: string;
};

export type LessonFilters = { theme?: string; q?: string; page: number };

// Filters come from the address bar: anything malformed is simply ignored.
const filterSchema = z.object({
  theme: z.string().min(1).max(80).optional().catch(undefined),
  q: z.string().trim().min(1).max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export function parseLessonFilters(params: URLSearchParams): LessonFilters {
  return filterSchema.parse(Object.fromEntries(params));
}

type ThemeRef = { id: string; slug: string; name_nl: string; name_en: string };
const reflectionDay = sql<string>`to_char(reflection.happened_on, 'YYYY-MM-DD')`;

async function themesOf(lessonIds: string[]): Promise<Map<string, ThemeRef[]>> {
  const byLesson = new Map<string, ThemeRef[]>();
  if (lessonIds.length === 0) return byLesson;
  const rows = await db()
    .selectFrom("lesson_theme")
    .innerJoin("theme", "theme.id", "lesson_theme.theme_id")
    .where("lesson_theme.lesson_id", "in", lessonIds)
    .select(["lesson_theme.lesson_id", "theme.id", "theme.slug", "theme.name_nl", "theme.name_en"])
    .orderBy("theme.position")
    .execute();
  for (const { lesson_id, ...theme } of rows) byLesson.set(lesson_id, [...(byLesson.get(lesson_id) ?? []), theme]);
  return byLesson;
}

/** A team's lessons, not in the trash, joined with their authors, before any reader's rule: the base of every read here. */
function inTeam(team: Team) {
  return db()
    .selectFrom("lesson")
    .innerJoin("person", "person.id", "lesson.author_id")
    .where("lesson.coalition_id", "=", team.id)
    .where("lesson.deleted_at", "is", null);
}

/** A team's lessons that this reader may read, joined with their authors. */
function readableInTeam(user: User, team: Team) {
  return inTeam(team).where(readableBy(user, "lesson"));
}

/**
 * The team's reflections this person may read and link as a source (not in the trash): the only
 * reflections a lesson form offers, accepts, or shows as where a lesson came from.
 */
function linkableReflections(user: User, team: Team) {
  return db()
    .selectFrom("reflection")
    .where("reflection.coalition_id", "=", team.id)
    .where("reflection.deleted_at", "is", null)
    .where(readableBy(user, "reflection"));
}

/** The team's lessons as this reader may see them: newest first, by theme and Dutch full text, a page at a time. */
export async function listLessons(user: User, team: Team, filters: LessonFilters) {
  let query = readableInTeam(user, team);
  if (filters.theme) {
    const theme = filters.theme;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom("lesson_theme")
          .innerJoin("theme", "theme.id", "lesson_theme.theme_id")
          .whereRef("lesson_theme.lesson_id", "=", "lesson.id")
          .where("theme.slug", "=", theme)
          .select(sql`1`.as("one")),
      ),
    );
  }
  if (filters.q) query = query.where(sql<boolean>`lesson.search @@ websearch_to_tsquery('dutch', ${filters.q})`);
  const rows = await query
    .select([
      "lesson.id",
      "lesson.statement",
      "lesson.visibility",
      "lesson.created_at as createdAt",
      "person.name as authorName",
      sql<string>`left(lesson.explanation_text, 240)`.as("excerpt"),
      sql<string>`count(*) over ()`.as("total"),
    ])
    .orderBy("lesson.created_at", "desc")
    .orderBy("lesson.id", "desc")
    .limit(PAGE_SIZE)
    .offset((filters.page - 1) * PAGE_SIZE)
    .execute();
  const themes = await themesOf(rows.map((r) => r.id));
  return {
    items: rows.map(({ total: _total, ...r }) => ({ ...r, themes: themes.get(r.id) ?? [] })),
    total: Number(rows[0]?.total ?? 0),
    pageSize: PAGE_SIZE,
  };
}

/** The latest lessons of a team this reader may see, for the team's home page (which folds the query into its own). */
export function recentLessonsQuery(user: User, team: Team, limit = 5) {
  return readableInTeam(user, team)
    .select(["lesson.id", "lesson.statement", "lesson.visibility", "person.name as authorName", "lesson.created_at as createdAt"])
    .orderBy("lesson.created_at", "desc")
    .orderBy("lesson.id", "desc")
    .limit(limit);
}

export function recentLessons(user: User, team: Team, limit = 5) {
  return recentLessonsQuery(user, team, limit).execute();
}

/** The reflections a lesson came from, as far as this reader may read them (and no further). */
function readableSourcesOf(user: User, team: Team, lessonId: string) {
  return linkableReflections(user, team)
    .innerJoin("lesson_reflection", "lesson_reflection.reflection_id", "reflection.id")
    .where("lesson_reflection.lesson_id", "=", lessonId)
    .select(["reflection.id", "reflection.title", reflectionDay.as("happenedOn")])
    .orderBy("reflection.happened_on", "desc")
    .orderBy("reflection.title")
    .execute();
}

/** The intervision sessions a lesson came from: method and date, for readers who may know they took place. */
async function sessionsOf(user: User, lessonId: string) {
  const links = await db().selectFrom("lesson_session").where("lesson_id", "=", lessonId).select("session_id").execute();
  return sessionOrigins(user, links.map((link) => link.session_id));
}

/**
 * One lesson, if this reader may read it and it belongs to this team; otherwise 404. The rule is asked as
 * canRead (not its SQL copy readableBy), the same function "who can read this" asks (readers.server.ts).
 */
export async function getLesson(user: User, team: Team, id: string | undefined) {
  const row = await inTeam(team)
    .where("lesson.id", "=", rowIdOrNotFound(id))
    .select([
      "lesson.id",
      "lesson.coalition_id as coalitionId",
      "lesson.statement",
      "lesson.explanation",
      "lesson.explanation_text",
      "lesson.visibility",
      "lesson.version",
      "lesson.author_id as authorId",
      "lesson.created_at as createdAt",
      "lesson.updated_at as updatedAt",
      "person.name as authorName",
    ])
    .executeTakeFirst();
  if (!row || !canRead(user, row)) throw notFound();
  const [themes, sources, fromSessions] = await Promise.all([
    themesOf([row.id]),
    readableSourcesOf(user, team, row.id),
    sessionsOf(user, row.id),
  ]);
  const { explanation_text, coalitionId, ...lesson } = row;
  return {
    ...lesson,
    explanation: row.explanation as RichTextState,
    hasExplanation: explanation_text.trim() !== "",
    themes: themes.get(row.id) ?? [],
    sources,
    fromSessions,
    canEdit: canEditLesson(user, { authorId: row.authorId, coalitionId }),
  };
}

export type Lesson = Awaited<ReturnType<typeof getLesson>>;

/** A lesson for its author or one of the coalition's facilitators to change; anyone else gets 404. */
export async function getEditableLesson(user: User, team: Team, id: string | undefined): Promise<Lesson> {
  const lesson = await getLesson(user, team, id);
  if (!lesson.canEdit) throw notFound();
  return lesson;
}

/**
 * The reflections a lesson form offers as sources: the newest the person may read, plus those named in
 * `include` (the one a lesson is made from, the ones already linked or ticked) as far as they may read them.
 */
export async function sourceChoices(user: User, team: Team, include: string[] = []) {
  const wanted = [...new Set(include.filter(isRowId))];
  const columns = ["reflection.id", "reflection.title", reflectionDay.as("happenedOn")] as const;
  const [recent, named] = await Promise.all([
    linkableReflections(user, team)
      .select(columns)
      .orderBy("reflection.happened_on", "desc")
      .orderBy("reflection.created_at", "desc")
      .limit(SOURCE_CHOICES)
      .execute(),
    wanted.length ? linkableReflections(user, team).where("reflection.id", "in", wanted).select(columns).execute() : [],
  ]);
  const byId = new Map([...recent, ...named].map((r) => [r.id, r]));
  return [...byId.values()].sort((a, b) => b.happenedOn.localeCompare(a.happenedOn) || a.title.localeCompare(b.title));
}

/** The themes of a reflection this person may read, to start a lesson made from it with the same themes. */
export async function themesOfSource(user: User, team: Team, reflectionId: string | null): Promise<string[]> {
  if (!isRowId(reflectionId ?? undefined)) return [];
  const rows = await linkableReflections(user, team)
    .innerJoin("reflection_theme", "reflection_theme.reflection_id", "reflection.id")
    .where("reflection.id", "=", reflectionId)
    .select("reflection_theme.theme_id")
    .execute();
  return rows.map((r) => r.theme_id);
}

/** The sources as asked, or null when any of them is not a reflection of this team that the person may read. */
async function checkedSources(user: User, team: Team, sourceIds: string[]): Promise<string[] | null> {
  const wanted = [...new Set(sourceIds)];
  if (wanted.length === 0) return [];
  if (!wanted.every(isRowId)) return null;
  const found = await linkableReflections(user, team).where("reflection.id", "in", wanted).select("reflection.id").execute();
  return found.length === wanted.length ? wanted : null;
}

function explanationColumns(explanation: RichTextState | undefined) {
  const state = explanation ?? richTextFromPlainText("");
  return { explanation: JSON.stringify(state), explanation_text: explanation ? plainTextOf(explanation) : "" };
}

async function replaceThemes(trx: Transaction<Database>, lessonId: string, themeIds: string[]) {
  await trx.deleteFrom("lesson_theme").where("lesson_id", "=", lessonId).execute();
  if (themeIds.length) {
    await trx.insertInto("lesson_theme").values(themeIds.map((theme_id) => ({ lesson_id: lessonId, theme_id }))).execute();
  }
}

export type CreateOutcome =
  | { status: "saved"; id: string }
  | { status: "refusedSources" }
  | { status: "refusedMentions"; message: string };

/** The lesson "@" suggests people for: a new one (id undefined) or one this person may read. */
export async function mentionableLesson(user: User, team: Team, id: string | undefined, visibility: SharedVisibility | undefined) {
  const saved = id === undefined ? null : await getLesson(user, team, id);
  const facts = saved && { authorId: saved.authorId, visibility: saved.visibility, mayChange: saved.canEdit };
  return itemBeingWritten(user, team, "lesson", facts, visibility, "team");
}

/** Null when everyone the explanation mentions can read the lesson as it will be saved; else the field's message. */
function refusedIn(user: User, item: MentionableItem, explanation: RichTextState | undefined) {
  return refusedMentions(user, item, explanation ? mentionedInRichText(explanation) : []);
}

/** A member proposes a lesson; sources must be reflections of this team the member may read. */
export async function createLesson(user: User, team: Team, input: LessonInput): Promise<CreateOutcome> {
  requireTeamMember(user, team);
  const [sourceIds, themeIds, session] = await Promise.all([
    checkedSources(user, team, input.sourceIds),
    knownThemeIds(input.themeIds),
    sessionToLink(user, team, input.sessionId),
  ]);
  if (!sourceIds) return { status: "refusedSources" };
  const refused = await refusedIn(user, mentionable("lesson", user.id, team, input.visibility), input.explanation);
  if (refused) return { status: "refusedMentions", message: refused };
  const id = await db().transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto("lesson")
      .values({
        coalition_id: team.id,
        author_id: user.id,
        statement: input.statement,
        ...explanationColumns(input.explanation),
        visibility: input.visibility,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await replaceThemes(trx, id, themeIds);
    if (sourceIds.length) {
      await trx.insertInto("lesson_reflection").values(sourceIds.map((reflection_id) => ({ lesson_id: id, reflection_id }))).execute();
    }
    if (session) await trx.insertInto("lesson_session").values({ lesson_id: id, session_id: session.id }).execute();
    return id;
  });
  await notifyShared(user, { type: "lesson", id }, team.id, input.visibility);
  await notifyMentioned(user, { type: "lesson", id }, input.explanation ? mentionedInRichText(input.explanation) : []);
  return { status: "saved", id };
}

export type UpdateOutcome =
  | { status: "saved" }
  | { status: "refusedSources" }
  | { status: "refusedMentions"; message: string }
  | { status: "conflict"; current: Lesson };

/**
 * Saves an edit only if nobody saved in between (the version the editor started from is still current);
 * otherwise returns the current version so the page can show both. The editor decides only about the
 * sources they can see: links to reflections they may not read stay as they are.
 */
export async function updateLesson(
  user: User,
  team: Team,
  id: string | undefined,
  version: number,
  input: LessonInput,
): Promise<UpdateOutcome> {
  const lesson = await getEditableLesson(user, team, id);
  const [sourceIds, themeIds] = await Promise.all([checkedSources(user, team, input.sourceIds), knownThemeIds(input.themeIds)]);
  if (!sourceIds) return { status: "refusedSources" };
  const refused = await refusedIn(user, mentionable("lesson", lesson.authorId, team, input.visibility), input.explanation);
  if (refused) return { status: "refusedMentions", message: refused };
  const saved = await db().transaction().execute(async (trx) => {
    const result = await trx
      .updateTable("lesson")
      .set({
        statement: input.statement,
        ...explanationColumns(input.explanation),
        visibility: input.visibility,
        version: sql<number>`version + 1`,
        updated_at: sql<Date>`now()`,
      })
      .where("id", "=", lesson.id)
      .where("version", "=", version)
      .where("deleted_at", "is", null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    await replaceThemes(trx, lesson.id, themeIds);
    await trx
      .deleteFrom("lesson_reflection")
      .where("lesson_id", "=", lesson.id)
      .where("reflection_id", "in", linkableReflections(user, team).select("reflection.id"))
      .execute();
    if (sourceIds.length) {
      await trx
        .insertInto("lesson_reflection")
        .values(sourceIds.map((reflection_id) => ({ lesson_id: lesson.id, reflection_id })))
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    return true;
  });
  if (!saved) return { status: "conflict", current: await getEditableLesson(user, team, id) };
  if (input.visibility !== lesson.visibility) await withdrawUnreadable({ type: "lesson", id: lesson.id });
  await notifyShared(user, { type: "lesson", id: lesson.id }, team.id, input.visibility, lesson.visibility);
  const now = input.explanation ? mentionedInRichText(input.explanation) : [];
  await notifyMentioned(user, { type: "lesson", id: lesson.id }, now, mentionedInRichText(lesson.explanation));
  return { status: "saved" };
}

/** Moves a lesson to the trash, restorable for 30 days by its author and the coalition's facilitators. */
export async function deleteLesson(user: User, team: Team, id: string | undefined): Promise<void> {
  const lesson = await getEditableLesson(user, team, id);
  await db().updateTable("lesson").set({ deleted_at: new Date() }).where("id", "=", lesson.id).execute();
  await withdrawUnreadable({ type: "lesson", id: lesson.id });
}

const inTrash = sql<boolean>`lesson.deleted_at > now() - make_interval(days => ${TRASH_DAYS})`;

function trashOf(team: Team) {
  return db()
    .selectFrom("lesson")
    .where("lesson.coalition_id", "=", team.id)
    .where(inTrash)
    // What a departing member chose to delete is theirs to bring back, not the team's (departures.server.ts).
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom("departure_item").where("departure_item.kind", "=", "lesson").whereRef("departure_item.item_id", "=", "lesson.id"))),
    )
    .select([
      "lesson.id",
      "lesson.statement",
      "lesson.visibility",
      "lesson.author_id as authorId",
      "lesson.coalition_id as coalitionId",
      "lesson.deleted_at as deletedAt",
    ]);
}

/** The deleted lessons of this team that this person may still restore: their own, and as facilitator the team's. */
export async function listLessonTrash(user: User, team: Team) {
  requireTeamMember(user, team);
  const rows = await trashOf(team)
    .innerJoin("person", "person.id", "lesson.author_id")
    .select("person.name as authorName")
    .orderBy("lesson.deleted_at", "desc")
    .execute();
  return rows.filter((row) => canEditLesson(user, row)).map(({ coalitionId: _c, ...row }) => row);
}

export async function restoreLesson(user: User, team: Team, id: string | undefined): Promise<void> {
  requireTeamMember(user, team);
  const row = await trashOf(team).where("lesson.id", "=", rowIdOrNotFound(id)).executeTakeFirst();
  if (!row || !canEditLesson(user, row)) throw notFound();
  const restored = await db()
    .updateTable("lesson")
    .set({ deleted_at: null })
    .where("id", "=", row.id)
    .where(inTrash)
    .executeTakeFirst();
  if (Number(restored.numUpdatedRows) !== 1) throw notFound();
}

/** The lessons made from a reflection, each only for a reader who may read that lesson (readableBy, the rule once). */
export function lessonsFromReflection(user: User, team: Team, reflectionId: string) {
  return readableInTeam(user, team)
    .innerJoin("lesson_reflection", "lesson_reflection.lesson_id", "lesson.id")
    .where("lesson_reflection.reflection_id", "=", reflectionId)
    .select(["lesson.id", "lesson.statement", "lesson.visibility", "person.name as authorName"])
    .orderBy("lesson.created_at", "desc")
    .orderBy("lesson.id")
    .execute();
}
