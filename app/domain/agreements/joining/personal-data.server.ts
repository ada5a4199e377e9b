import { sql } from "kysely";
import { inCoalition, type PersonalRows } from "../../privacy/personal-rows.server";

// Join requests come from outsiders, not from the network's people; their contact details go 90 days after the
// decision (join-retention.server.ts). What touches an account: the facilitator who decided (handed to the
// stand-in when they leave, like everything else they did for the team), and a request someone happened to send
// from the address of an account that is deleted for good, whose details go with the account.

export const joinRequestRows: PersonalRows = {
  module: "agreements/joining",
  covers: [
    { table: "agreement_join_request", column: "decided_by" },
    { table: "agreement_join_request", column: "email" },
  ],
  async handOver(trx, { from, to, coalitionId }) {
    await sql`update agreement_join_request set decided_by = ${to}
      where decided_by = ${from} and ${inCoalition("coalition_id", coalitionId)}`.execute(trx);
  },
  async erase(trx, person) {
    await sql`update agreement_join_request
         set contact_name = null, email = null, motivation = null, decision_message = null, contact_deleted_at = now()
       where lower(email) = lower(${person.email})`.execute(trx);
  },
};
