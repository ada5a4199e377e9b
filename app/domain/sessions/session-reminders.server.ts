import { sql } from "kysely";
import { db } from "../../../db/db.server";
import type { SessionReminder } from "../../../db/schema";
import type { Team, User } from "../../auth/permissions.server";
import type { Job } from "../../server/queue.server";
import { notify } from "../notifications/notify.server";
import { openOwnSession, openSession, refuse, type Outcome } from "./session-access.server";

// The reminder before a session, to those coming (the facilitator and who said yes): the day before at the same
// time on the clock in Amsterdam (23 or 25 hours before across a daylight-saving change), or two hours before, or
// not at all, as the session's facilitator chose. A job looks every quarter of an hour. Each session is claimed
// in one statement by writing the start time it is reminded for, so a reminder goes out once however often and
// in however many processes the job runs; a moved session has a new start time and is reminded again for it.
// A cancelled session is not reminded. Whether and how each person hears of it is their preference for session
// notifications (notify); the mail carries time, place and the case bringer's question, nothing of the notes.

/** The moment a session's reminder is due, in SQL. */
const dueAt = sql<Date>`case intervision_session.reminder
  when 'two_hours' then intervision_session.starts_at - interval '2 hours'
  else (intervision_session.starts_at at time zone 'Europe/Amsterdam' - interval '1 day') at time zone 'Europe/Amsterdam' end`;

/** Sends the reminders due at `now`; returns how many sessions were reminded. */
export async function sendSessionReminders(now = new Date()): Promise<number> {
  const claimed = await db()
    .updateTable("intervision_session")
    .set({ reminded_for: sql<Date>`starts_at` })
    .where("status", "=", "confirmed")
    .where("reminder", "!=", "off")
    .where("starts_at", ">", now)
    .where(sql<boolean>`reminded_for is distinct from starts_at`)
    .where(dueAt, "<=", now)
    .returning(["id", "facilitator_id"])
    .execute();
  for (const session of claimed) await notifyComing(session, "reminder");
  return claimed.length;
}

/**
 * After a session was held (its end passed, within a day: nothing for old sessions), those who came are asked,
 * once, to write down what they take with them: the link opens a new reflection linked to the session.
 */
export async function promptAfterSessions(now = new Date()): Promise<number> {
  const claimed = await db()
    .updateTable("intervision_session")
    .set({ takeaway_prompted_at: now })
    .where("status", "=", "confirmed")
    .where("takeaway_prompted_at", "is", null)
    .where("ends_at", "<=", now)
    .where("ends_at", ">", new Date(now.getTime() - 864e5))
    .returning(["id", "facilitator_id"])
    .execute();
  for (const session of claimed) await notifyComing(session, "held");
  return claimed.length;
}

async function notifyComing(session: { id: string; facilitator_id: string }, detail: "reminder" | "held"): Promise<void> {
  const coming = await db().selectFrom("session_invitee").where("session_id", "=", session.id).where("rsvp", "=", "yes").select("person_id").execute();
  await notify({
    kind: "session",
    recipientIds: [session.facilitator_id, ...coming.map((row) => row.person_id)],
    actorId: null,
    item: { type: "session", id: session.id },
    detail,
  });
}

export const sessionJobs: Job[] = [
  {
    name: "session-reminders",
    every: "*/15 * * * *",
    async run() {
      await sendSessionReminders();
      await promptAfterSessions();
    },
  },
];

/** The facilitator chooses when those coming are reminded (only the session's own facilitator; others get 404). */
export async function setSessionReminder(user: User, team: Team, id: string | undefined, reminder: SessionReminder): Promise<Outcome> {
  const { session } = await openOwnSession(user, team, id);
  await db().updateTable("intervision_session").set({ reminder }).where("id", "=", session.id).execute();
  return { ok: true };
}

/** The case bringer writes the question the others may think about beforehand; it goes into the reminder. */
export async function setPreparationQuestion(user: User, team: Team, id: string | undefined, question: string | undefined): Promise<Outcome> {
  const { session } = await openSession(user, team, id);
  if (session.caseBringerId !== user.id) return refuse("session.preparation.onlyCaseBringer");
  await db().updateTable("intervision_session").set({ preparation_question: question || null }).where("id", "=", session.id).execute();
  return { ok: true };
}

/** What the session page shows of the reminder: the choice (to its facilitator) and the question (to participants). */
export async function reminderFacts(sessionId: string) {
  return db()
    .selectFrom("intervision_session")
    .where("id", "=", sessionId)
    .select(["reminder", "preparation_question as preparationQuestion", "poll_reminded_at as pollRemindedAt"])
    .executeTakeFirstOrThrow();
}
