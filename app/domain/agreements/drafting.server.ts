import { sql } from "kysely";
import { db } from "../../../db/db.server";
import type { Team, User } from "../../auth/permissions.server";
import { richTextFromPlainText } from "../../richtext/from-plain-text";
import { plainTextOf } from "../../richtext/plain-text.server";
import type { RichTextState } from "../../richtext/schema";
import type { Refusal } from "../../ui/form-answer.server";
import { articlesOf, type ArticleView } from "./agreements.server";
import { roundThemesOf } from "./round-themes.server";

// Writing the agreement: only the latest version, only while it is a draft, only by the coalition's facilitators
// (the routes open the team with openAgreementAsFacilitator). Proposing fixes the text; a revision of a signed
// version starts the next number as a draft with the same articles (same article_key), and the signed one stays
// in force until the new one is signed. Texts are saved with the version they were edited from: a stale save
// answers with what is there now, and nothing is overwritten unseen.

export type Outcome = { ok: true } | Refusal;
export type SaveOutcome<Current> = { ok: true } | Refusal | { ok: false; conflict: Current };

const richColumns = (state: RichTextState) => ({ json: JSON.stringify(state), text: plainTextOf(state) });

async function latestRow(coalitionId: string) {
  return db()
    .selectFrom("agreement_version")
    .where("coalition_id", "=", coalitionId)
    .orderBy("number", "desc")
    .limit(1)
    .select(["id", "number", "status", "vision", "version"])
    .executeTakeFirst();
}

/** The draft being written, or a refusal that says why there is none to edit. */
async function openDraft(team: Team): Promise<{ id: string; number: number } | Refusal> {
  const latest = await latestRow(team.id);
  if (!latest) return { ok: false, message: "agreement.error.noDraft" };
  if (latest.status !== "draft") return { ok: false, message: "agreement.error.notDraft" };
  return { id: latest.id, number: latest.number };
}

/** The first version, empty: the agreement begins. Nothing happens when there is one already. */
export async function startAgreement(user: User, team: Team): Promise<Outcome> {
  await db()
    .transaction()
    .execute(async (trx) => {
      await trx.insertInto("agreement").values({ coalition_id: team.id }).onConflict((oc) => oc.column("coalition_id").doNothing()).execute();
      const empty = richColumns(richTextFromPlainText(""));
      await trx
        .insertInto("agreement_version")
        .values({ coalition_id: team.id, number: 1, vision: empty.json, vision_text: empty.text, created_by: user.id })
        .onConflict((oc) => oc.columns(["coalition_id", "number"]).doNothing())
        .execute();
    });
  return { ok: true };
}

/** Version n+1 as a draft, from the signed version n: its vision, and its articles with their keys and sources. */
export async function startRevision(user: User, team: Team): Promise<Outcome> {
  const latest = await latestRow(team.id);
  if (!latest || latest.status !== "signed") return { ok: false, message: "agreement.error.revisionOfSigned" };
  await db()
    .transaction()
    .execute(async (trx) => {
      const next = await trx
        .insertInto("agreement_version")
        .columns(["coalition_id", "number", "vision", "vision_text", "created_by"])
        .expression((eb) =>
          eb
            .selectFrom("agreement_version")
            .where("id", "=", latest.id)
            .select([
              "coalition_id",
              sql<number>`number + 1`.as("number"),
              "vision",
              "vision_text",
              sql<string>`${user.id}::uuid`.as("created_by"),
            ]),
        )
        .onConflict((oc) => oc.columns(["coalition_id", "number"]).doNothing())
        .returning("id")
        .executeTakeFirst();
      if (!next) return; // someone else started it a moment ago
      await sql`insert into agreement_article (version_id, article_key, number, title, body, body_text)
        select ${next.id}, article_key, number, title, body, body_text from agreement_article where version_id = ${latest.id}`.execute(trx);
      await sql`insert into agreement_article_source (article_id, round_theme_id)
        select copy.id, source.round_theme_id
          from agreement_article_source source
          join agreement_article original on original.id = source.article_id and original.version_id = ${latest.id}
          join agreement_article copy on copy.version_id = ${next.id} and copy.article_key = original.article_key`.execute(trx);
    });
  return { ok: true };
}

export async function saveVision(team: Team, version: number, vision: RichTextState): Promise<SaveOutcome<{ vision: RichTextState; version: number }>> {
  const draft = await openDraft(team);
  if ("ok" in draft) return draft;
  const columns = richColumns(vision);
  const saved = await db()
    .updateTable("agreement_version")
    .set({ vision: columns.json, vision_text: columns.text, version: sql<number>`version + 1` })
    .where("id", "=", draft.id)
    .where("status", "=", "draft")
    .where("version", "=", version)
    .executeTakeFirst();
  if (Number(saved.numUpdatedRows) === 1) return { ok: true };
  const now = await latestRow(team.id);
  if (!now || now.id !== draft.id || now.status !== "draft") return { ok: false, message: "agreement.error.notDraft" };
  return { ok: false, conflict: { vision: now.vision as RichTextState, version: now.version } };
}

export type ArticleInput = { title: string; body: RichTextState; sources?: string[] };

