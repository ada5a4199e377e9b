import { sql, type Expression, type SqlBool } from "kysely";
import { z } from "zod";
import { db } from "../../../db/db.server";
import type { MilestoneStatus, SharedVisibility } from "../../../db/schema";
import {
  canEditMilestone,
  canReadMilestone,
  canUpdateMilestoneStatus,
  milestoneReadableBy,
  notFound,
  requireTeamMember,
  rowIdOrNotFound,
  type Team,
  type User,
} from "../../auth/permissions.server";
import { todayInAmsterdam } from "../../i18n/dates";
import { translator } from "../../i18n/dictionaries.server";
import type { MessageKey } from "../../i18n/i18n";
import { richTextFromPlainText } from "../../richtext/from-plain-text";
import { plainTextOf } from "../../richtext/plain-text.server";
import type { RichTextState } from "../../richtext/schema";
import { milestoneStatuses, openMilestoneStatuses } from "../vocabulary";

// A milestone is a commitment from the team's plan of approach. Its team and the funder always read it,
// the rest of the programme when it is shared (canReadMilestone). Every status change is a row in an
// append-only history with its reason: plan versus reality stays visible. This module only ever inserts
// into milestone_status_change; the database refuses updates and deletes.

export type MilestoneDetails = {
  title: string;
  description: RichTextState | undefined;
  ownerId: string | null;
  visibility: SharedVisibility;
};
export type NewMilestone = MilestoneDetails & { targetDate: string; reason?: string };
export type StatusChange = { status: MilestoneStatus; reason: string; newTargetDate?: string };

export type MilestoneFilter = MilestoneStatus | "overdue";
export type MilestoneFilters = { status?: MilestoneFilter };
/** Errors per form field, as message keys (what Conform's reply takes as fieldErrors). */
export type FieldErrors = Record<string, MessageKey[]>;

const filterSchema = z.object({
  status: z.enum([...milestoneStatuses, "overdue"]).optional().catch(undefined),
});

/** Filters come from the address bar: anything malformed is simply ignored. */
export function parseMilestoneFilters(params: URLSearchParams): MilestoneFilters {
  return filterSchema.parse(Object.fromEntries(params));
}

const targetDay = sql<string>`to_char(milestone.target_date, 'YYYY-MM-DD')`;
const plannedDay = sql<string>`to_char(milestone.planned_date, 'YYYY-MM-DD')`;

/**
 * Overdue: still open (planned, in progress or adjusted) and its target date is before `today`, a calendar
 * day in Europe/Amsterdam ('YYYY-MM-DD', from todayInAmsterdam) so that the answer does not depend on the
 * server's time zone.
 */
function overdueOn(today: string): Expression<SqlBool> {
  return sql<SqlBool>`(milestone.target_date < ${today}::date and milestone.status in (${sql.join([...openMilestoneStatuses])}))`;
}

/** A team's milestones, not in the trash, before any reader's rule: the base of every read here. */
function inTeam(team: Team) {
  return db().selectFrom("milestone").where("milestone.coalition_id", "=", team.id).where("milestone.deleted_at", "is", null);
}

/** A team's milestones that this reader may read. */
function readableInTeam(user: User, team: Team) {
  return inTeam(team).where(milestoneReadableBy(user, "milestone"));
}

/** The team's milestones as this reader may see them, by target date, with the counts for the summary. */
export async function listMilestones(user: User, team: Team, filters: MilestoneFilters, today = todayInAmsterdam()) {
  let query = readableInTeam(user, team).leftJoin("person as owner", "owner.id", "milestone.owner_id");
  if (filters.status === "overdue") query = query.where(overdueOn(today));
  else if (filters.status) query = query.where("milestone.status", "=", filters.status);
  const [items, summary] = await Promise.all([
    query
      .select([
        "milestone.id",
        "milestone.title",
        "milestone.status",
        "milestone.visibility",
        plannedDay.as("plannedDate"),
        targetDay.as("targetDate"),
        "owner.name as ownerName",
        sql<boolean>`${overdueOn(today)}`.as("overdue"),
      ])
      .orderBy("milestone.target_date")
      .orderBy("milestone.created_at")
      .execute(),
    milestoneSummary(user, team, today),
  ]);
  return { items, summary };
}

