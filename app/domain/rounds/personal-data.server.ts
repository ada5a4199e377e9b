import { sql } from "kysely";
import { db } from "../../../db/db.server";
import type { User } from "../../auth/permissions.server";
import { afterId, inCoalition, keyset, PAGE_SIZE, type PersonalRows } from "../privacy/personal-rows.server";

// A person's contributions to input rounds: exported as theirs; on leaving, handed to the stand-in like a
// comment (the text stays with the round, the name goes). The rounds they opened go to the stand-in too; being
// an editor of a round ends with the membership.

export const roundRows: PersonalRows = {
  module: "rounds",
  covers: [
    { table: "input_round", column: "created_by" },
    { table: "round_editor", column: "person_id" },
    { table: "round_contribution", column: "person_id" },
  ],
  async handOver(trx, { from, to, coalitionId }) {
    const inTeam = inCoalition("input_round.coalition_id", coalitionId);
    await sql`update input_round set created_by = ${to} where created_by = ${from} and ${inTeam}`.execute(trx);
    await sql`update round_contribution set person_id = ${to} where person_id = ${from}
        and round_id in (select id from input_round where ${inTeam})`.execute(trx);
    await sql`delete from round_editor where person_id = ${from}
        and round_id in (select id from input_round where ${inTeam})`.execute(trx);
  },
};

/** The person's contributions, with the question they answered (the round's question is the team's, not private). */
export function roundContributionPages(user: User) {
  return keyset((after) =>
    db()
      .selectFrom("round_contribution")
      .innerJoin("input_round", "input_round.id", "round_contribution.round_id")
      .innerJoin("coalition", "coalition.id", "input_round.coalition_id")
      .where("round_contribution.person_id", "=", user.id)
      .where(afterId("round_contribution.id", after))
      .select([
        "round_contribution.id",
        "coalition.slug as coalition",
        "coalition.name as coalitionName",
        "input_round.question",
        "round_contribution.perspective",
        "round_contribution.body as text",
        "round_contribution.created_at as createdAt",
      ])
      .orderBy("round_contribution.id")
      .limit(PAGE_SIZE)
      .execute(),
  );
}
