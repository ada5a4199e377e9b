import { sql } from "kysely";
import { facilitatorIds } from "../coalitions/members.server";
import { db } from "../../../db/db.server";
import { membershipIn, type Team, type User } from "../../auth/permissions.server";
import { hashToken, newToken } from "../../auth/tokens.server";
import { translator } from "../../i18n/dictionaries.server";
import { formatDay } from "../../i18n/dates";
import type { Refusal } from "../../ui/form-answer.server";
import { sendEmail } from "../mail/email.server";
import { notify } from "../notifications/notify.server";
import { loadVersion, versionOpenForSigning, type VersionView } from "./agreements.server";
import type { SignatoryForm, SignatureForm } from "./agreement-form";

// Signing the version out for signing, or the one in force by a partner who joined after it was signed (never an
// older one: see versionOpenForSigning). A facilitator names, per partner organisation, who signs: a member of the coalition
// (who signs on the agreement page), or someone without an account, who gets a personal link by mail that works
// until it expires (only its hash is kept). A signature belongs to that exact version and is never changed (the
// database refuses it, see migration 0023); the version is in force once every partner organisation signed.

export const SIGNING_LINK_DAYS = 30;

export type Outcome = { ok: true } | Refusal;

/** The id of the coalition's version that is signed now, as SQL (see versionOpenForSigning). */
const openForSigning = (coalitionId: ReturnType<typeof sql.ref> | string) => sql<string>`(
  select id from agreement_version where coalition_id = ${coalitionId} and status in ('proposed', 'signed') order by number desc limit 1)`;

/** Names (or names again) who signs for one partner organisation on the version signed now. */
export async function nameSignatory(user: User, team: Team, input: SignatoryForm, origin: string): Promise<Outcome> {
  const version = await versionOpenForSigning(team.id);
  if (!version) return { ok: false, message: "agreement.error.notProposed" };
  const organisation = await db()
    .selectFrom("organisation")
    .where("id", "=", input.organisation)
    .where("coalition_id", "=", team.id)
    .select(["id", "name"])
    .executeTakeFirst();
  if (!organisation) return { ok: false, message: "error.choose", field: "organisation" };
  let person: { id: string; name: string; email: string; language: "nl" | "en" } | undefined;
  if (input.who === "member") {
    person = await db()
      .selectFrom("person")
      .innerJoin("membership", "membership.person_id", "person.id")
      .where("membership.coalition_id", "=", team.id)
      .where("person.id", "=", input.person ?? "")
      .where("person.deactivated_at", "is", null)
      .select(["person.id", "person.name", "person.email", "person.language"])
      .executeTakeFirst();
    if (!person) return { ok: false, message: "error.choose", field: "person" };
  }
  const signed = await db()
    .selectFrom("agreement_signature")
    .where("version_id", "=", version.id)
    .where("organisation_id", "=", organisation.id)
    .select("id")
    .executeTakeFirst();
  if (signed) return { ok: false, message: "agreement.error.alreadySigned", field: "organisation" };

  const link = input.who === "outsider" ? newToken() : null;
  const expires = link ? new Date(Date.now() + SIGNING_LINK_DAYS * 864e5) : null;
  const values = {
    person_id: person?.id ?? null,
    name: person ? null : (input.name ?? null),
    email: person ? null : (input.email ?? null),
    token_hash: link?.hash ?? null,
    token_expires_at: expires,
  };
  await db()
    .insertInto("agreement_signatory")
    .values({ version_id: version.id, organisation_id: organisation.id, ...values })
    .onConflict((oc) => oc.columns(["version_id", "organisation_id"]).doUpdateSet(values))
    .execute();

  const t = translator(person?.language ?? "nl");
  const vars = { team: team.name, organisation: organisation.name, number: version.number, inviter: user.name };
  if (person) {
    await sendEmail({
      to: person.email,
      subject: t("agreementMail.member.subject", vars),
      text: t("agreementMail.member.body", { ...vars, name: person.name, link: `${origin}/teams/${team.slug}/agreement` }),
    });
  } else if (link && expires && input.email) {
    await sendEmail({
      to: input.email,
      subject: t("agreementMail.link.subject", vars),
      text: t("agreementMail.link.body", {
        ...vars,
        name: input.name ?? "",
        link: `${origin}/sign/${link.token}`,
        until: formatDay(expires.toISOString().slice(0, 10), "nl"),
      }),
    });
  }
  return { ok: true };
}

/** A member's own place to sign on the version signed now, if they were named and have not signed yet. */
export async function ownSignatory(user: User, coalitionId: string) {
  return db()
    .selectFrom("agreement_signatory as s")
    .innerJoin("agreement_version as v", "v.id", "s.version_id")
    .innerJoin("organisation", "organisation.id", "s.organisation_id")
    .where("v.coalition_id", "=", coalitionId)
    .where("v.id", "=", openForSigning(coalitionId))
    .where("s.person_id", "=", user.id)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom("agreement_signature").whereRef("agreement_signature.signatory_id", "=", "s.id").select("agreement_signature.id"))))
    .select(["s.id", "v.number", "organisation.name as organisationName"])
    .executeTakeFirst();
}

