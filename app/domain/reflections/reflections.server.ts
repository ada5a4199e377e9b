import { sql } from "kysely";
import { z } from "zod";
import { db } from "../../../db/db.server";
import { knownThemeIds } from "../programme/themes.server";
import type { Visibility } from "../../../db/schema";
import { canRead, notFound, readableBy, requireTeamMember, rowIdOrNotFound, type Team, type User } from "../../auth/permissions.server";
import { commentWithMentions, mentionedInComment, mentionedInRichText, type MentionedPerson } from "../../richtext/mentions";
import { plainTextOf } from "../../richtext/plain-text.server";
import type { RichTextState } from "../../richtext/schema";
import { sessionOrigins, sessionToLink } from "../sessions/notes/session-notes.server";
import { notify, notifyShared, withdrawUnreadable } from "../notifications/notify.server";
import { visibilities } from "../vocabulary";
import { itemBeingWritten, mentionable, notifyMentioned, refusedMentions, typedMentions } from "../mentions/mentions.server";

// A reflection is a dated rich-text entry in a team's log. Who reads it follows its visibility
// (DESIGN.md §3, once, in readableBy/canRead); only its author changes or deletes it.

export const PAGE_SIZE = 20;
export const TRASH_DAYS = 30;

export type ReflectionInput = {
  title: string;
  body: RichTextState;
  happenedOn: string;
  themeIds: string[];
  visibility: Visibility;
  /** The intervision session it was written from; linked only for a participant of that session. */
  sessionId?: string;
};

export type ReflectionFilters = {
  author?: string;
  theme?: string;
  from?: string;
  to?: string;
  visibility?: Visibility;
  q?: string;
  page: number;
};

// Filters come from the address bar: anything malformed is simply ignored.
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const filterSchema = z.object({
  author: z.uuid().optional().catch(undefined),
  theme: z.string().min(1).max(80).optional().catch(undefined),
  from: isoDay.optional().catch(undefined),
  to: isoDay.optional().catch(undefined),
  visibility: z.enum(visibilities).optional().catch(undefined),
  q: z.string().trim().min(1).max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export function parseReflectionFilters(params: URLSearchParams): ReflectionFilters {
  return filterSchema.parse(Object.fromEntries(params));
}

const day = sql<string>`to_char(reflection.happened_on, 'YYYY-MM-DD')`;

async function themesOf(reflectionIds: string[]) {
  if (reflectionIds.length === 0) return new Map<string, { slug: string; name_nl: string; name_en: string }[]>();
  const rows = await db()
    .selectFrom("reflection_theme")
    .innerJoin("theme", "theme.id", "reflection_theme.theme_id")
    .where("reflection_theme.reflection_id", "in", reflectionIds)
    .select(["reflection_theme.reflection_id", "theme.slug", "theme.name_nl", "theme.name_en"])
    .orderBy("theme.position")
    .execute();
  const byReflection = new Map<string, { slug: string; name_nl: string; name_en: string }[]>();
  for (const { reflection_id, ...theme } of rows) {
    byReflection.set(reflection_id, [...(byReflection.get(reflection_id) ?? []), theme]);
  }
  return byReflection;
}

/** A team's reflections, not in the trash, before any reader's rule: what every read here starts from. */
function rowsInTeam(team: Team) {
  return db().selectFrom("reflection").where("reflection.coalition_id", "=", team.id).where("reflection.deleted_at", "is", null);
}

/** A team's reflections that this reader may read. */
function readableRowsInTeam(user: User, team: Team) {
  return rowsInTeam(team).where(readableBy(user, "reflection"));
}

/** A team's reflections that this reader may read, joined with their authors: the base of every read here. */
function readableInTeam(user: User, team: Team) {
  return readableRowsInTeam(user, team).innerJoin("person", "person.id", "reflection.author_id");
}

/** The team's log as this reader may see it: newest first, filtered, a page at a time. */
export async function listReflections(user: User, team: Team, filters: ReflectionFilters) {
  let query = readableRowsInTeam(user, team);
  if (filters.author) query = query.where("reflection.author_id", "=", filters.author);
  if (filters.visibility) query = query.where("reflection.visibility", "=", filters.visibility);
  if (filters.from) query = query.where("reflection.happened_on", ">=", filters.from);
  if (filters.to) query = query.where("reflection.happened_on", "<=", filters.to);
  if (filters.theme) {
    const theme = filters.theme;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom("reflection_theme")
          .innerJoin("theme", "theme.id", "reflection_theme.theme_id")
          .whereRef("reflection_theme.reflection_id", "=", "reflection.id")
          .where("theme.slug", "=", theme)
          .select(sql`1`.as("one")),
      ),
    );
  }
  if (filters.q) query = query.where(sql<boolean>`reflection.search @@ websearch_to_tsquery('dutch', ${filters.q})`);

  // The total is its own query, run beside the page: a window count over the page query would make
  // PostgreSQL read every readable reflection of the team (thousands) to show 20; counted apart, it needs
  // only the index reflection_team_readers (migration 0006) when nothing but the reader narrows it.
  const [rows, count] = await Promise.all([
    query
      .innerJoin("person", "person.id", "reflection.author_id")
      .select([
        "reflection.id",
        "reflection.title",
        day.as("happenedOn"),
        "reflection.visibility",
        "reflection.author_id as authorId",
        "person.name as authorName",
        sql<string>`left(reflection.body_text, 240)`.as("excerpt"),
        (eb) =>
          eb
            .selectFrom("reflection_comment")
            .whereRef("reflection_comment.reflection_id", "=", "reflection.id")
            .where("reflection_comment.deleted_at", "is", null)
            .select(({ fn }) => fn.countAll<string>().as("n"))
            .as("comments"),
      ])
      .orderBy("reflection.happened_on", "desc")
      .orderBy("reflection.created_at", "desc")
      .limit(PAGE_SIZE)
      .offset((filters.page - 1) * PAGE_SIZE)
      .execute(),
    query.select(({ fn }) => fn.countAll<string>().as("total")).executeTakeFirstOrThrow(),
  ]);
  const themes = await themesOf(rows.map((r) => r.id));
  return {
    items: rows.map(({ comments, ...r }) => ({
      ...r,
      comments: Number(comments ?? 0),
      themes: themes.get(r.id) ?? [],
    })),
    total: Number(count.total),
    pageSize: PAGE_SIZE,
  };
}

