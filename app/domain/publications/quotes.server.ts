import { sql } from "kysely";
import { facilitatorIds } from "../coalitions/members.server";
import { db } from "../../../db/db.server";
import { notFound, readableBy, requireFunder, requireTeamFacilitator, rowIdOrNotFound, sharedWithNetwork, isRowId, type Team, type User } from "../../auth/permissions.server";
import { notify } from "../notifications/notify.server";
import type { Refusal } from "../../ui/form-answer.server";
import { getPublication } from "./publications.server";
import type { QuoteDecision, QuoteInput } from "./publication-form";

// Quotes of shared lessons in the funder's publications, and the quoted coalition's consent. A quote keeps the
// words as they were approved; the public sees it only while it is approved (public.server.ts).

/** Lessons the officer may quote: shared with the network, not in the trash, and readable by them. */
function quotableLessonsQuery(user: User) {
  return db()
    .selectFrom("lesson")
    .innerJoin("coalition", "coalition.id", "lesson.coalition_id")
    .where(sharedWithNetwork("lesson"))
    .where(readableBy(user, "lesson"));
}

/** The shared lessons to quote from, newest first, optionally those with the search words in them. */
export async function quotableLessons(user: User, search: string) {
  requireFunder(user);
  const words = search.trim().slice(0, 100);
  return quotableLessonsQuery(user)
    .$if(words !== "", (qb) =>
      qb.where((eb) =>
        eb.or([
          eb("lesson.statement", "ilike", `%${escapeLike(words)}%`),
          eb("lesson.explanation_text", "ilike", `%${escapeLike(words)}%`),
          eb("coalition.name", "ilike", `%${escapeLike(words)}%`),
        ]),
      ),
    )
    .select(["lesson.id", "lesson.statement", "lesson.explanation_text as explanation", "coalition.name as coalitionName"])
    .orderBy("lesson.created_at", "desc")
    .limit(20)
    .execute();
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Whitespace and typographic quotes differ between what is pasted and what was written: compare without them. */
function comparable(text: string): string {
  return text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, " ").trim().toLowerCase();
}

/**
 * Quotes words of a shared lesson in the publication and asks the lesson's coalition for consent. The words
 * must be the lesson's own (its statement or explanation); a lesson the officer cannot read is refused like
 * one that does not exist, and nothing is saved.
 */
export async function quoteLesson(user: User, publicationId: string | undefined, input: QuoteInput, origin?: string): Promise<{ ok: true } | Refusal> {
  const publication = await getPublication(user, publicationId);
  const lesson = isRowId(input.lesson)
    ? await quotableLessonsQuery(user)
        .where("lesson.id", "=", input.lesson)
        .select(["lesson.id", "lesson.coalition_id as coalitionId", "lesson.statement", "lesson.explanation_text as explanation"])
        .executeTakeFirst()
    : undefined;
  if (!lesson) return { ok: false, message: "publication.quote.unreadable", field: "lesson" };
  const words = comparable(input.words);
  if (!comparable(lesson.statement).includes(words) && !comparable(lesson.explanation).includes(words)) {
    return { ok: false, message: "publication.quote.notInLesson", field: "words" };
  }
  await db()
    .insertInto("publication_quote")
    .values({
      publication_id: publication.id,
      source_type: "lesson",
      source_id: lesson.id,
      coalition_id: lesson.coalitionId,
      quoted_text: input.words.trim(),
    })
    .execute();
  await notify({
    kind: "quote",
    recipientIds: await facilitatorIds(lesson.coalitionId),
    actorId: user.id,
    item: { type: "publication", id: publication.id },
    origin,
  });
  return { ok: true };
}

/** The officer takes a quote out of the publication (a declined or withdrawn one, or one no longer wanted). */
export async function removeQuote(user: User, publicationId: string | undefined, quoteId: string | undefined): Promise<void> {
  const publication = await getPublication(user, publicationId);
  const result = await db()
    .deleteFrom("publication_quote")
    .where("id", "=", rowIdOrNotFound(quoteId))
    .where("publication_id", "=", publication.id)
    .executeTakeFirst();
  if (Number(result.numDeletedRows) !== 1) throw notFound();
}

