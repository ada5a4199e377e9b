import { sql } from "kysely";
import { db } from "../../../db/db.server";
import { milestoneReadableBy, type User } from "../../auth/permissions.server";
import { afterId, inCoalition, isoDay, isoDayOrNull, keyset, PAGE_SIZE, type PersonalRows } from "../privacy/personal-rows.server";

// Milestones a person created or owns and the status changes they made: exported; on leaving, handed to the
// stand-in. The history is append-only; the departure lets an erasure change who made a change, nothing else.

export const milestoneRows: PersonalRows = {
  module: "milestones",
  covers: [
    { table: "milestone", column: "created_by" },
    { table: "milestone", column: "owner_id" },
    { table: "milestone_status_change", column: "changed_by" },
  ],
  async handOver(trx, { from, to, coalitionId }) {
    const inTeam = inCoalition("milestone.coalition_id", coalitionId);
    await sql`update milestone set created_by = ${to} where created_by = ${from} and ${inTeam}`.execute(trx);
    await sql`update milestone set owner_id = ${to} where owner_id = ${from} and ${inTeam}`.execute(trx);
    await sql`update milestone_status_change set changed_by = ${to} where changed_by = ${from}
        and milestone_id in (select id from milestone where ${inTeam})`.execute(trx);
  },
};

/** Milestones the person created, and those they own while they may still read them. */
export function milestonePages(user: User) {
  return keyset((after) =>
    db()
      .selectFrom("milestone")
      .innerJoin("coalition", "coalition.id", "milestone.coalition_id")
      .where((eb) =>
        eb.or([
          eb("milestone.created_by", "=", user.id),
          eb.and([eb("milestone.owner_id", "=", user.id), milestoneReadableBy(user, "milestone")]),
        ]),
      )
      .where(afterId("milestone.id", after))
      .select([
        "milestone.id",
        "coalition.slug as coalition",
        "coalition.name as coalitionName",
        "milestone.title",
        "milestone.description",
        "milestone.description_text as text",
        isoDay("milestone.planned_date").as("plannedDate"),
        isoDay("milestone.target_date").as("targetDate"),
        "milestone.status",
        "milestone.visibility",
        "milestone.created_by as createdBy",
        "milestone.owner_id as ownerId",
        "milestone.created_at as createdAt",
        "milestone.updated_at as updatedAt",
        "milestone.deleted_at as deletedAt",
      ])
      .orderBy("milestone.id")
      .limit(PAGE_SIZE)
      .execute(),
  );
}

export function milestoneChangePages(user: User) {
  return keyset((after) =>
    db()
      .selectFrom("milestone_status_change")
      .innerJoin("milestone", "milestone.id", "milestone_status_change.milestone_id")
      .where("milestone_status_change.changed_by", "=", user.id)
      .where(afterId("milestone_status_change.id", after))
      .select([
        "milestone_status_change.id",
        "milestone_status_change.milestone_id as milestoneId",
        // The title only of a milestone the person created: another's is the team's text.
        sql<string | null>`case when ${sql.ref("milestone.created_by")} = ${user.id} then ${sql.ref("milestone.title")} end`.as("milestoneTitle"),
        "milestone_status_change.from_status as fromStatus",
        "milestone_status_change.to_status as toStatus",
        "milestone_status_change.reason",
        isoDayOrNull("milestone_status_change.previous_target_date").as("previousTargetDate"),
        isoDayOrNull("milestone_status_change.new_target_date").as("newTargetDate"),
        "milestone_status_change.changed_at as changedAt",
      ])
      .orderBy("milestone_status_change.id")
      .limit(PAGE_SIZE)
      .execute(),
  );
}
