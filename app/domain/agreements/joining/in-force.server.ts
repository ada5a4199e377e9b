import { sql } from "kysely";
import { db } from "../../../../db/db.server";

// The version of a coalition's agreement that is in force, read for the public page and the funder: the
// highest-numbered version that every named partner signed, its articles in order and who signed it.

export type VersionInForce = {
  id: string;
  number: number;
  signedAt: Date | null;
  vision: unknown;
  articles: { id: string; number: number; title: string; body: unknown }[];
  signatures: { organisationName: string; name: string; function: string; signedOn: string }[];
};

export async function versionInForceOf(coalitionId: string): Promise<VersionInForce | null> {
  const version = await db()
    .selectFrom("agreement_version")
    .where("coalition_id", "=", coalitionId)
    .where("status", "=", "signed")
    .select(["id", "number", "signed_at as signedAt", "vision"])
    .orderBy("number", "desc")
    .limit(1)
    .executeTakeFirst();
  if (!version) return null;
  const [articles, signatures] = await Promise.all([
    db()
      .selectFrom("agreement_article")
      .where("version_id", "=", version.id)
      .select(["id", "number", "title", "body"])
      .orderBy("number")
      .execute(),
    db()
      .selectFrom("agreement_signature")
      .innerJoin("organisation", "organisation.id", "agreement_signature.organisation_id")
      .where("agreement_signature.version_id", "=", version.id)
      .select([
        "organisation.name as organisationName",
        "agreement_signature.name",
        "agreement_signature.function",
        sql<string>`to_char(agreement_signature.signed_on, 'YYYY-MM-DD')`.as("signedOn"),
      ])
      .orderBy("agreement_signature.signed_on")
      .orderBy("organisation.name")
      .execute(),
  ]);
  return { ...version, articles, signatures };
}
