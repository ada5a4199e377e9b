import { sql, type Expression, type SqlBool } from "kysely";
import { z } from "zod";
import { db } from "../../../db/db.server";
import type { MilestoneStatus } from "../../../db/schema";
import { type User, requireFunder } from "../../auth/permissions.server";
import { todayInAmsterdam } from "../../i18n/dates";
import { milestoneStatuses, openMilestoneStatuses } from "../vocabulary";

// /programme/milestones: plan versus reality across every coalition, for the funder and the admin. The funder
// reads every team's milestones always (DESIGN.md §3); shared or not, they are the team's commitments.

export type ProgrammeMilestoneFilters = { coalition?: string; status?: MilestoneStatus | "overdue" };

const filterSchema = z.object({
  coalition: z
    .string()
    .max(100)
    .optional()
    .catch(undefined),
  status: z.enum([...milestoneStatuses, "overdue"]).optional().catch(undefined),
});

/** Filters come from the address bar: anything malformed is simply ignored. */
export function parseProgrammeMilestoneFilters(params: URLSearchParams): ProgrammeMilestoneFilters {
  const { coalition, status } = filterSchema.parse(Object.fromEntries(params));
  return { coalition: coalition || undefined, status };
}

function overdueOn(today: string): Expression<SqlBool> {
  return sql<SqlBool>`(milestone.target_date < ${today}::date and milestone.status in (${sql.join([...openMilestoneStatuses])}))`;
}

export type Adjustment = {
  id: string;
  reason: string;
  previousTargetDate: string | null;
  newTargetDate: string | null;
  changedAt: string;
  changedByName: string;
};

export type ProgrammeMilestone = {
  id: string;
  title: string;
  status: MilestoneStatus;
  plannedDate: string;
  targetDate: string;
  achievedDate: string | null;
  overdue: boolean;
  ownerName: string | null;
  href: string;
  adjustments: Adjustment[];
};

export type CoalitionMilestones = { id: string; slug: string; name: string; milestones: ProgrammeMilestone[] };

/**
 * Every coalition's milestones (not deleted), grouped by coalition, with planned, target and achieved dates
 * and each adjustment with its reason. The funder only: milestones are team content, which the admin does not
 * read (DESIGN.md §2); anyone else gets 404. Three queries in all,
 * however many milestones: the coalitions, the milestones, and the history of all of them at once.
 */
export async function programmeMilestones(user: User, requested: ProgrammeMilestoneFilters, today = todayInAmsterdam()) {
  requireFunder(user);

  const allCoalitions = await db()
    .selectFrom("coalition")
    .select(["coalition.id", "coalition.slug", "coalition.name"])
    .orderBy("coalition.name")
    .execute();
  // A coalition that does not exist is as malformed as any other filter: ignored.
  const filters: ProgrammeMilestoneFilters = allCoalitions.some((c) => c.slug === requested.coalition)
    ? requested
    : { coalition: undefined, status: requested.status };
  const shown = filters.coalition ? allCoalitions.filter((c) => c.slug === filters.coalition) : allCoalitions;

  let query = db()
    .selectFrom("milestone")
    .innerJoin("coalition", "coalition.id", "milestone.coalition_id")
    .leftJoin("person as owner", "owner.id", "milestone.owner_id")
    .where("milestone.deleted_at", "is", null);
  if (filters.coalition) query = query.where("coalition.slug", "=", filters.coalition);
  if (filters.status === "overdue") query = query.where(overdueOn(today));
  else if (filters.status) query = query.where("milestone.status", "=", filters.status);
  const rows = await query
    .select([
      "milestone.id",
      "milestone.coalition_id as coalitionId",
      "coalition.slug as coalitionSlug",
      "milestone.title",
      "milestone.status",
      sql<string>`to_char(milestone.planned_date, 'YYYY-MM-DD')`.as("plannedDate"),
      sql<string>`to_char(milestone.target_date, 'YYYY-MM-DD')`.as("targetDate"),
      "owner.name as ownerName",
      sql<boolean>`${overdueOn(today)}`.as("overdue"),
    ])
    .orderBy("milestone.target_date")
    .orderBy("milestone.created_at")
    .execute();

  const history =
    rows.length === 0
      ? []
      : await db()
          .selectFrom("milestone_status_change as change")
          .innerJoin("person as changer", "changer.id", "change.changed_by")
          .where(
            "change.milestone_id",
            "in",
            rows.map((row) => row.id),
          )
          .where("change.to_status", "in", ["achieved", "adjusted"])
          .select([
            "change.id",
            "change.milestone_id as milestoneId",
            "change.to_status as toStatus",
            "change.reason",
            sql<string | null>`to_char(change.previous_target_date, 'YYYY-MM-DD')`.as("previousTargetDate"),
            sql<string | null>`to_char(change.new_target_date, 'YYYY-MM-DD')`.as("newTargetDate"),
            "change.changed_at as changedAt",
            "changer.name as changedByName",
          ])
          .orderBy("change.changed_at")
          .orderBy("change.id")
          .execute();

  const adjustments = new Map<string, Adjustment[]>();
  const achievedAt = new Map<string, Date>();
  for (const change of history) {
    const at = new Date(change.changedAt);
    if (change.toStatus === "achieved") {
      achievedAt.set(change.milestoneId, at); // oldest first, so the latest one stays
      continue;
    }
    const list = adjustments.get(change.milestoneId) ?? [];
    list.push({
      id: change.id,
      reason: change.reason,
      previousTargetDate: change.previousTargetDate,
      newTargetDate: change.newTargetDate,
      changedAt: at.toISOString(),
      changedByName: change.changedByName,
    });
    adjustments.set(change.milestoneId, list);
  }

  const byCoalition = new Map<string, ProgrammeMilestone[]>();
  for (const row of rows) {
    const achieved = row.status === "achieved" ? achievedAt.get(row.id) : undefined;
    const list = byCoalition.get(row.coalitionId) ?? [];
    list.push({
      id: row.id,
      title: row.title,
      status: row.status,
      plannedDate: row.plannedDate,
      targetDate: row.targetDate,
      achievedDate: achieved ? todayInAmsterdam(achieved) : null,
      overdue: Boolean(row.overdue),
      ownerName: row.ownerName,
      href: `/teams/${row.coalitionSlug}/milestones/${row.id}`,
      adjustments: adjustments.get(row.id) ?? [],
    });
    byCoalition.set(row.coalitionId, list);
  }

  const coalitions: CoalitionMilestones[] = shown.map((c) => ({ ...c, milestones: byCoalition.get(c.id) ?? [] }));
  return {
    coalitions,
    options: allCoalitions.map((c) => ({ slug: c.slug, name: c.name })),
    total: rows.length,
    filters,
  };
}
