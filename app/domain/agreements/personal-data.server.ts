import { sql } from "kysely";
import { db } from "../../../db/db.server";
import type { User } from "../../auth/permissions.server";
import { onePage, type PersonalRows } from "../privacy/personal-rows.server";

// A person's place in agreements: the versions they started, where they were named to sign, and their signatures.
// A signature is the partner organisation's record, so leaving a coalition keeps it as it is. Erasing the account
// keeps the organisation, function and date of each signature but not the person (migration 0023 allows exactly
// that change); a place to sign under their address loses name, address and link.

export const agreementRows: PersonalRows = {
  module: "agreements",
  covers: [
    { table: "agreement_version", column: "created_by" },
    { table: "agreement_signatory", column: "person_id" },
    { table: "agreement_signatory", column: "email" },
    { table: "agreement_signature", column: "person_id" },
  ],
  async handOver(trx, { from, to, coalitionId }) {
    const inTeam = coalitionId ? sql`coalition_id = ${coalitionId}` : sql`true`;
    await sql`update agreement_version set created_by = ${to} where created_by = ${from} and ${inTeam}`.execute(trx);
  },
  async erase(trx, person) {
    await sql`update agreement_signature set person_id = null, name = '' where person_id = ${person.id}`.execute(trx);
    await sql`update agreement_signatory set person_id = null where person_id = ${person.id}`.execute(trx);
    await sql`update agreement_signatory set name = null, email = null, token_hash = null, token_expires_at = null
      where lower(email) = lower(${person.email})`.execute(trx);
    await sql`update agreement_version set created_by = null where created_by = ${person.id}`.execute(trx);
  },
};

/** Their signatures: which coalition's agreement, which version, for which organisation, as whom and when. */
export function signaturePages(user: User) {
  return onePage(
    db()
      .selectFrom("agreement_signature as sig")
      .innerJoin("agreement_version as v", "v.id", "sig.version_id")
      .innerJoin("coalition", "coalition.id", "v.coalition_id")
      .innerJoin("organisation", "organisation.id", "sig.organisation_id")
      .where("sig.person_id", "=", user.id)
      .select([
        "sig.id",
        "coalition.slug as coalition",
        "v.number as version",
        "organisation.name as organisation",
        "sig.name",
        "sig.function",
        sql<string>`to_char(sig.signed_on, 'YYYY-MM-DD')`.as("signedOn"),
        "sig.signed_at as signedAt",
      ])
      .orderBy("sig.signed_at")
      .execute(),
  );
}

/** Where they were named to sign (as a member, or under their address). */
export function signatoryPages(user: User) {
  return onePage(
    db()
      .selectFrom("agreement_signatory as s")
      .innerJoin("agreement_version as v", "v.id", "s.version_id")
      .innerJoin("coalition", "coalition.id", "v.coalition_id")
      .innerJoin("organisation", "organisation.id", "s.organisation_id")
      .where((eb) => eb.or([eb("s.person_id", "=", user.id), eb(sql`lower(s.email)`, "=", user.email.toLowerCase())]))
      .select(["s.id", "coalition.slug as coalition", "v.number as version", "organisation.name as organisation", "s.name", "s.email", "s.created_at as namedAt"])
      .orderBy("s.created_at")
      .execute(),
  );
}
