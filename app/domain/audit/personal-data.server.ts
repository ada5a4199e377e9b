import { sql } from "kysely";
import { db } from "../../../db/db.server";
import type { User } from "../../auth/permissions.server";
import { afterId, keyset, PAGE_SIZE, type PersonalRows } from "../privacy/personal-rows.server";

// The audit log's entries where the person acted or was acted upon: exported. The log keeps who did what to
// whom by id (the erased person row says nothing), and loses the network address and any e-mail address.

export const auditRows: PersonalRows = {
  module: "audit",
  covers: [
    { table: "audit_event", column: "actor_id" },
    { table: "audit_event", column: "subject_id" },
  ],
  async erase(trx, person) {
    await sql`update audit_event set address = null, detail = detail - 'email'
      where actor_id = ${person.id} or subject_id = ${person.id}`.execute(trx);
  },
};

/** Entries where the person acted or was acted upon; the network address only of their own actions. */
export function auditPages(user: User) {
  return keyset((after) =>
    db()
      .selectFrom("audit_event")
      .leftJoin("coalition", "coalition.id", "audit_event.coalition_id")
      .where((eb) => eb.or([eb("audit_event.actor_id", "=", user.id), eb("audit_event.subject_id", "=", user.id)]))
      .where(afterId("audit_event.id", after))
      .select([
        // bigserial: text, so that both drivers give the same string (and JSON has no bigint).
        sql<string>`${sql.ref("audit_event.id")}::text`.as("id"),
        "audit_event.at",
        "audit_event.kind",
        "audit_event.actor_id as actorId",
        "audit_event.subject_id as subjectId",
        "coalition.name as coalition",
        "audit_event.address",
        "audit_event.detail",
      ])
      .orderBy("audit_event.id")
      .limit(PAGE_SIZE)
      .execute(),
  );
}
