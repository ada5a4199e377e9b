import { sql } from "kysely";
import { facilitatorIds } from "../../coalitions/members.server";
import { db } from "../../../../db/db.server";
import { notFound } from "../../../auth/permissions.server";
import { notify } from "../../notifications/notify.server";
import { versionInForceOf } from "./in-force.server";
import type { JoinRequestInput } from "./join-form";
import { countAttempt } from "../../../server/throttle.server";

// A coalition's published agreement at /agreements/:team, for anyone (no account, no JavaScript), and the form
// through which an organisation or a person asks to join. Contact details go to the coalition's facilitators
// only; the public page names a person who joined only as long as their details are kept (90 days after the
// decision), and after that only counts them.

/** Join requests per client address per coalition per hour, and per coalition per hour, before the form answers 429. */
export const MAX_ATTEMPTS_PER_ADDRESS = 5;
export const MAX_ATTEMPTS_PER_COALITION = 100;

/** The published agreement of a coalition, or 404: unknown coalition, not published, or no version in force. */
async function publishedAgreement(slug: string | undefined) {
  if (!slug || slug.length > 100) throw notFound();
  const coalition = await db()
    .selectFrom("coalition")
    .innerJoin("agreement", "agreement.coalition_id", "coalition.id")
    .where("coalition.slug", "=", slug)
    .where("agreement.published_at", "is not", null)
    .select(["coalition.id", "coalition.slug", "coalition.name", "coalition.place"])
    .executeTakeFirst();
  if (!coalition) throw notFound();
  const version = await versionInForceOf(coalition.id);
  if (!version) throw notFound();
  return { coalition, version };
}

export async function publicAgreementPage(slug: string | undefined) {
  const { coalition, version } = await publishedAgreement(slug);
  const [partners, joined] = await Promise.all([
    db()
      .selectFrom("organisation")
      .where("coalition_id", "=", coalition.id)
      .select("name")
      .orderBy("position")
      .orderBy("name")
      .execute(),
    db()
      .selectFrom("agreement_join_request")
      .where("coalition_id", "=", coalition.id)
      .where("kind", "=", "individual")
      .where("decision", "=", "accepted")
      .select(["contact_name as name", "decided_at as decidedAt"])
      .orderBy("decided_at")
      .execute(),
  ]);
  return {
    coalition: { slug: coalition.slug, name: coalition.name, place: coalition.place },
    partners: partners.map((p) => p.name),
    version: { number: version.number, signedAt: version.signedAt, vision: version.vision, articles: version.articles },
    signatures: version.signatures,
    // People who joined: by name while their details are kept, after that only as a number.
    people: {
      named: joined.flatMap((person) => (person.name ? [person.name] : [])),
      unnamed: joined.filter((person) => !person.name).length,
    },
  };
}

/** What the sender is told: the same for a new request, a repeated one and a robot. */
export type JoinOutcome = { ok: true } | { ok: false; reason: "throttled" };

/**
 * Saves a join request and tells the coalition's facilitators. The same address asking again while a request
 * is open makes no second request, and a filled-in honeypot saves nothing: both are told what a newcomer is.
 */
export async function sendJoinRequest(
  slug: string | undefined,
  input: JoinRequestInput,
  context: { address: string; origin: string; now?: Date },
): Promise<JoinOutcome> {
  const now = context.now ?? new Date();
  const { coalition } = await publishedAgreement(slug);
  if (!(await countAttempt({ table: "agreement_join_attempt", column: "coalition_id", id: coalition.id }, context.address, { perAddress: MAX_ATTEMPTS_PER_ADDRESS, inAll: MAX_ATTEMPTS_PER_COALITION }, now))) return { ok: false, reason: "throttled" };
  if (input.website) return { ok: true };
  const open = await db()
    .selectFrom("agreement_join_request")
    .where("coalition_id", "=", coalition.id)
    .where("decision", "is", null)
    .where(sql<string>`lower(email)`, "=", input.email.toLowerCase())
    .select("id")
    .executeTakeFirst();
  if (open) return { ok: true };
  await db()
    .insertInto("agreement_join_request")
    .values({
      coalition_id: coalition.id,
      kind: input.kind,
      organisation_name: input.kind === "organisation" ? input.organisationName! : null,
      contact_name: input.contactName,
      email: input.email,
      motivation: input.motivation,
      created_at: now,
    })
    .execute();
  const facilitators = await facilitatorIds(coalition.id);
  await notify({
    kind: "join_request",
    recipientIds: facilitators,
    actorId: null,
    item: { type: "agreement", id: coalition.id },
    origin: context.origin,
  });
  return { ok: true };
}