/** A member signs in the app, for the version they read (its number comes with the form). */
export async function signAsMember(user: User, team: Team, input: SignatureForm): Promise<Outcome> {
  if (!membershipIn(user, team.id)) return { ok: false, message: "agreement.error.notSignatory" };
  const mine = await ownSignatory(user, team.id);
  if (!mine) return { ok: false, message: "agreement.error.notSignatory" };
  if (mine.number !== input.version) return { ok: false, message: "agreement.error.oldVersion" };
  return sign(mine.id, user.id, input);
}

export type SigningLink =
  | { state: "unknown" | "expired" | "used" | "closed" }
  | { state: "open"; signatoryName: string; organisationName: string; teamName: string; version: VersionView };

async function signatoryByToken(token: string) {
  return db()
    .selectFrom("agreement_signatory as s")
    .innerJoin("agreement_version as v", "v.id", "s.version_id")
    .innerJoin("organisation", "organisation.id", "s.organisation_id")
    .innerJoin("coalition", "coalition.id", "v.coalition_id")
    .leftJoin("agreement_signature as sig", "sig.signatory_id", "s.id")
    .where("s.token_hash", "=", hashToken(token))
    .select([
      "s.id",
      "s.name",
      "s.token_expires_at",
      "v.coalition_id",
      "v.number",
      sql<boolean>`v.id = ${openForSigning(sql.ref("v.coalition_id"))}`.as("open"),
      "organisation.name as organisationName",
      "coalition.name as teamName",
      "sig.id as signatureId",
    ])
    .executeTakeFirst();
}

/** What a signing link opens: the full text to sign, or why it cannot be signed (nothing is saved then). */
export async function openSigningLink(token: string | undefined, now = new Date()): Promise<SigningLink> {
  if (!token || token.length > 100) return { state: "unknown" };
  const row = await signatoryByToken(token);
  if (!row) return { state: "unknown" };
  if (row.signatureId) return { state: "used" };
  if (!row.open) return { state: "closed" };
  if (!row.token_expires_at || new Date(row.token_expires_at) <= now) return { state: "expired" };
  const version = await loadVersion(row.coalition_id, row.number);
  if (!version) return { state: "unknown" };
  return { state: "open", signatoryName: row.name ?? "", organisationName: row.organisationName, teamName: row.teamName, version };
}

export async function signByLink(token: string | undefined, input: SignatureForm, now = new Date()): Promise<Outcome | { ok: false; state: SigningLink["state"] }> {
  const link = await openSigningLink(token, now);
  if (link.state !== "open") return { ok: false, state: link.state };
  if (link.version.number !== input.version) return { ok: false, message: "agreement.error.oldVersion" };
  const row = await signatoryByToken(token ?? "");
  if (!row) return { ok: false, state: "unknown" };
  const outcome = await sign(row.id, null, input);
  if (!outcome.ok && outcome.message === "agreement.error.alreadySigned") return { ok: false, state: "used" };
  return outcome;
}

/**
 * The signature itself: written only while the version is the one signed now and the signatory has not signed;
 * then a proposed version comes into force if every partner organisation has signed it, and the facilitators hear of it.
 */
async function sign(signatoryId: string, personId: string | null, input: SignatureForm): Promise<Outcome> {
  const inserted = await sql<{ version_id: string; coalition_id: string }>`
    insert into agreement_signature (signatory_id, version_id, organisation_id, person_id, name, function, signed_on)
    select s.id, s.version_id, s.organisation_id, ${personId}, ${input.name}, ${input.function}, ${input.signedOn}
      from agreement_signatory s join agreement_version v on v.id = s.version_id
     where s.id = ${signatoryId} and v.id = ${openForSigning(sql.ref("v.coalition_id"))}
    on conflict (signatory_id) do nothing
    returning version_id, (select coalition_id from agreement_version where id = version_id)`.execute(db());
  const signature = inserted.rows[0];
  if (!signature) {
    const exists = await db().selectFrom("agreement_signature").where("signatory_id", "=", signatoryId).select("id").executeTakeFirst();
    return { ok: false, message: exists ? "agreement.error.alreadySigned" : "agreement.error.oldVersion" };
  }
  await sql`update agreement_version v set status = 'signed', signed_at = now()
     where v.id = ${signature.version_id} and v.status = 'proposed'
       and not exists (select 1 from organisation o where o.coalition_id = v.coalition_id
         and not exists (select 1 from agreement_signature sig where sig.version_id = v.id and sig.organisation_id = o.id))`.execute(db());
  const facilitators = await facilitatorIds(signature.coalition_id);
  await notify({
    kind: "signature",
    recipientIds: facilitators,
    actorId: personId,
    item: { type: "agreement", id: signature.coalition_id },
  });
  return { ok: true };
}

/** Members a facilitator can name to sign: the coalition's active members. */
export async function signatoryCandidates(team: Team) {
  return db()
    .selectFrom("membership")
    .innerJoin("person", "person.id", "membership.person_id")
    .where("membership.coalition_id", "=", team.id)
    .where("person.deactivated_at", "is", null)
    .where("person.erased_at", "is", null)
    .select(["person.id", "person.name"])
    .orderBy("person.name")
    .execute();
}