/**
 * How the team's milestones stand, counted over those this reader may read (for the team's home page too, which
 * folds the query into its own statement; the counts come back as numbers either way).
 */
export function milestoneSummaryQuery(user: User, team: Team, today = todayInAmsterdam()) {
  return readableInTeam(user, team).select([
    sql<number>`(count(*) filter (where milestone.status = 'achieved'))::int`.as("achieved"),
    sql<number>`(count(*) filter (where milestone.status = 'in_progress'))::int`.as("inProgress"),
    sql<number>`(count(*) filter (where ${overdueOn(today)}))::int`.as("overdue"),
    sql<number>`count(*)::int`.as("total"),
  ]);
}

export type MilestoneSummary = { achieved: number; inProgress: number; overdue: number; total: number };

export function summaryFrom(row: MilestoneSummary | null | undefined): MilestoneSummary {
  return {
    achieved: Number(row?.achieved ?? 0),
    inProgress: Number(row?.inProgress ?? 0),
    overdue: Number(row?.overdue ?? 0),
    total: Number(row?.total ?? 0),
  };
}

export async function milestoneSummary(user: User, team: Team, today = todayInAmsterdam()) {
  return summaryFrom(await milestoneSummaryQuery(user, team, today).executeTakeFirst());
}

/** The latest status changes on the team's milestones this reader may read, newest first. */
export function recentMilestoneChanges(user: User, team: Team, limit = 5) {
  return recentMilestoneChangesQuery(user, team, limit).execute();
}

export function recentMilestoneChangesQuery(user: User, team: Team, limit = 5) {
  return readableInTeam(user, team)
    .innerJoin("milestone_status_change as change", "change.milestone_id", "milestone.id")
    .innerJoin("person as changer", "changer.id", "change.changed_by")
    .select([
      "milestone.id as milestoneId",
      "milestone.title as milestoneTitle",
      "change.from_status as from",
      "change.to_status as to",
      "change.reason",
      "change.changed_at as changedAt",
      "changer.name as changedByName",
    ])
    .orderBy("change.changed_at", "desc")
    .limit(Math.max(1, Math.min(50, Math.trunc(limit))));
}

/**
 * One milestone, if this reader may read it and it belongs to this team; otherwise 404. The rule is asked as
 * canReadMilestone (not its SQL copy), the same function "who can read this" asks (readers.server.ts).
 */
export async function getMilestone(user: User, team: Team, id: string | undefined, today = todayInAmsterdam()) {
  const row = await inTeam(team)
    .leftJoin("person as owner", "owner.id", "milestone.owner_id")
    .innerJoin("person as creator", "creator.id", "milestone.created_by")
    .where("milestone.id", "=", rowIdOrNotFound(id))
    .select([
      "milestone.id",
      "milestone.coalition_id as coalitionId",
      "milestone.title",
      "milestone.description",
      "milestone.status",
      "milestone.visibility",
      "milestone.version",
      plannedDay.as("plannedDate"),
      targetDay.as("targetDate"),
      "milestone.owner_id as ownerId",
      "owner.name as ownerName",
      "milestone.created_by as createdBy",
      "creator.name as createdByName",
      "milestone.updated_at as updatedAt",
      sql<boolean>`${overdueOn(today)}`.as("overdue"),
    ])
    .executeTakeFirst();
  if (!row || !canReadMilestone(user, row)) throw notFound();
  return {
    ...row,
    description: row.description as RichTextState,
    canUpdateStatus: canUpdateMilestoneStatus(user, row),
    canEdit: canEditMilestone(user, row),
  };
}

export type Milestone = Awaited<ReturnType<typeof getMilestone>>;

