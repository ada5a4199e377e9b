import { sql } from "kysely";
import { db } from "../../../db/db.server";
import type { User } from "../../auth/permissions.server";
import { afterId, inCoalition, keyset, PAGE_SIZE, type PersonalRows } from "../privacy/personal-rows.server";

// Visit requests come from outsiders, not from the network's people; their contact details go 90 days after the
// answer (visit-retention.server.ts). What touches an account: the facilitator who answered (handed to the
// stand-in when they leave, like everything else they did for the team; nobody when the account goes for good),
// and a request someone happened to send from the address of an account that is erased, whose details go with it.

export const visitRequestRows: PersonalRows = {
  module: "visits",
  covers: [
    { table: "visit_request", column: "answered_by" },
    { table: "visit_request", column: "email" },
  ],
  async handOver(trx, { from, to, coalitionId }) {
    await sql`update visit_request set answered_by = ${to}
      where answered_by = ${from} and ${inCoalition("coalition_id", coalitionId)}`.execute(trx);
  },
  async erase(trx, person) {
    await sql`update visit_request set answered_by = null where answered_by = ${person.id}`.execute(trx);
    await sql`update visit_request
         set contact_name = null, email = null, wishes = null, answer = null, personal_data_deleted_at = now()
       where lower(email) = lower(${person.email})`.execute(trx);
  },
};

/** The visit requests the person answered for a coalition: to whom (the organisation) and what they wrote back. */
export function visitAnswerPages(user: Pick<User, "id">) {
  return keyset((after) =>
    db()
      .selectFrom("visit_request")
      .innerJoin("coalition", "coalition.id", "visit_request.coalition_id")
      .where("visit_request.answered_by", "=", user.id)
      .where(afterId("visit_request.id", after))
      .select([
        "visit_request.id",
        "coalition.slug as coalition",
        "visit_request.organisation",
        "visit_request.answer",
        "visit_request.answered_at as answeredAt",
      ])
      .orderBy("visit_request.id")
      .limit(PAGE_SIZE)
      .execute(),
  );
}
