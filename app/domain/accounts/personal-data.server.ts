import { sql } from "kysely";
import { db } from "../../../db/db.server";
import type { User } from "../../auth/permissions.server";
import { afterId, inCoalition, keyset, PAGE_SIZE, type PersonalRows } from "../privacy/personal-rows.server";

// The account itself: the person row, its sessions and reset links, the sign-in attempts with its address,
// and the invitations: those addressed to the person (exported, erased) and those they sent (handed over).

export const accountRows: PersonalRows = {
  module: "accounts",
  covers: [
    { table: "person", column: "email" },
    { table: "auth_session", column: "person_id" },
    { table: "password_reset", column: "person_id" },
    { table: "login_attempt", column: "email" },
    { table: "invitation", column: "email" },
    { table: "invitation", column: "invited_by" },
  ],
  async handOver(trx, { from, to, coalitionId }) {
    await sql`update invitation set invited_by = ${to} where invited_by = ${from} and ${inCoalition("invitation.coalition_id", coalitionId)}`.execute(trx);
  },
  /** The row stays (the audit log and the stand-ins' history point to it) but says nothing about anyone. */
  async erase(trx, person) {
    const now = new Date();
    await trx
      .updateTable("person")
      .set({ name: "", email: `erased-${person.id}@erased.invalid`, password_hash: "", erased_at: now, deactivated_at: now, last_login_at: null })
      .where("id", "=", person.id)
      .execute();
    await trx.deleteFrom("auth_session").where("person_id", "=", person.id).execute();
    await trx.deleteFrom("password_reset").where("person_id", "=", person.id).execute();
    const address = person.email.toLowerCase();
    await trx.deleteFrom("login_attempt").where(sql`lower(email)`, "=", address).execute();
    await trx.deleteFrom("invitation").where(sql`lower(email)`, "=", address).execute();
  },
};

export function invitationPages(user: User) {
  return keyset((after) =>
    db()
      .selectFrom("invitation")
      .leftJoin("coalition", "coalition.id", "invitation.coalition_id")
      .where(sql`lower(${sql.ref("invitation.email")})`, "=", user.email.toLowerCase())
      .where(afterId("invitation.id", after))
      .select([
        "invitation.id",
        "invitation.email",
        "invitation.account_role as accountRole",
        "coalition.name as coalition",
        "invitation.role",
        "invitation.created_at as createdAt",
        "invitation.expires_at as expiresAt",
        "invitation.accepted_at as acceptedAt",
        "invitation.revoked_at as revokedAt",
      ])
      .orderBy("invitation.id")
      .limit(PAGE_SIZE)
      .execute(),
  );
}
