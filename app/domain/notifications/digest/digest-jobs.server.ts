import { sql } from "kysely";
import { db } from "../../../../db/db.server";
import { usersByIds, type User } from "../../../auth/permissions.server";
import { amsterdamDayAndTime } from "../../../i18n/dates";
import type { Job } from "../../../server/queue.server";
import { sendEmail } from "../../mail/email.server";
import { mailOrigin } from "../deliver.server";
import { DEFAULT_DIGEST_DAY } from "../notification-kinds";
import { unsubscribeUrl } from "../preferences.server";
import { digestMail } from "./digest-mail.server";
import { isEmpty, wantsDigest, weeklyDigest } from "./weekly-digest.server";

// Each person's weekly digest goes out on their chosen day from 08:00 Europe/Amsterdam: an hourly job (at every
// full hour and at start-up) mails those whose day it is and who had none this week. Whoever inserts the
// (person, week) row in digest_sent sends it, so however many processes run the job, one mail goes out.

const SEND_FROM_HOUR = 8;

/** The Amsterdam weekday (ISO, 1 = Monday), hour and ISO week ('2026-W50') at this instant. */
export function digestClock(now: Date): { weekday: number; hour: number; week: string } {
  const { day, time } = amsterdamDayAndTime(now);
  const date = new Date(`${day}T00:00:00Z`);
  const weekday = date.getUTCDay() || 7;
  // ISO week: the week that holds this week's Thursday.
  const thursday = new Date(date.getTime() + (4 - weekday) * 86400_000);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((thursday.getTime() - yearStart) / 86400_000 + 1) / 7);
  return { weekday, hour: Number(time.slice(0, 2)), week: `${thursday.getUTCFullYear()}-W${String(week).padStart(2, "0")}` };
}

/** Active people whose digest day it is and who had no digest this week. */
async function peopleDue(weekday: number, week: string): Promise<string[]> {
  const rows = await db()
    .selectFrom("person")
    .leftJoin("digest_day", "digest_day.person_id", "person.id")
    .where("person.deactivated_at", "is", null)
    .where("person.erased_at", "is", null)
    .where(sql`coalesce(digest_day.weekday, ${DEFAULT_DIGEST_DAY})`, "=", weekday)
    .where((eb) => eb.not(eb.exists(eb.selectFrom("digest_sent").whereRef("digest_sent.person_id", "=", "person.id").where("digest_sent.week", "=", week).select("digest_sent.week"))))
    .select("person.id")
    .execute();
  return rows.map((row) => row.id);
}

/** Sends the digests due now; returns how many went out. */
export async function sendWeeklyDigests(now = new Date(), origin = mailOrigin()): Promise<number> {
  const clock = digestClock(now);
  if (clock.hour < SEND_FROM_HOUR) return 0;
  const people = await usersByIds(await peopleDue(clock.weekday, clock.week));
  let sent = 0;
  for (const person of people) {
    try {
      if (await sendDigest(person, clock.week, now, origin)) sent++;
    } catch (error) {
      // One person's failure does not hold up the others' digests; theirs is tried again at the next hour.
      console.warn(`[digest] not sent to ${person.id}: ${String(error)}`);
    }
  }
  return sent;
}

async function sendDigest(person: User, week: string, now: Date, origin: string): Promise<boolean> {
  if (!(await wantsDigest(person))) return false;
  const digest = await weeklyDigest(person, now);
  if (isEmpty(digest)) return false;
  const claimed = await db()
    .insertInto("digest_sent")
    .values({ person_id: person.id, week })
    .onConflict((conflict) => conflict.doNothing())
    .returning("person_id")
    .executeTakeFirst();
  if (!claimed) return false;
  try {
    const unsubscribe = await unsubscribeUrl(person.id, "digest", origin);
    await sendEmail({
      ...digestMail(person, digest, { origin, unsubscribe }),
      to: person.email,
      headers: { "List-Unsubscribe": `<${unsubscribe}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
    });
  } catch (error) {
    // Not sent: the next hourly run tries again.
    await db().deleteFrom("digest_sent").where("person_id", "=", person.id).where("week", "=", week).execute();
    throw error;
  }
  const ids = digest.notifications.map((n) => n.id);
  if (ids.length) await db().updateTable("notification").set({ mailed_at: now }).where("id", "in", ids).execute();
  return true;
}

export const digestJobs: Job[] = [
  {
    name: "send-weekly-digests",
    hourly: true,
    async run() {
      await sendWeeklyDigests();
    },
  },
];