/** People who wrote something this reader may see in the team's log, for the author filter. */
export function listVisibleAuthors(user: User, team: Team) {
  return readableInTeam(user, team)
    .select(["person.id", "person.name"])
    .distinct()
    .orderBy("person.name")
    .execute();
}

/**
 * The latest reflections of a team this reader may see, for the team's home page. As a query, so the team home
 * can fold it into its one statement with the rule (readableBy) unchanged.
 */
export function recentReflectionsQuery(user: User, team: Team, limit = 5) {
  return readableInTeam(user, team)
    .select(["reflection.id", "reflection.title", "reflection.visibility", "reflection.created_at as createdAt", "person.name as authorName"])
    .orderBy("reflection.created_at", "desc")
    .limit(limit);
}

export function recentReflections(user: User, team: Team, limit = 5) {
  return recentReflectionsQuery(user, team, limit).execute();
}

/** A row when this person has written anything in the team's log yet (a new member gets a first step). */
export function writtenReflectionQuery(user: User, team: Team) {
  return db()
    .selectFrom("reflection")
    .where("coalition_id", "=", team.id)
    .where("author_id", "=", user.id)
    .select("id")
    .limit(1);
}

export async function hasWrittenReflection(user: User, team: Team): Promise<boolean> {
  return Boolean(await writtenReflectionQuery(user, team).executeTakeFirst());
}

/**
 * One reflection, if this reader may read it and it belongs to this team; otherwise 404. The rule is asked
 * as canRead (not its SQL copy readableBy), the same function "who can read this" asks (readers.server.ts).
 */
export async function getReflection(user: User, team: Team, id: string | undefined) {
  const row = await rowsInTeam(team)
    .innerJoin("person", "person.id", "reflection.author_id")
    .where("reflection.id", "=", rowIdOrNotFound(id))
    .select([
      "reflection.id",
      "reflection.title",
      "reflection.body",
      day.as("happenedOn"),
      "reflection.visibility",
      "reflection.version",
      "reflection.author_id as authorId",
      "reflection.updated_at as updatedAt",
      "reflection.session_id as sessionId",
      "person.name as authorName",
    ])
    .executeTakeFirst();
  if (!row || !canRead(user, { authorId: row.authorId, coalitionId: team.id, visibility: row.visibility })) throw notFound();
  const { sessionId, ...reflection } = row;
  const [themes, origins] = await Promise.all([
    db()
      .selectFrom("reflection_theme")
      .innerJoin("theme", "theme.id", "reflection_theme.theme_id")
      .where("reflection_theme.reflection_id", "=", row.id)
      .select(["theme.id", "theme.slug", "theme.name_nl", "theme.name_en"])
      .orderBy("theme.position")
      .execute(),
    // Which session it came from is told only to readers who may know that the session took place.
    sessionId ? sessionOrigins(user, [sessionId]) : [],
  ]);
  return { ...reflection, body: row.body as RichTextState, themes, fromSession: origins[0] ?? null, mine: row.authorId === user.id };
}

