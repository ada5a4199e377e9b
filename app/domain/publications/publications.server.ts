import { sql } from "kysely";
import { db } from "../../../db/db.server";
import type { QuoteStatus } from "../../../db/schema";
import { notFound, requireFunder, rowIdOrNotFound, type User } from "../../auth/permissions.server";
import { plainTextOf } from "../../richtext/plain-text.server";
import type { RichTextState } from "../../richtext/schema";
import type { Refusal } from "../../ui/form-answer.server";
import type { PublicationInput } from "./publication-form";

// The funder's publications: a programme officer writes them and publishes them once every quoted coalition
// has approved its quote. Only the funder finds them here; the public reads them through public.server.ts.

export type PublicationState = "draft" | "waiting" | "published";

/** The publications, newest first, each with where it stands. */
export async function listPublications(user: User) {
  requireFunder(user);
  const rows = await db()
    .selectFrom("publication")
    .select(["id", "slug", "kind", "title", "updated_at as updatedAt", "published_at as publishedAt"])
    .select(sql<number>`(select count(*)::int from publication_quote q where q.publication_id = publication.id)`.as("quotes"))
    .select(
      sql<number>`(select count(*)::int from publication_quote q where q.publication_id = publication.id and q.status <> 'approved')`.as(
        "unapproved",
      ),
    )
    .orderBy("publication.updated_at", "desc")
    .execute();
  return rows.map((row) => ({ ...row, state: stateOf(row) }));
}

function stateOf(row: { publishedAt: Date | null; unapproved: number }): PublicationState {
  if (row.publishedAt) return "published";
  return row.unapproved > 0 ? "waiting" : "draft";
}

export type QuoteOfPublication = {
  id: string;
  status: QuoteStatus;
  attribution: "name" | "anonymous" | null;
  quotedText: string;
  coalitionName: string;
  lessonId: string;
};

/** One publication as its officer edits it, with every quote in the order it was made. */
export async function getPublication(user: User, id: string | undefined) {
  requireFunder(user);
  const row = await db()
    .selectFrom("publication")
    .where("id", "=", rowIdOrNotFound(id))
    .select(["id", "slug", "kind", "title", "summary", "body", "version", "published_at as publishedAt", "updated_at as updatedAt"])
    .executeTakeFirst();
  if (!row) throw notFound();
  const quotes: QuoteOfPublication[] = await db()
    .selectFrom("publication_quote")
    .innerJoin("coalition", "coalition.id", "publication_quote.coalition_id")
    .where("publication_quote.publication_id", "=", row.id)
    .select([
      "publication_quote.id",
      "publication_quote.status",
      "publication_quote.attribution",
      "publication_quote.quoted_text as quotedText",
      "publication_quote.source_id as lessonId",
      "coalition.name as coalitionName",
    ])
    .orderBy("publication_quote.created_at")
    .orderBy("publication_quote.id")
    .execute();
  const unapproved = quotes.filter((quote) => quote.status !== "approved").length;
  return { ...row, body: row.body as RichTextState, quotes, state: stateOf({ publishedAt: row.publishedAt, unapproved }) };
}

/** "Wat Voorst leerde over buurtbudgetten" → "wat-voorst-leerde-over-buurtbudgetten". */
function slugBase(title: string): string {
  const words = title
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return words.join("-").slice(0, 80).replace(/-$/, "") || "publicatie";
}

/** The title's slug, with -2, -3 … when another publication has it already. */
async function freeSlug(title: string, exceptId: string | null): Promise<string> {
  const base = slugBase(title);
  const taken = new Set(
    (
      await db()
        .selectFrom("publication")
        .where((eb) => eb.or([eb("slug", "=", base), eb("slug", "like", `${base}-%`)]))
        .$if(exceptId !== null, (qb) => qb.where("id", "<>", exceptId as string))
        .select("slug")
        .execute()
    ).map((row) => row.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export async function createPublication(user: User, input: PublicationInput): Promise<{ id: string }> {
  requireFunder(user);
  return db()
    .insertInto("publication")
    .values({
      slug: await freeSlug(input.title, null),
      kind: input.kind,
      title: input.title,
      summary: input.summary,
      body: JSON.stringify(input.body),
      body_text: plainTextOf(input.body),
      author_id: user.id,
      updated_at: new Date(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
}

export type SaveOutcome = { ok: true } | { ok: false; current: Awaited<ReturnType<typeof getPublication>> };

/**
 * Saves the officer's edit if nobody saved in between (version). A draft's address follows its title; once
 * published the address stays, so that links to it keep working.
 */
export async function updatePublication(user: User, id: string | undefined, version: number, input: PublicationInput): Promise<SaveOutcome> {
  const publication = await getPublication(user, id);
  const slug = publication.publishedAt ? publication.slug : await freeSlug(input.title, publication.id);
  const result = await db()
    .updateTable("publication")
    .set({
      slug,
      kind: input.kind,
      title: input.title,
      summary: input.summary,
      body: JSON.stringify(input.body),
      body_text: plainTextOf(input.body),
      version: sql<number>`version + 1`,
      updated_at: sql<Date>`now()`,
    })
    .where("id", "=", publication.id)
    .where("version", "=", version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return { ok: false, current: await getPublication(user, id) };
  return { ok: true };
}

/** Publishes it, only when every quote is approved (a quote declined or withdrawn must be taken out first). */
export async function publishPublication(user: User, id: string | undefined): Promise<{ ok: true } | Refusal> {
  const publication = await getPublication(user, id);
  if (publication.publishedAt) return { ok: true };
  const result = await db()
    .updateTable("publication")
    .set({ published_at: sql<Date>`now()` })
    .where("id", "=", publication.id)
    .where("published_at", "is", null)
    // Checked in the statement itself, so that a quote withdrawn meanwhile cannot slip through.
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom("publication_quote as q").whereRef("q.publication_id", "=", "publication.id").where("q.status", "<>", "approved").select("q.id"))),
    )
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return { ok: false, message: "publication.publish.notApproved" };
  return { ok: true };
}
