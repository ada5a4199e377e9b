import { sql } from "kysely";
import { db } from "../../../db/db.server";
import type { Team } from "../../auth/permissions.server";
import { translator } from "../../i18n/dictionaries.server";
import { formatDay, todayInAmsterdam } from "../../i18n/dates";
import type { Job } from "../../server/queue.server";
import { mailOrigin } from "../notifications/deliver.server";
import { sendEmail } from "../mail/email.server";

// The date the facilitators mean to look at the agreement again. On that day (in Amsterdam) an hourly job mails
// each facilitator once: the date is claimed in one statement (review_reminded_for), so however often and in however
// many processes the job runs, one reminder goes per date; a new date is reminded again.

/** Sets or (undefined) clears the review date. */
export async function setReviewDate(team: Team, reviewOn: string | undefined): Promise<{ ok: true }> {
  await db()
    .insertInto("agreement")
    .values({ coalition_id: team.id, review_on: reviewOn ?? null })
    .onConflict((oc) => oc.column("coalition_id").doUpdateSet({ review_on: reviewOn ?? null }))
    .execute();
  return { ok: true };
}

/** Reminds the facilitators of every agreement whose review date has come; returns how many agreements. */
export async function remindOfReviews(now = new Date()): Promise<number> {
  const today = todayInAmsterdam(now);
  const claimed = await db()
    .updateTable("agreement")
    .set({ review_reminded_for: sql<string>`review_on` })
    .where("review_on", "<=", today)
    .where(sql<boolean>`review_reminded_for is distinct from review_on`)
    .returning(["coalition_id", sql<string>`to_char(review_on, 'YYYY-MM-DD')`.as("reviewOn")])
    .execute();
  const origin = mailOrigin();
  for (const agreement of claimed) {
    const facilitators = await db()
      .selectFrom("membership")
      .innerJoin("person", "person.id", "membership.person_id")
      .innerJoin("coalition", "coalition.id", "membership.coalition_id")
      .where("membership.coalition_id", "=", agreement.coalition_id)
      .where("membership.role", "=", "facilitator")
      .where("person.deactivated_at", "is", null)
      .where("person.erased_at", "is", null)
      .select(["person.email", "person.name", "person.language", "coalition.name as team", "coalition.slug"])
      .execute();
    for (const person of facilitators) {
      const t = translator(person.language);
      await sendEmail({
        to: person.email,
        subject: t("agreementMail.review.subject", { team: person.team }),
        text: t("agreementMail.review.body", {
          name: person.name,
          team: person.team,
          date: formatDay(agreement.reviewOn, person.language),
          link: `${origin}/teams/${person.slug}/agreement`,
        }),
      });
    }
  }
  return claimed.length;
}

export const agreementJobs: Job[] = [
  {
    name: "agreement-review-reminders",
    hourly: true,
    async run() {
      await remindOfReviews();
    },
  },
];
