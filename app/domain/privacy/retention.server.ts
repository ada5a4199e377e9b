import { sql } from "kysely";
import { db, isEmbedded } from "../../../db/db.server";
import { requireAdmin, type User } from "../../auth/permissions.server";
import { lastLoginOf } from "../audit/audit-log.server";
import { recordAudit } from "../audit/audit.server";
import { anonymiseAccount } from "./departures.server";
import type { RetentionMonths } from "./retention-choices";

// The retention period (issue 8, item 5): the admin may have accounts that nobody has used for 12, 24 or
// 36 months anonymised, as if the person had deleted the account. Off unless the admin turns it on.

const SETTING = "inactive_account_retention_months";

/** The period in months, or null when it is off (the default: no row, or a value that is not one we offer). */
export async function retentionMonths(): Promise<RetentionMonths | null> {
  const row = await db().selectFrom("installation_setting").where("name", "=", SETTING).select("value").executeTakeFirst();
  const value = row?.value;
  return value === 12 || value === 24 || value === 36 ? value : null;
}

export async function readRetention(user: User): Promise<{ months: RetentionMonths | null; wouldAnonymise: Record<RetentionMonths, number> }> {
  requireAdmin(user);
  const [months, twelve, twentyFour, thirtySix] = await Promise.all([
    retentionMonths(),
    countInactiveAccounts(12),
    countInactiveAccounts(24),
    countInactiveAccounts(36),
  ]);
  return { months, wouldAnonymise: { 12: twelve, 24: twentyFour, 36: thirtySix } };
}

export async function setRetention(user: User, months: RetentionMonths | null, address: string | null): Promise<void> {
  requireAdmin(user);
  const before = await retentionMonths();
  if (before === months) return;
  await db()
    .insertInto("installation_setting")
    .values({ name: SETTING, value: JSON.stringify(months) })
    .onConflict((oc) => oc.column("name").doUpdateSet({ value: JSON.stringify(months), updated_at: new Date() }))
    .execute();
  await recordAudit({ kind: "retention_changed", actorId: user.id, address, detail: { from: before, to: months } });
}

/**
 * Accounts past the period: participants and funders (never an admin, who would lock everyone out), not
 * already erased or deleted by their owner, whose last login (or, never logged in, whose creation) is longer ago than the period.
 */
function inactiveAccounts(months: number, now: Date) {
  return db()
    .selectFrom("person")
    .where("person.account_role", "in", ["participant", "funder"])
    .where("person.erased_at", "is", null)
    // An account its owner deleted is already on its way out (final after 30 days, unless they restore it).
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("departure")
            .whereRef("departure.person_id", "=", "person.id")
            .where("departure.coalition_id", "is", null)
            .where("departure.restored_at", "is", null),
        ),
      ),
    )
    .where(
      sql<Date>`coalesce(${lastLoginOf("person")}, person.created_at)`,
      "<",
      sql<Date>`${now}::timestamptz - make_interval(months => ${months})`,
    );
}

async function countInactiveAccounts(months: number, now = new Date()): Promise<number> {
  const row = await inactiveAccounts(months, now)
    .select((eb) => eb.fn.countAll<string>().as("count"))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** The ids of the accounts the job would anonymise now; none while the setting is off. */
export async function accountsPastRetention(now = new Date()): Promise<string[]> {
  const months = await retentionMonths();
  if (months === null) return [];
  const rows = await inactiveAccounts(months, now).select("person.id").orderBy("person.created_at").execute();
  return rows.map((row) => row.id);
}

/** The advisory lock that lets one process at a time run the job when several share one database. */
export const RETENTION_LOCK_KEY = 8_0520_0005;
let runningHere = false;

/** Runs the work unless another process holds the lock; in embedded (PGlite) mode there is only this process. */
async function inOneProcessAtATime(work: () => Promise<number>): Promise<number> {
  if (isEmbedded()) return work();
  // A session lock on a connection of its own: the work itself uses other connections of the pool.
  return db()
    .connection()
    .execute(async (connection) => {
      const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_lock(${RETENTION_LOCK_KEY}) as locked`.execute(connection);
      if (!rows[0]?.locked) return 0;
      try {
        return await work();
      } finally {
        await sql`select pg_advisory_unlock(${RETENTION_LOCK_KEY})`.execute(connection);
      }
    });
}

/**
 * Runs at start-up and every hour (app/server/hourly-jobs.server.ts); returns how many accounts it anonymised. One account
 * failing does not stop the others. A run never overlaps another, in this process or (through an advisory
 * lock) in another one, so no account is anonymised twice.
 */
export async function anonymiseInactiveAccounts(now = new Date()): Promise<number> {
  if (runningHere) return 0;
  runningHere = true;
  try {
    return await inOneProcessAtATime(async () => {
      let anonymised = 0;
      for (const personId of await accountsPastRetention(now)) {
        try {
          await anonymiseAccount(personId);
          anonymised += 1;
        } catch (error) {
          console.error(`[retention] anonymising account ${personId} failed`, error);
        }
      }
      return anonymised;
    });
  } finally {
    runningHere = false;
  }
}
