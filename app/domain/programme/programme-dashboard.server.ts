import { sql } from "kysely";
import { db } from "../../../db/db.server";
import type { Perspective } from "../../../db/schema";
import { requireProgrammeReader, sharedWithNetwork, type User } from "../../auth/permissions.server";
import { amsterdamTimeToUtc, todayInAmsterdam } from "../../i18n/dates";
import { listCoalitions, perspectiveCounts } from "../coalitions/coalitions.server";
import { eventFigures } from "../events/event-listings.server";
import { openMilestoneStatuses, perspectives } from "../vocabulary";

// /programme: every coalition side by side, in figures (DESIGN.md §3). Figures count what a team wrote for
// the team or the network, never private reflections; the only words shown are those of lessons shared with
// the network, and only to the funder (the admin sees counts). A figure over fewer than MIN_GROUP people is
// not broken down: a perspective with one or two members in a coalition gets no figure of its own.

export const MIN_GROUP = 3;
export const MONTHS = 12;
export const LATEST_LESSONS = 3;

type Kind = "reflections" | "lessons" | "sessions";
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

/**
 * Per coalition, kind, month and the author's perspective in that coalition: how many reflections and lessons
 * were written for the team or the network, and how many sessions were held (which have no author). One pass
 * over the twelve months serves both the charts and the breakdown by perspective.
 */
function activitySince(since: Date) {
  const reflections = db()
    .selectFrom("reflection")
    .where("deleted_at", "is", null)
    .where("visibility", "in", ["team", "network"])
    .where("created_at", ">=", since)
    .select(["coalition_id", "author_id", sql<Kind>`'reflections'`.as("kind"), month("created_at").as("month")]);
  const lessons = db()
    .selectFrom("lesson")
    .where("deleted_at", "is", null)
    .where("created_at", ">=", since)
    .select(["coalition_id", "author_id", sql<Kind>`'lessons'`.as("kind"), month("created_at").as("month")]);
  const sessions = db()
    .selectFrom("intervision_session")
    .where("status", "=", "confirmed")
    .where("starts_at", ">=", since)
    .where("starts_at", "<=", sql<Date>`now()`)
    .select(["coalition_id", sql<string | null>`null::uuid`.as("author_id"), sql<Kind>`'sessions'`.as("kind"), month("starts_at").as("month")]);
  return db()
    .selectFrom(sessions.unionAll(reflections).unionAll(lessons).as("activity"))
    .leftJoin("membership", (join) =>
      join.onRef("membership.coalition_id", "=", "activity.coalition_id").onRef("membership.person_id", "=", "activity.author_id"),
    )
    .groupBy(["activity.coalition_id", "activity.kind", "activity.month", "membership.perspective"])
    .select([
      "activity.coalition_id as coalitionId",
      "activity.kind",
      "activity.month",
      "membership.perspective",
      sql<string>`count(*)`.as("count"),
    ])
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

/**
 * Per coalition: the latest moment anything countable happened (a reflection, lesson, milestone change or
 * session held). One newest row per kind and coalition, which the (coalition, created_at) indexes find at once.
 */
function lastActivity() {
  return db()
    .selectFrom("coalition")
    .select((eb) => {
      const reflection = eb
        .selectFrom("reflection")
        .whereRef("reflection.coalition_id", "=", "coalition.id")
        .where("reflection.deleted_at", "is", null)
        .where("reflection.visibility", "in", ["team", "network"])
        .select((e) => e.fn.max("reflection.created_at").as("at"));
      const lesson = eb
        .selectFrom("lesson")
        .whereRef("lesson.coalition_id", "=", "coalition.id")
        .where("lesson.deleted_at", "is", null)
        .select((e) => e.fn.max("lesson.created_at").as("at"));
      const change = eb
        .selectFrom("milestone_status_change as change")
        .innerJoin("milestone", "milestone.id", "change.milestone_id")
        .whereRef("milestone.coalition_id", "=", "coalition.id")
        .where("milestone.deleted_at", "is", null)
        .select((e) => e.fn.max("change.changed_at").as("at"));
      const session = eb
        .selectFrom("intervision_session as held")
        .whereRef("held.coalition_id", "=", "coalition.id")
        .where("held.status", "=", "confirmed")
        .where("held.starts_at", "<=", sql<Date>`now()`)
        .select((e) => e.fn.max("held.starts_at").as("at"));
      // greatest() skips the kinds a coalition has none of; null when it has nothing at all.
      return ["coalition.id as coalitionId", sql<Date | null>`greatest(${reflection}, ${lesson}, ${change}, ${session})`.as("at")];
    })
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
          .where(sharedWithNetwork("lesson"))
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

/** The dashboard: one entry per coalition, in name order. Eight queries in all, however many coalitions. */
export async function programmeDashboard(user: User, today = todayInAmsterdam()) {
  requireProgrammeReader(user);
  const months = lastMonths(today);
  const since = amsterdamTimeToUtc(`${months[0]}-01`, "00:00")!;
  const withText = user.accountRole === "funder";
  const [coalitions, members, activity, milestones, last, lessons, events] = await Promise.all([
    listCoalitions(),
    perspectiveCounts(),
    activitySince(since),
    milestoneFigures(today),
    lastActivity(),
    withText ? latestSharedLessons() : Promise.resolve([]),
    eventFigures(),
  ]);
  const noEvents = { held: 0, attendance: 0 };
  const eventsOf = (coalitionId: string | null) => {
    const row = events.find((e) => e.coalitionId === coalitionId);
    return row ? { held: row.held, attendance: row.attendance } : noEvents;
  };
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
    programmeEvents: eventsOf(null),
    coalitions: coalitions.map((c) => {
      const ofCoalition = activity.filter((a) => a.coalitionId === c.id);
      const total = (rows: typeof activity) => rows.reduce((sum, a) => sum + count(a.count), 0);
      const inMonth = (m: string, kind: Kind) => total(ofCoalition.filter((a) => a.month === m && a.kind === kind));
      const perMonth: MonthActivity[] = months.map((m) => ({
        month: m,
        reflections: inMonth(m, "reflections"),
        sessions: inMonth(m, "sessions"),
        lessons: inMonth(m, "lessons"),
      }));
      const byPerspective: PerspectiveFigure[] = perspectives.map((p) => {
        const size = members(c.id, p);
        const written = total(ofCoalition.filter((a) => a.perspective === p && a.kind !== "sessions"));
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
          reflections: total(ofCoalition.filter((a) => a.kind === "reflections")),
          sessions: total(ofCoalition.filter((a) => a.kind === "sessions")),
          lessons: total(ofCoalition.filter((a) => a.kind === "lessons")),
        },
        milestones: {
          achieved: count(figures?.achieved),
          inProgress: count(figures?.inProgress),
          adjusted: count(figures?.adjusted),
          overdue: count(figures?.overdue),
          total: count(figures?.total),
        },
        events: eventsOf(c.id),
        lastActivity: lastAt ? new Date(lastAt).toISOString() : null,
        latestLessons: lessons
          .filter((l) => l.coalitionId === c.id)
          .map((l) => ({ id: l.id, statement: l.statement, href: `/teams/${l.slug}/lessons/${l.id}` })),
      };
    }),
  };
}

export type ProgrammeDashboard = Awaited<ReturnType<typeof programmeDashboard>>;