/** Every quote of the coalition, with the publication around it: for its facilitators only. */
export async function teamQuotes(user: User, team: Team) {
  requireTeamFacilitator(user, team);
  return db()
    .selectFrom("publication_quote as q")
    .innerJoin("publication as p", "p.id", "q.publication_id")
    .leftJoin("lesson", "lesson.id", "q.source_id")
    .where("q.coalition_id", "=", team.id)
    .select([
      "q.id",
      "q.status",
      "q.attribution",
      "q.quoted_text as quotedText",
      "q.created_at as createdAt",
      "q.decided_at as decidedAt",
      "p.title",
      "p.summary",
      "p.kind",
      "p.slug",
      "p.published_at as publishedAt",
      "lesson.statement as lessonStatement",
      "lesson.id as lessonId",
    ])
    .orderBy(sql`q.status = 'pending'`, "desc")
    .orderBy("q.created_at", "desc")
    .execute();
}

/**
 * A facilitator approves (choosing the attribution), declines, or later withdraws a quote of their coalition.
 * A withdrawal takes the quote off the public page at once (it shows approved quotes only) and tells the officer.
 */
export async function decideQuote(user: User, team: Team, input: QuoteDecision, origin?: string): Promise<{ ok: true } | Refusal> {
  requireTeamFacilitator(user, team);
  const quote = await db()
    .selectFrom("publication_quote as q")
    .innerJoin("publication as p", "p.id", "q.publication_id")
    .where("q.id", "=", rowIdOrNotFound(input.quote))
    .where("q.coalition_id", "=", team.id)
    .select(["q.id", "q.status", "q.publication_id as publicationId", "p.author_id as authorId"])
    .executeTakeFirst();
  if (!quote) throw notFound();
  const decided = { decided_by: user.id, decided_at: sql<Date>`now()` };
  const update = db().updateTable("publication_quote").where("id", "=", quote.id);
  if (input.decision === "approve") {
    await update.set({ status: "approved", attribution: input.attribution ?? null, ...decided }).execute();
    return { ok: true };
  }
  if (input.decision === "decline") {
    if (quote.status !== "pending") return { ok: false, message: "quotes.error.notPending" };
    await update.set({ status: "declined", ...decided }).execute();
    return { ok: true };
  }
  if (quote.status !== "approved") return { ok: false, message: "quotes.error.notApproved" };
  await update.set({ status: "withdrawn", ...decided }).execute();
  await notify({
    kind: "quote",
    detail: "withdrawn",
    recipientIds: quote.authorId ? [quote.authorId] : await funders(),
    actorId: user.id,
    item: { type: "publication", id: quote.publicationId },
    origin,
  });
  return { ok: true };
}

/** When the officer who wrote it is gone, every programme officer hears of a withdrawal. */
async function funders(): Promise<string[]> {
  const rows = await db().selectFrom("person").where("account_role", "=", "funder").where("deactivated_at", "is", null).select("id").execute();
  return rows.map((row) => row.id);
}

/**
 * A facilitator who follows a notification about a publication lands on their coalition's quotes; the path of
 * such a notification is the officer's page. Null: this person has no quote of theirs in it.
 */
export async function quotesPageOf(user: User, publicationId: string | undefined): Promise<string | null> {
  if (!isRowId(publicationId)) return null;
  const facilitated = user.memberships.filter((m) => m.role === "facilitator");
  if (facilitated.length === 0) return null;
  const quoted = await db()
    .selectFrom("publication_quote")
    .where("publication_id", "=", publicationId)
    .where("coalition_id", "in", facilitated.map((m) => m.coalitionId))
    .select("coalition_id")
    .executeTakeFirst();
  const team = quoted && facilitated.find((m) => m.coalitionId === quoted.coalition_id);
  return team ? `/teams/${team.slug}/quotes` : null;
}