/** The author's own reflection for editing; anyone else gets 404. */
export async function getOwnReflection(user: User, team: Team, id: string | undefined) {
  const reflection = await getReflection(user, team, id);
  if (!reflection.mine) throw notFound();
  return reflection;
}

export type CreateOutcome = { status: "saved"; id: string } | { status: "refusedMentions"; message: string };

/** The reflection "@" suggests people for: a new one (id undefined) or one this person may read. */
export async function mentionableReflection(user: User, team: Team, id: string | undefined, visibility: Visibility | undefined) {
  const saved = id === undefined ? null : await getReflection(user, team, id);
  const facts = saved && { authorId: saved.authorId, visibility: saved.visibility, mayChange: saved.mine };
  return itemBeingWritten(user, team, "reflection", facts, visibility, "private");
}

export async function createReflection(user: User, team: Team, input: ReflectionInput): Promise<CreateOutcome> {
  requireTeamMember(user, team);
  const mentioned = mentionedInRichText(input.body);
  const refused = await refusedMentions(user, mentionable("reflection", user.id, team, input.visibility), mentioned);
  if (refused) return { status: "refusedMentions", message: refused };
  const [themeIds, session] = await Promise.all([knownThemeIds(input.themeIds), sessionToLink(user, team, input.sessionId)]);
  const id = await db().transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto("reflection")
      .values({
        coalition_id: team.id,
        author_id: user.id,
        title: input.title,
        body: JSON.stringify(input.body),
        body_text: plainTextOf(input.body),
        happened_on: input.happenedOn,
        visibility: input.visibility,
        session_id: session?.id ?? null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (themeIds.length) {
      await trx.insertInto("reflection_theme").values(themeIds.map((theme_id) => ({ reflection_id: id, theme_id }))).execute();
    }
    return id;
  });
  await notifyShared(user, { type: "reflection", id }, team.id, input.visibility);
  await notifyMentioned(user, { type: "reflection", id }, mentioned);
  return { status: "saved", id };
}

export type SaveOutcome =
  | { ok: true }
  | { ok: false; current: Awaited<ReturnType<typeof getReflection>> }
  | { ok: false; refusedMentions: string };

/**
 * Saves the author's edit only if nobody saved in between (the version they started from is still
 * current); otherwise returns the current version so the page can show both.
 */
