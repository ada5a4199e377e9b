import { sql } from "kysely";
import { db } from "../../db/db.server";
import type { Perspective } from "../../db/schema";
import { requireProgrammeReader, type User } from "../auth/permissions.server";
import { amsterdamTimeToUtc, todayInAmsterdam } from "../i18n/dates";
import { listCoalitions, perspectiveCounts } from "./coalitions.server";
import { openMilestoneStatuses, perspectives } from "./vocabulary";

// /programme: every coalition side by side, in figures (DESIGN.md §3). Figures count what a team wrote for
// the team or the network, never private reflections; the only words shown are those of lessons shared with
// the network, and only to the funder (the admin sees counts). A figure over fewer than MIN_GROUP people is
// not broken down: a perspective with one or two members in a coalition gets no figure of its own.

export const MIN_GROUP = 3;
export const MONTHS = 12;
export const LATEST_LESSONS = 3;

export type MonthActivity = { month: string; reflections: number; sessions: number; lessons: number };
export type PerspectiveFigure = { perspective: Perspective; members: number; contributions: number | null };

/** The last `MONTHS` calendar months up to and including today's, as 'YYYY-MM', oldest first. */
export function lastMonths(today: string): string[] {
  const [year, month] = today.split("-").map(Number);
  return Array.from({ length: MONTHS }, (_, i) => {
    const date = new Date(Date.UTC(year, month - 1 - (MONTHS - 1 - i), 1));
    return date.toISOString().slice(0, 7);
  });
}

const month = (column: string) => sql<string>`to_char(${sql.ref(column)} at time zone 'Europe/Amsterdam', 'YYYY-MM')`;

/** Per coalition and month: reflections and lessons written for the team or network, sessions held. */
function monthlyActivity(since: Date) {
  const reflections = db()
    .selectFrom("reflection")
    .where("deleted_at", "is", null)
    .where("visibility", "in", ["team", "network"])
    .where("created_at", ">=", since)
    .select(["coalition_id", sql<string>`'reflections'`.as("kind"), month("created_at").as("month")]);
  const lessons = db()
    .selectFrom("lesson")
    .where("deleted_at", "is", null)
    .where("created_at", ">=", since)
    .select(["coalition_id", sql<string>`'lessons'`.as("kind"), month("created_at").as("month")]);
  const sessions = db()
    .selectFrom("intervision_session")
    .where("status", "=", "confirmed")
    .where("starts_at", ">=", since)
    .where("starts_at", "<=", sql<Date>`now()`)
    .select(["coalition_id", sql<string>`'sessions'`.as("kind"), month("starts_at").as("month")]);
  return db()
    .selectFrom(reflections.unionAll(lessons).unionAll(sessions).as("activity"))
    .groupBy(["activity.coalition_id", "activity.kind", "activity.month"])
    .select(["activity.coalition_id as coalitionId", "activity.kind", "activity.month", sql<string>`count(*)`.as("count")])
    .execute();
}

/** Per coalition and the author's perspective in it: reflections and lessons for the team or network since then. */
function contributionsByPerspective(since: Date) {
  const written = db()
    .selectFrom("reflection")
    .where("deleted_at", "is", null)
    .where("visibility", "in", ["team", "network"])
    .where("created_at", ">=", since)
    .select(["coalition_id", "author_id"])
    .unionAll(
      db().selectFrom("lesson").where("deleted_at", "is", null).where("created_at", ">=", since).select(["coalition_id", "author_id"]),
    );
  return db()
    .selectFrom(written.as("written"))
    .innerJoin("membership", (join) =>
      join.onRef("membership.coalition_id", "=", "written.coalition_id").onRef("membership.person_id", "=", "written.author_id"),
    )
    .groupBy(["membership.coalition_id", "membership.perspective"])
    .select(["membership.coalition_id as coalitionId", "membership.perspective", sql<string>`count(*)`.as("count")])
    .execute();
}

/** Per coalition: its milestones (not deleted) by where they stand today. */
function milestoneFigures(today: string) {
  return db()
    .selectFrom("milestone")
    .where("deleted_at", "is", null)
    .groupBy("coalition_id")
    .select([
      "coalition_id as coalitionId",
      sql<string>`count(*) filter (where status = 'achieved')`.as("achieved"),
      sql<string>`count(*) filter (where status = 'in_progress')`.as("inProgress"),
      sql<string>`count(*) filter (where status = 'adjusted')`.as("adjusted"),
      sql<string>`count(*) filter (where target_date < ${today}::date and status in (${sql.join([...openMilestoneStatuses])}))`.as(
        "overdue",
      ),
      sql<string>`count(*)`.as("total"),
    ])
    .execute();
}