/** Only the coalition's own round themes can be an article's source. */
async function checkedSources(team: Team, sources: string[] | undefined): Promise<string[] | Refusal> {
  const wanted = [...new Set(sources ?? [])];
  if (wanted.length === 0) return [];
  const own = new Set((await roundThemesOf(team.id)).map((theme) => theme.id));
  return wanted.every((id) => own.has(id)) ? wanted : { ok: false, message: "error.choose", field: "sources" };
}

export async function addArticle(team: Team, input: ArticleInput): Promise<Outcome> {
  const draft = await openDraft(team);
  if ("ok" in draft) return draft;
  const sources = await checkedSources(team, input.sources);
  if (!Array.isArray(sources)) return sources;
  const body = richColumns(input.body);
  await db()
    .transaction()
    .execute(async (trx) => {
      const article = await trx
        .insertInto("agreement_article")
        .values({
          version_id: draft.id,
          number: sql<number>`(select coalesce(max(number), 0) + 1 from agreement_article where version_id = ${draft.id})`,
          title: input.title,
          body: body.json,
          body_text: body.text,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      if (sources.length) await trx.insertInto("agreement_article_source").values(sources.map((id) => ({ article_id: article.id, round_theme_id: id }))).execute();
    });
  return { ok: true };
}

/** An article of the draft, or null when it is not one (another version, another coalition, gone). */
export async function draftArticle(team: Team, articleId: string): Promise<ArticleView | null> {
  const draft = await openDraft(team);
  if ("ok" in draft) return null;
  return (await articlesOf(draft.id)).find((article) => article.id === articleId) ?? null;
}

export async function saveArticle(team: Team, articleId: string, version: number, input: ArticleInput): Promise<SaveOutcome<ArticleView>> {
  const draft = await openDraft(team);
  if ("ok" in draft) return draft;
  const sources = await checkedSources(team, input.sources);
  if (!Array.isArray(sources)) return sources;
  const body = richColumns(input.body);
  const saved = await db()
    .transaction()
    .execute(async (trx) => {
      const result = await trx
        .updateTable("agreement_article")
        .set({ title: input.title, body: body.json, body_text: body.text, version: sql<number>`version + 1` })
        .where("id", "=", articleId)
        .where("version_id", "=", draft.id)
        .where("version", "=", version)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return false;
      await trx.deleteFrom("agreement_article_source").where("article_id", "=", articleId).execute();
      if (sources.length) await trx.insertInto("agreement_article_source").values(sources.map((id) => ({ article_id: articleId, round_theme_id: id }))).execute();
      return true;
    });
  if (saved) return { ok: true };
  const current = await draftArticle(team, articleId);
  if (!current) return { ok: false, message: "agreement.error.articleGone" };
  return { ok: false, conflict: current };
}

/** Moves an article one place up or down: the two swap numbers. */
export async function moveArticle(team: Team, articleId: string, direction: "up" | "down"): Promise<Outcome> {
  const draft = await openDraft(team);
  if ("ok" in draft) return draft;
  const articles = await articlesOf(draft.id);
  const index = articles.findIndex((article) => article.id === articleId);
  const other = articles[direction === "up" ? index - 1 : index + 1];
  if (index < 0) return { ok: false, message: "agreement.error.articleGone" };
  if (!other) return { ok: true };
  const mine = articles[index];
  await db()
    .transaction()
    .execute(async (trx) => {
      await trx.updateTable("agreement_article").set({ number: other.number }).where("id", "=", mine.id).execute();
      await trx.updateTable("agreement_article").set({ number: mine.number }).where("id", "=", other.id).execute();
    });
  return { ok: true };
}

/** Removes an article from the draft; the ones after it move up a number. */
export async function removeArticle(team: Team, articleId: string): Promise<Outcome> {
  const draft = await openDraft(team);
  if ("ok" in draft) return draft;
  await db()
    .transaction()
    .execute(async (trx) => {
      await trx.deleteFrom("agreement_article").where("id", "=", articleId).where("version_id", "=", draft.id).execute();
      await sql`update agreement_article a set number = renumbered.n
        from (select id, row_number() over (order by number) as n from agreement_article where version_id = ${draft.id}) renumbered
        where a.id = renumbered.id and a.number <> renumbered.n`.execute(trx);
    });
  return { ok: true };
}

/** Out for signing: the text is fixed from now on. A draft needs a vision and at least one article. */
export async function proposeVersion(team: Team): Promise<Outcome> {
  const draft = await openDraft(team);
  if ("ok" in draft) return draft;
  const proposed = await db()
    .updateTable("agreement_version")
    .set({ status: "proposed", proposed_at: sql<Date>`now()` })
    .where("id", "=", draft.id)
    .where("status", "=", "draft")
    .where("vision_text", "<>", "")
    .where(({ exists, selectFrom }) => exists(selectFrom("agreement_article").whereRef("agreement_article.version_id", "=", "agreement_version.id").select("agreement_article.id")))
    .executeTakeFirst();
  return Number(proposed.numUpdatedRows) === 1 ? { ok: true } : { ok: false, message: "agreement.error.incomplete" };
}