/** A milestone whose status this person may change (any member of its team); anyone else gets 404. */
export async function getMilestoneForStatusChange(user: User, team: Team, id: string | undefined): Promise<Milestone> {
  const milestone = await getMilestone(user, team, id);
  if (!milestone.canUpdateStatus) throw notFound();
  return milestone;
}

/** A milestone whose details this person may edit (facilitators, its owner, its creator); anyone else gets 404. */
export async function getMilestoneForEditing(user: User, team: Team, id: string | undefined): Promise<Milestone> {
  const milestone = await getMilestone(user, team, id);
  if (!milestone.canEdit) throw notFound();
  return milestone;
}

/** The timeline of a milestone the reader has already been allowed to read (from getMilestone), oldest first. */
export function milestoneHistory(milestone: { id: string }) {
  return db()
    .selectFrom("milestone_status_change as change")
    .innerJoin("person as changer", "changer.id", "change.changed_by")
    .where("change.milestone_id", "=", milestone.id)
    .select([
      "change.id",
      "change.from_status as fromStatus",
      "change.to_status as toStatus",
      "change.reason",
      sql<string | null>`to_char(change.previous_target_date, 'YYYY-MM-DD')`.as("previousTargetDate"),
      sql<string | null>`to_char(change.new_target_date, 'YYYY-MM-DD')`.as("newTargetDate"),
      "change.changed_at as changedAt",
      "changer.name as changedByName",
    ])
    .orderBy("change.changed_at")
    .execute();
}

/**
 * The people who can own a milestone of this team: its active members and facilitators, and the milestone's
 * current owner even if they have left, so that editing other details does not silently drop them.
 */
export async function ownerCandidates(user: User, team: Team, milestone?: { ownerId: string | null; ownerName: string | null }) {
  requireTeamMember(user, team);
  const people = await db()
    .selectFrom("membership")
    .innerJoin("person", "person.id", "membership.person_id")
    .where("membership.coalition_id", "=", team.id)
    .where("person.deactivated_at", "is", null)
    .select(["person.id", "person.name"])
    .orderBy("person.name")
    .execute();
  const owner = milestone?.ownerId && milestone.ownerName ? { id: milestone.ownerId, name: milestone.ownerName } : null;
  return owner && !people.some((person) => person.id === owner.id) ? [...people, owner] : people;
}

export async function isActiveMember(team: Team, personId: string): Promise<boolean> {
  const row = await db()
    .selectFrom("membership")
    .innerJoin("person", "person.id", "membership.person_id")
    .where("membership.coalition_id", "=", team.id)
    .where("membership.person_id", "=", personId)
    .where("person.deactivated_at", "is", null)
    .select("membership.id")
    .executeTakeFirst();
  return row !== undefined;
}

function descriptionColumns(description: RichTextState | undefined) {
  const state = description ?? richTextFromPlainText("");
  return { description: JSON.stringify(state), description_text: plainTextOf(state) };
}

export type CreateOutcome = { ok: true; id: string } | { ok: false; errors: FieldErrors };

/**
 * A team member adds a milestone from the plan of approach. Its target date is also its planned date, and
 * the timeline starts with the entry "planned" and why it was taken up.
 */
