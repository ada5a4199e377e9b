import { sql } from "kysely";
import type { PersonalRows } from "../privacy/personal-rows.server";

// The outbox: e-mails addressed to the person, sent or waiting, go with the account.

export const mailRows: PersonalRows = {
  module: "mail",
  covers: [{ table: "email_outbox", column: "to_address" }],
  async erase(trx, person) {
    await trx.deleteFrom("email_outbox").where(sql`lower(to_address)`, "=", person.email.toLowerCase()).execute();
  },
};
