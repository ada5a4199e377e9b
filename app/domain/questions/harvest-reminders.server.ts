import { sql } from "kysely";
import { facilitatorIds } from "../coalitions/members.server";
import { db } from "../../../db/db.server";
import { todayInAmsterdam } from "../../i18n/dates";
import type { Job } from "../../server/queue.server";
import { notify } from "../notifications/notify.server";

// When a planned harvest date of an active learning question is reached (a day in Europe/Amsterdam), the
// coalition's facilitators are told once: the date is claimed (reminded_at) before anyone is told, so that two
// server processes running the same hour cannot both send it.

/** Tells the facilitators of every harvest date reached and not yet reminded; returns how many dates it handled. */
export async function remindHarvestDates(now = new Date()): Promise<number> {
  const claimed = await db()
    .updateTable("learning_question_harvest_date as d")
    .set({ reminded_at: now })
    .from("learning_question as q")
    .whereRef("q.id", "=", "d.question_id")
    .where("q.status", "=", "active")
    .where("d.reminded_at", "is", null)
    .where("d.planned_on", "<=", sql<string>`${todayInAmsterdam(now)}::date`)
    .returning(["d.question_id as questionId", "q.coalition_id as coalitionId", sql<string>`to_char(d.planned_on, 'YYYY-MM-DD')`.as("plannedOn")])
    .execute();
  for (const date of claimed) {
    const facilitators = await facilitatorIds(date.coalitionId);
    await notify({
      kind: "harvest",
      recipientIds: facilitators,
      actorId: null,
      item: { type: "question", id: date.questionId },
      detail: date.plannedOn,
    });
  }
  return claimed.length;
}

export const questionJobs: Job[] = [
  {
    name: "remind-harvest-dates",
    hourly: true,
    async run() {
      await remindHarvestDates();
    },
  },
];