/** Per coalition: the latest moment anything countable happened (a reflection, lesson, milestone change or session held). */
function lastActivity() {
  const moments = db()
    .selectFrom("reflection")
    .where("deleted_at", "is", null)
    .where("visibility", "in", ["team", "network"])
    .groupBy("coalition_id")
    .select(["coalition_id", sql<Date>`max(created_at)`.as("at")])
    .unionAll(
      db().selectFrom("lesson").where("deleted_at", "is", null).groupBy("coalition_id").select(["coalition_id", sql<Date>`max(created_at)`.as("at")]),
    )
    .unionAll(
      db()
        .selectFrom("milestone_status_change as change")
        .innerJoin("milestone", "milestone.id", "change.milestone_id")
        .where("milestone.deleted_at", "is", null)
        .groupBy("milestone.coalition_id")
        .select(["milestone.coalition_id", sql<Date>`max(change.changed_at)`.as("at")]),
    )
    .unionAll(
      db()
        .selectFrom("intervision_session")
        .where("status", "=", "confirmed")
        .where("starts_at", "<=", sql<Date>`now()`)
        .groupBy("coalition_id")
        .select(["coalition_id", sql<Date>`max(starts_at)`.as("at")]),
    );
  return db()
    .selectFrom(moments.as("moment"))
    .groupBy("moment.coalition_id")
    .select(["moment.coalition_id as coalitionId", sql<Date>`max(moment.at)`.as("at")])
    .execute();
}

/** Each coalition's newest lessons shared with the network (the funder's only words on this page). */
function latestSharedLessons() {
  return db()
    .selectFrom("coalition")
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom("lesson")
          .whereRef("lesson.coalition_id", "=", "coalition.id")
          .where("lesson.visibility", "=", "network")
          .where("lesson.deleted_at", "is", null)
          .select(["lesson.id", "lesson.statement", "lesson.created_at as createdAt"])
          .orderBy("lesson.created_at", "desc")
          .orderBy("lesson.id", "desc")
          .limit(LATEST_LESSONS)
          .as("latest"),
      (join) => join.onTrue(),
    )
    .select(["coalition.id as coalitionId", "coalition.slug", "latest.id", "latest.statement", "latest.createdAt"])
    .orderBy("latest.createdAt", "desc")
    .orderBy("latest.id", "desc")
    .execute();
}

/** The dashboard: one entry per coalition, in name order. Seven queries in all, however many coalitions. */
export async function programmeDashboard(user: User, today = todayInAmsterdam()) {
  requireProgrammeReader(user);
  const months = lastMonths(today);
  const since = amsterdamTimeToUtc(`${months[0]}-01`, "00:00")!;
  const withText = user.accountRole === "funder";
  const [coalitions, members, activity, contributions, milestones, last, lessons] = await Promise.all([
    listCoalitions(),
    perspectiveCounts(),
    monthlyActivity(since),
    contributionsByPerspective(since),
    milestoneFigures(today),
    lastActivity(),
    withText ? latestSharedLessons() : Promise.resolve([]),
  ]);
  const count = (value: string | number | undefined) => Number(value ?? 0);
  const peak = Math.max(
    1,
    ...coalitions.flatMap((c) =>
      months.map((m) => activity.filter((a) => a.coalitionId === c.id && a.month === m).reduce((sum, a) => sum + count(a.count), 0)),
    ),
  );
  return {
    months,
    peak,
    readsContent: withText,
    coalitions: coalitions.map((c) => {
      const ofCoalition = activity.filter((a) => a.coalitionId === c.id);
      const inMonth = (m: string, kind: string) => count(ofCoalition.find((a) => a.month === m && a.kind === kind)?.count);
      const perMonth: MonthActivity[] = months.map((m) => ({
        month: m,
        reflections: inMonth(m, "reflections"),
        sessions: inMonth(m, "sessions"),
        lessons: inMonth(m, "lessons"),
      }));
      const byPerspective: PerspectiveFigure[] = perspectives.map((p) => {
        const size = members(c.id, p);
        const written = count(contributions.find((row) => row.coalitionId === c.id && row.perspective === p)?.count);
        return { perspective: p, members: size, contributions: size >= MIN_GROUP ? written : null };
      });
      const figures = milestones.find((m) => m.coalitionId === c.id);
      const lastAt = last.find((l) => l.coalitionId === c.id)?.at;
      return {
        id: c.id,
        slug: c.slug,
        name: c.name,
        place: c.place,
        partners: c.partners,
        members: c.members,
        byPerspective,
        activity: perMonth,
        totals: {
          reflections: perMonth.reduce((sum, m) => sum + m.reflections, 0),
          sessions: perMonth.reduce((sum, m) => sum + m.sessions, 0),
          lessons: perMonth.reduce((sum, m) => sum + m.lessons, 0),
        },
        milestones: {
          achieved: count(figures?.achieved),
          inProgress: count(figures?.inProgress),
          adjusted: count(figures?.adjusted),
          overdue: count(figures?.overdue),
          total: count(figures?.total),
        },
        lastActivity: lastAt ? new Date(lastAt).toISOString() : null,
        latestLessons: lessons
          .filter((l) => l.coalitionId === c.id)
          .map((l) => ({ id: l.id, statement: l.statement, href: `/teams/${l.slug}/lessons/${l.id}` })),
      };
    }),
  };
}

export type ProgrammeDashboard = Awaited<ReturnType<typeof programmeDashboard>>;