export async function createMilestone(user: User, team: Team, input: NewMilestone): Promise<CreateOutcome> {
  requireTeamMember(user, team);
  if (input.ownerId && !(await isActiveMember(team, input.ownerId))) {
    return { ok: false, errors: { owner: ["milestone.error.ownerNotMember"] } };
  }
  const reason = input.reason?.trim() || translator(user.language)("milestone.reason.created");
  const id = await db()
    .transaction()
    .execute(async (trx) => {
      const { id } = await trx
        .insertInto("milestone")
        .values({
          coalition_id: team.id,
          created_by: user.id,
          owner_id: input.ownerId,
          title: input.title,
          ...descriptionColumns(input.description),
          planned_date: input.targetDate,
          target_date: input.targetDate,
          status: "planned",
          visibility: input.visibility,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("milestone_status_change")
        .values({ milestone_id: id, from_status: null, to_status: "planned", reason, changed_by: user.id })
        .execute();
      return id;
    });
  return { ok: true, id };
}

export type SaveOutcome = { ok: true } | { ok: false; errors: FieldErrors } | { ok: false; current: Milestone };

/**
 * Records a new status and why, in one transaction with its history row, only if nobody changed the
 * milestone since the form was loaded (`version`); otherwise returns the current milestone and changes
 * nothing. "Adjusted" moves the target date; the planned date never moves.
 */
export async function changeMilestoneStatus(
  user: User,
  team: Team,
  id: string | undefined,
  version: number,
  change: StatusChange,
): Promise<SaveOutcome> {
  const milestone = await getMilestoneForStatusChange(user, team, id);
  const adjusted = change.status === "adjusted";
  if (adjusted && !change.newTargetDate) return { ok: false, errors: { newTargetDate: ["milestone.error.newTargetDateRequired"] } };
  if (change.reason.trim() === "") return { ok: false, errors: { reason: ["milestone.error.reasonRequired"] } };
  const result = await db()
    .transaction()
    .execute(async (trx): Promise<"saved" | "stale" | FieldErrors> => {
      const current = await trx
        .selectFrom("milestone")
        .where("id", "=", milestone.id)
        .where("version", "=", Number.isInteger(version) ? version : -1)
        .where("deleted_at", "is", null)
        .select(["status", targetDay.as("targetDate")])
        .forUpdate()
        .executeTakeFirst();
      if (!current) return "stale";
      if (change.status === current.status && !adjusted) return { status: ["milestone.error.sameStatus"] };
      if (adjusted && change.newTargetDate === current.targetDate) return { newTargetDate: ["milestone.error.sameTargetDate"] };
      await trx
        .updateTable("milestone")
        .set({
          status: change.status,
          ...(adjusted ? { target_date: change.newTargetDate } : {}),
          version: sql<number>`version + 1`,
          updated_at: sql<Date>`now()`,
        })
        .where("id", "=", milestone.id)
        .execute();
      await trx
        .insertInto("milestone_status_change")
        .values({
          milestone_id: milestone.id,
          from_status: current.status,
          to_status: change.status,
          reason: change.reason.trim(),
          previous_target_date: adjusted ? current.targetDate : null,
          new_target_date: adjusted ? change.newTargetDate : null,
          changed_by: user.id,
        })
        .execute();
      return "saved";
    });
  if (result === "saved") return { ok: true };
  if (result === "stale") return { ok: false, current: await getMilestone(user, team, id) };
  return { ok: false, errors: result };
}

/**
 * Saves new details (title, description, owner, visibility) only if nobody saved in between; otherwise
 * returns the current milestone so the page can show both. The dates and the status are not details.
 */
export async function updateMilestoneDetails(
  user: User,
  team: Team,
  id: string | undefined,
  version: number,
  input: MilestoneDetails,
): Promise<SaveOutcome> {
  const milestone = await getMilestoneForEditing(user, team, id);
  // Someone who has left the team may stay the owner they were; a new owner must be in the team now.
  if (input.ownerId && input.ownerId !== milestone.ownerId && !(await isActiveMember(team, input.ownerId))) {
    return { ok: false, errors: { owner: ["milestone.error.ownerNotMember"] } };
  }
  const result = await db()
    .updateTable("milestone")
    .set({
      title: input.title,
      ...descriptionColumns(input.description),
      owner_id: input.ownerId,
      visibility: input.visibility,
      version: sql<number>`version + 1`,
      updated_at: sql<Date>`now()`,
    })
    .where("id", "=", milestone.id)
    .where("version", "=", Number.isInteger(version) ? version : -1)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 1) return { ok: true };
  return { ok: false, current: await getMilestoneForEditing(user, team, id) };
}
