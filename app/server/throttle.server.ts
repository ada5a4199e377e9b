import { sql } from "kysely";
import { db } from "../../db/db.server";

// The public forms (an event's registration, a round's link, the join form, a visit request) take at most so many sendings an hour
// from one address, and so many in all for the one thing they are about; each sending is a row in the form's own
// table of attempts, kept a day.

const HOUR = 3600_000;

export type AttemptTable = "event_registration_attempt" | "round_contribution_attempt" | "agreement_join_attempt" | "visit_request_attempt";

/** Counts this sending unless the address or the whole form is over its hourly limit; false when it is. */
export async function countAttempt(
  where: { table: AttemptTable; column: "event_id" | "round_id" | "coalition_id"; id: string },
  address: string,
  limits: { perAddress: number; inAll: number },
  now = new Date(),
): Promise<boolean> {
  const { table, column, id } = where;
  const { rows } = await sql<{ total: string; mine: string }>`
    select count(*) as total, count(*) filter (where address = ${address}) as mine
      from ${sql.table(table)} where ${sql.ref(column)} = ${id} and attempted_at > ${new Date(now.getTime() - HOUR)}`.execute(db());
  if (Number(rows[0].mine) >= limits.perAddress || Number(rows[0].total) >= limits.inAll) return false;
  await sql`insert into ${sql.table(table)} (${sql.ref(column)}, address, attempted_at) values (${id}, ${address}, ${now})`.execute(db());
  return true;
}

/** The attempts are needed for an hour; kept a day, then deleted. */
export async function purgeAttempts(table: AttemptTable, now = new Date()): Promise<number> {
  const result = await sql`delete from ${sql.table(table)} where attempted_at < ${new Date(now.getTime() - 24 * HOUR)}`.execute(db());
  return Number(result.numAffectedRows ?? 0);
}