export async function updateReflection(
  user: User,
  team: Team,
  id: string | undefined,
  version: number,
  input: ReflectionInput,
): Promise<SaveOutcome> {
  const reflection = await getOwnReflection(user, team, id);
  const mentioned = mentionedInRichText(input.body);
  const refused = await refusedMentions(user, mentionable("reflection", user.id, team, input.visibility), mentioned);
  if (refused) return { ok: false, refusedMentions: refused };
  const themeIds = await knownThemeIds(input.themeIds);
  const saved = await db().transaction().execute(async (trx) => {
    const result = await trx
      .updateTable("reflection")
      .set({
        title: input.title,
        body: JSON.stringify(input.body),
        body_text: plainTextOf(input.body),
        happened_on: input.happenedOn,
        visibility: input.visibility,
        version: sql<number>`version + 1`,
        updated_at: sql<Date>`now()`,
      })
      .where("id", "=", reflection.id)
      .where("version", "=", version)
      .where("deleted_at", "is", null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    await trx.deleteFrom("reflection_theme").where("reflection_id", "=", reflection.id).execute();
    if (themeIds.length) {
      await trx
        .insertInto("reflection_theme")
        .values(themeIds.map((theme_id) => ({ reflection_id: reflection.id, theme_id })))
        .execute();
    }
    return true;
  });
  if (!saved) return { ok: false, current: await getOwnReflection(user, team, id) };
  if (input.visibility !== reflection.visibility) await withdrawUnreadable({ type: "reflection", id: reflection.id });
  await notifyShared(user, { type: "reflection", id: reflection.id }, team.id, input.visibility, reflection.visibility);
  await notifyMentioned(user, { type: "reflection", id: reflection.id }, mentioned, mentionedInRichText(reflection.body));
  return { ok: true };
}

/** Moves the author's reflection to their trash, restorable for 30 days. */
export async function deleteReflection(user: User, team: Team, id: string | undefined): Promise<void> {
  const reflection = await getOwnReflection(user, team, id);
  await db().updateTable("reflection").set({ deleted_at: new Date() }).where("id", "=", reflection.id).execute();
  await withdrawUnreadable({ type: "reflection", id: reflection.id });
}

const inTrash = sql<boolean>`reflection.deleted_at > now() - make_interval(days => ${TRASH_DAYS})`;

/** The author's deleted reflections in this team that can still be restored. */
export function listTrash(user: User, team: Team) {
  requireTeamMember(user, team);
  return db()
    .selectFrom("reflection")
    .where("coalition_id", "=", team.id)
    .where("author_id", "=", user.id)
    .where(inTrash)
    .select(["id", "title", day.as("happenedOn"), "visibility", "deleted_at as deletedAt"])
    .orderBy("deleted_at", "desc")
    .execute();
}

export async function restoreReflection(user: User, team: Team, id: string | undefined): Promise<void> {
  requireTeamMember(user, team);
  const restored = await db()
    .updateTable("reflection")
    .set({ deleted_at: null })
    .where("id", "=", rowIdOrNotFound(id))
    .where("coalition_id", "=", team.id)
    .where("author_id", "=", user.id)
    .where(inTrash)
    .executeTakeFirst();
  if (Number(restored.numUpdatedRows) !== 1) throw notFound();
}

/** The comments on a reflection the reader has already been allowed to read (from getReflection). */
export function listComments(reflection: { id: string }) {
  return db()
    .selectFrom("reflection_comment")
    .innerJoin("person", "person.id", "reflection_comment.author_id")
    .where("reflection_comment.reflection_id", "=", reflection.id)
    .where("reflection_comment.deleted_at", "is", null)
    .select([
      "reflection_comment.id",
      "reflection_comment.body",
      "reflection_comment.created_at as createdAt",
      "person.name as authorName",
    ])
    .orderBy("reflection_comment.created_at")
    .execute();
}

export const commentSchema = z.object({
  comment: z.string({ error: "error.required" }).trim().min(1, "error.required").max(4000, "error.tooLong.4000"),
  /** The people picked from the suggestions while typing, as "id name" pairs: their "@Name" becomes a mention. */
  mention: z
    .array(z.string().max(300))
    .max(50)
    .default([])
    .transform((picks) =>
      picks.flatMap((pick): MentionedPerson[] => {
        const [id, ...name] = pick.split(" ");
        return z.uuid().safeParse(id).success ? [{ id: id.toLowerCase(), name: name.join(" ") }] : [];
      }),
    ),
});

export type CommentOutcome = { status: "saved" } | { status: "refusedMentions"; message: string };

/**
 * Anyone who may read a reflection may comment on it, and mention in it whoever else may read it; a mention
 * of anyone else is refused, however it was written. The reflection's author and everyone who commented before
 * are told of the reply (each only while they may still read it); whom it mentions, of the mention.
 */
export async function addComment(
  user: User,
  team: Team,
  reflectionId: string | undefined,
  text: string,
  picked: MentionedPerson[] = [],
  origin?: string,
): Promise<CommentOutcome> {
  const reflection = await getReflection(user, team, reflectionId);
  const item = mentionable("reflection", reflection.authorId, team, reflection.visibility);
  const body = commentWithMentions(text, [...picked, ...(await typedMentions(user, item, text))]);
  const mentioned = mentionedInComment(body);
  const refused = await refusedMentions(user, item, mentioned, "richtext.mention.notReaderComment");
  if (refused) return { status: "refusedMentions", message: refused };
  await db().insertInto("reflection_comment").values({ reflection_id: reflection.id, author_id: user.id, body }).execute();
  const thread = await db()
    .selectFrom("reflection_comment")
    .where("reflection_id", "=", reflection.id)
    .where("deleted_at", "is", null)
    .select("author_id")
    .distinct()
    .execute();
  await notify({
    kind: "reply",
    recipientIds: [reflection.authorId, ...thread.map((row) => row.author_id)].filter((id) => !mentioned.some((m) => m.id === id)),
    actorId: user.id,
    item: { type: "reflection", id: reflection.id },
    origin,
  });
  await notifyMentioned(user, { type: "reflection", id: reflection.id }, mentioned);
  return { status: "saved" };
}
