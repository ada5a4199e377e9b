import { sql } from "kysely";
import { db } from "../../../db/db.server";
import type { User } from "../../auth/permissions.server";
import { afterId, inCoalition, keyset, PAGE_SIZE, type PersonalRows } from "../privacy/personal-rows.server";

// The publications an officer wrote and the decisions a facilitator took on their coalition's quotes: exported
// as theirs; on leaving, handed to the stand-in (a publication stays published, a consent stays given).

export const publicationRows: PersonalRows = {
  module: "publications",
  covers: [
    { table: "publication", column: "author_id" },
    { table: "publication_quote", column: "decided_by" },
  ],
  async handOver(trx, { from, to, coalitionId }) {
    // A publication is the programme's, not a coalition's: it changes hands only when the whole account goes.
    if (coalitionId === null) await sql`update publication set author_id = ${to} where author_id = ${from}`.execute(trx);
    await sql`update publication_quote set decided_by = ${to}
        where decided_by = ${from} and ${inCoalition("publication_quote.coalition_id", coalitionId)}`.execute(trx);
  },
};

export function publicationPages(user: User) {
  return keyset((after) =>
    db()
      .selectFrom("publication")
      .where("author_id", "=", user.id)
      .where(afterId("publication.id", after))
      .select(["id", "slug", "kind", "title", "summary", "body_text as text", "created_at as createdAt", "published_at as publishedAt"])
      .orderBy("publication.id")
      .limit(PAGE_SIZE)
      .execute(),
  );
}

/** The quotes they approved, declined or withdrew: the words, the publication and the name they chose. */
export function quoteDecisionPages(user: User) {
  return keyset((after) =>
    db()
      .selectFrom("publication_quote as q")
      .innerJoin("publication as p", "p.id", "q.publication_id")
      .innerJoin("coalition", "coalition.id", "q.coalition_id")
      .where("q.decided_by", "=", user.id)
      .where(afterId("q.id", after))
      .select([
        "q.id",
        "coalition.slug as coalition",
        "p.title as publication",
        "q.quoted_text as quotedText",
        "q.status",
        "q.attribution",
        "q.decided_at as decidedAt",
      ])
      .orderBy("q.id")
      .limit(PAGE_SIZE)
      .execute(),
  );
}
