import { sql } from "kysely";
import { db } from "../../../db/db.server";
import type { AgreementStatus } from "../../../db/schema";
import { membershipIn, notFound, readsContent, requireMembership, type Team, type User } from "../../auth/permissions.server";
import type { RichTextState } from "../../richtext/schema";
import { sourcesOfArticles, type RoundThemeChoice } from "./round-themes.server";

// A coalition's agreement as its readers see it: the team reads every version; once the coalition has published
// it, the programme's other people (and the public page) read the versions that were signed. Forbidden and
// missing both answer 404.

export type AgreementReader = { team: Team; role: "facilitator" | "member" | null };

export type ArticleView = {
  id: string;
  key: string;
  number: number;
  title: string;
  body: RichTextState;
  bodyText: string;
  version: number;
  sources: RoundThemeChoice[];
};

export type SignatureView = { name: string; function: string; signedOn: string; signedAt: string };

export type SignatoryView = {
  id: string;
  organisationId: string;
  organisationName: string;
  personId: string | null;
  name: string | null;
  /** An outsider's address: for the coalition's facilitators only. */
  email: string | null;
  linkExpiresAt: string | null;
  signature: SignatureView | null;
};

export type VersionView = {
  id: string;
  coalitionId: string;
  number: number;
  status: AgreementStatus;
  vision: RichTextState;
  visionText: string;
  version: number;
  createdAt: string;
  proposedAt: string | null;
  signedAt: string | null;
  articles: ArticleView[];
  signatories: SignatoryView[];
  /** Partner organisations that have not signed this version (in force: partners who joined since). */
  unsigned: number;
};

export type AgreementFacts = {
  coalitionId: string;
  publishedAt: string | null;
  reviewOn: string | null;
  /** Every version's number and state, newest first. */
  versions: { number: number; status: AgreementStatus; signedAt: string | null }[];
};

const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null);

/**
 * The coalition's agreement for a person: its members always (role says whether they edit); the programme's other
 * readers (another coalition, the funder) only once it is published. Admins read no content.
 */
export async function openAgreement(user: User, slug: string | undefined): Promise<AgreementReader> {
  const team = await db().selectFrom("coalition").where("slug", "=", slug ?? "").select(["id", "slug", "name", "place", "description"]).executeTakeFirst();
  if (!team) throw notFound();
  const membership = membershipIn(user, team.id);
  if (membership) return { team, role: membership.role };
  if (!readsContent(user) || !(await isPublished(team.id))) throw notFound();
  return { team, role: null };
}

/** The agreement's facilitators: they write, propose, name signatories and set the review date. */
export async function openAgreementAsFacilitator(user: User, slug: string | undefined): Promise<Team> {
  return requireMembership(user, slug, "facilitator");
}

/** The draft being written, for its facilitators; a proposed or signed version is fixed and is not found here. */
export async function openDraftAsFacilitator(user: User, slug: string | undefined): Promise<{ team: Team; draft: VersionView }> {
  const team = await openAgreementAsFacilitator(user, slug);
  const draft = await latestVersion(team.id);
  if (!draft || draft.status !== "draft") throw notFound();
  return { team, draft };
}

async function isPublished(coalitionId: string): Promise<boolean> {
  const row = await db().selectFrom("agreement").where("coalition_id", "=", coalitionId).where("published_at", "is not", null).select("coalition_id").executeTakeFirst();
  return row !== undefined;
}

export async function agreementFacts(coalitionId: string): Promise<AgreementFacts | null> {
  const agreement = await db()
    .selectFrom("agreement")
    .where("coalition_id", "=", coalitionId)
    .select(["published_at", sql<string | null>`to_char(review_on, 'YYYY-MM-DD')`.as("reviewOn")])
    .executeTakeFirst();
  if (!agreement) return null;
  const versions = await db()
    .selectFrom("agreement_version")
    .where("coalition_id", "=", coalitionId)
    .select(["number", "status", "signed_at"])
    .orderBy("number", "desc")
    .execute();
  return {
    coalitionId,
    publishedAt: iso(agreement.published_at),
    reviewOn: agreement.reviewOn,
    versions: versions.map((v) => ({ number: v.number, status: v.status, signedAt: iso(v.signed_at) })),
  };
}

/** Which versions a reader may open: the team every one, others only those signed. */
export function readableVersions(reader: AgreementReader, facts: AgreementFacts | null): number[] {
  if (!facts) return [];
  return facts.versions.filter((v) => reader.role !== null || v.status === "signed").map((v) => v.number);
}

/** One version, whole: vision, articles with their sources, signatories with their signatures. */
export async function loadVersion(coalitionId: string, number: number, options: { withContacts?: boolean } = {}): Promise<VersionView | null> {
  if (!Number.isInteger(number) || number < 1 || number > 1_000_000) return null;
  const row = await db()
    .selectFrom("agreement_version")
    .where("coalition_id", "=", coalitionId)
    .where("number", "=", number)
    .selectAll()
    .executeTakeFirst();
  return row ? versionView(row, options) : null;
}

