import { db } from "../../../db/db.server";
import { notFound } from "../../auth/permissions.server";
import type { RichTextState } from "../../richtext/schema";

// What the public reads: published publications, and of their quotes only those the quoted coalition approved
// as they are now (a quote withdrawn a minute ago is gone from the next page view and the next feed read).

export type PublicQuote = { id: string; text: string; coalitionName: string | null };

/** The approved quotes of these publications, in the order they were made; the name only where the coalition chose it. */
async function approvedQuotes(publicationIds: string[]): Promise<Map<string, PublicQuote[]>> {
  const byPublication = new Map<string, PublicQuote[]>();
  if (publicationIds.length === 0) return byPublication;
  const rows = await db()
    .selectFrom("publication_quote as q")
    .innerJoin("coalition", "coalition.id", "q.coalition_id")
    .where("q.publication_id", "in", publicationIds)
    .where("q.status", "=", "approved")
    .select(["q.id", "q.publication_id as publicationId", "q.quoted_text as text", "q.attribution", "coalition.name"])
    .orderBy("q.created_at")
    .orderBy("q.id")
    .execute();
  for (const row of rows) {
    const list = byPublication.get(row.publicationId) ?? [];
    list.push({ id: row.id, text: row.text, coalitionName: row.attribution === "name" ? row.name : null });
    byPublication.set(row.publicationId, list);
  }
  return byPublication;
}

const publishedColumns = ["id", "slug", "kind", "title", "summary", "body", "published_at as publishedAt", "updated_at as updatedAt"] as const;

export async function publishedPublication(slug: string | undefined) {
  const row = slug
    ? await db().selectFrom("publication").where("slug", "=", slug).where("published_at", "is not", null).select(publishedColumns).executeTakeFirst()
    : undefined;
  if (!row || !row.publishedAt) throw notFound();
  const quotes = (await approvedQuotes([row.id])).get(row.id) ?? [];
  return { ...row, publishedAt: row.publishedAt, body: row.body as RichTextState, quotes };
}

/** The newest published publications, for the feed. */
export async function latestPublications(limit = 30) {
  const rows = await db()
    .selectFrom("publication")
    .where("published_at", "is not", null)
    .select(publishedColumns)
    .orderBy("published_at", "desc")
    .limit(limit)
    .execute();
  const quotes = await approvedQuotes(rows.map((row) => row.id));
  return rows.map((row) => ({ ...row, publishedAt: row.publishedAt as Date, body: row.body as RichTextState, quotes: quotes.get(row.id) ?? [] }));
}