/** The latest version: the one being written, out for signing, or (when nothing newer) the one in force. */
export async function latestVersion(coalitionId: string, options: { withContacts?: boolean } = {}): Promise<VersionView | null> {
  const row = await db()
    .selectFrom("agreement_version")
    .where("coalition_id", "=", coalitionId)
    .orderBy("number", "desc")
    .limit(1)
    .selectAll()
    .executeTakeFirst();
  return row ? versionView(row, options) : null;
}

/**
 * The version in force: the latest signed one, with its vision, articles and signatures (null when none was
 * signed yet). For the public page and the programme's overview: no addresses in it.
 */
export async function versionInForce(coalitionId: string): Promise<VersionView | null> {
  const row = await db()
    .selectFrom("agreement_version")
    .where("coalition_id", "=", coalitionId)
    .where("status", "=", "signed")
    .orderBy("number", "desc")
    .limit(1)
    .selectAll()
    .executeTakeFirst();
  return row ? versionView(row, {}) : null;
}

type VersionRow = {
  id: string;
  coalition_id: string;
  number: number;
  status: AgreementStatus;
  vision: unknown;
  vision_text: string;
  version: number;
  created_at: Date;
  proposed_at: Date | null;
  signed_at: Date | null;
};

/**
 * The version partners sign now: the one out for signing, or else the one in force (a partner who joined after it
 * was signed signs that). An older one is never signed any more.
 */
export async function versionOpenForSigning(coalitionId: string, options: { withContacts?: boolean } = {}): Promise<VersionView | null> {
  const row = await db()
    .selectFrom("agreement_version")
    .where("coalition_id", "=", coalitionId)
    .where("status", "in", ["proposed", "signed"])
    .orderBy("number", "desc")
    .limit(1)
    .selectAll()
    .executeTakeFirst();
  return row ? versionView(row, { ...options, everyPartner: true }) : null;
}

async function versionView(row: VersionRow, { withContacts = false, everyPartner = false }: { withContacts?: boolean; everyPartner?: boolean }): Promise<VersionView> {
  const [articles, signatories] = await Promise.all([articlesOf(row.id), signatoriesOf(row.id, row.coalition_id, withContacts)]);
  return {
    id: row.id,
    coalitionId: row.coalition_id,
    number: row.number,
    status: row.status,
    vision: row.vision as RichTextState,
    visionText: row.vision_text,
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
    proposedAt: iso(row.proposed_at),
    signedAt: iso(row.signed_at),
    articles,
    // Out for signing: every partner, named or not yet; otherwise those who signed it.
    signatories: row.status === "proposed" || everyPartner ? signatories : signatories.filter((signatory) => signatory.signature),
    unsigned: signatories.filter((signatory) => !signatory.signature).length,
  };
}

export async function articlesOf(versionId: string): Promise<ArticleView[]> {
  const rows = await db()
    .selectFrom("agreement_article")
    .where("version_id", "=", versionId)
    .select(["id", "article_key", "number", "title", "body", "body_text", "version"])
    .orderBy("number")
    .execute();
  const sources = await sourcesOfArticles(rows.map((row) => row.id));
  return rows.map((row) => ({
    id: row.id,
    key: row.article_key,
    number: row.number,
    title: row.title,
    body: row.body as RichTextState,
    bodyText: row.body_text,
    version: row.version,
    sources: sources.get(row.id) ?? [],
  }));
}

/**
 * Every partner organisation of the coalition with whom it named to sign this version and their signature.
 * An organisation without a named signatory is listed too (id ""), so that the page shows who is missing.
 */
async function signatoriesOf(versionId: string, coalitionId: string, withContacts: boolean): Promise<SignatoryView[]> {
  const rows = await db()
    .selectFrom("organisation")
    .leftJoin("agreement_signatory as s", (join) => join.onRef("s.organisation_id", "=", "organisation.id").on("s.version_id", "=", versionId))
    .leftJoin("person", "person.id", "s.person_id")
    .leftJoin("agreement_signature as sig", "sig.signatory_id", "s.id")
    .where("organisation.coalition_id", "=", coalitionId)
    .select([
      "organisation.id as organisationId",
      "organisation.name as organisationName",
      "s.id",
      "s.person_id as personId",
      sql<string | null>`coalesce(person.name, s.name)`.as("name"),
      "s.email",
      "s.token_expires_at",
      "sig.name as signedName",
      "sig.function as signedFunction",
      sql<string | null>`to_char(sig.signed_on, 'YYYY-MM-DD')`.as("signedOn"),
      "sig.signed_at",
    ])
    .orderBy("organisation.position")
    .orderBy("organisation.name")
    .execute();
  return rows.map((row) => ({
    id: row.id ?? "",
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    personId: row.personId,
    name: row.name,
    email: withContacts ? row.email : null,
    linkExpiresAt: withContacts ? iso(row.token_expires_at) : null,
    signature:
      row.signedFunction !== null && row.signedOn && row.signed_at
        ? { name: row.signedName ?? "", function: row.signedFunction, signedOn: row.signedOn, signedAt: new Date(row.signed_at).toISOString() }
        : null,
  }));
}
