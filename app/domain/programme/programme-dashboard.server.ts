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

// A month's first instant in Amsterdam, worked out once per month rather than on every request.
const monthStarts = new Map<string, Date>();
function monthStart(month: string): Date {
  let start = monthStarts.get(month);
  if (!start) {
    start = amsterdamTimeToUtc(`${month}-01`, "00:00")!;
    if (monthStarts.size > 100) monthStarts.clear();
    monthStarts.set(month, start);
  }
  return start;
}

/**
 * Per coalition, kind, month and the author's perspective in that coalition: how many reflections and lessons
 * were written for the team or the network, and how many sessions were held (which have no author). One pass
 * over the twelve months serves both the charts and the breakdown by perspective. Rows fall into their month by
 * comparing the moment with the months' first instants in Amsterdam (width_bucket), which is far cheaper per row
 * than turning every moment into a local date; each kind is counted per author before the perspective is
 * looked up, so the join sees hundreds of rows instead of thousands.
 */
async function activitySince(months: string[]) {
  const starts = months.map(monthStart);
  const since = starts[0];
  const bucket = (column: string) => sql<number>`width_bucket(${sql.ref(column)}, ${starts}::timestamptz[])`;
  const reflections = db()
    .selectFrom("reflection")
    .where("deleted_at", "is", null)
    .where("visibility", "in", ["team", "network"])
    .where("created_at", ">=", since)
    .groupBy(["coalition_id", "author_id", sql`4`])
    .select(["coalition_id", "author_id", sql<Kind>`'reflections'`.as("kind"), bucket("created_at").as("bucket"), sql<string>`count(*)`.as("n")]);
  const lessons = db()
    .selectFrom("lesson")
    .where("deleted_at", "is", null)
    .where("created_at", ">=", since)
    .groupBy(["coalition_id", "author_id", sql`4`])
    .select(["coalition_id", "author_id", sql<Kind>`'lessons'`.as("kind"), bucket("created_at").as("bucket"), sql<string>`count(*)`.as("n")]);
  const sessions = db()
    .selectFrom("intervision_session")
    .where("status", "=", "confirmed")
    .where("starts_at", ">=", since)
    .where("starts_at", "<=", sql<Date>`now()`)
    .groupBy(["coalition_id", sql`4`])
    .select([
      "coalition_id",
      sql<string | null>`null::uuid`.as("author_id"),
      sql<Kind>`'sessions'`.as("kind"),
      bucket("starts_at").as("bucket"),
      sql<string>`count(*)`.as("n"),
    ]);
  const rows = await db()
    .selectFrom(sessions.unionAll(reflections).unionAll(lessons).as("activity"))
    .leftJoin("membership", (join) =>
      join.onRef("membership.coalition_id", "=", "activity.coalition_id").onRef("membership.person_id", "=", "activity.author_id"),
    )
    .groupBy(["activity.coalition_id", "activity.kind", "activity.bucket", "membership.perspective"])
    .select([
      "activity.coalition_id as coalitionId",
      "activity.kind",
      "activity.bucket",
      "membership.perspective",
      sql<string>`sum(activity.n)`.as("count"),
    ])
    .execute();
  return rows.map(({ bucket, ...row }) => ({ ...row, month: months[bucket - 1] }));
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
  const withText = user.accountRole === "funder";
  const [coalitions, members, activity, milestones, last, lessons, events] = await Promise.all([
    listCoalitions(),
    perspectiveCounts(),
    activitySince(months),
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
  // One pass over the activity rows: per coalition its months, its totals by kind and what each perspective wrote.
  const monthIndex = new Map(months.map((m, i) => [m, i]));
  const tally = new Map(
    coalitions.map((c) => [
      c.id,
      {
        perMonth: months.map((m): MonthActivity => ({ month: m, reflections: 0, sessions: 0, lessons: 0 })),
        totals: { reflections: 0, sessions: 0, lessons: 0 } as Record<Kind, number>,
        written: new Map<Perspective, number>(),
      },
    ]),
  );
  for (const row of activity) {
    const of = tally.get(row.coalitionId);
    const i = monthIndex.get(row.month);
    if (!of || i === undefined) continue;
    const n = count(row.count);
    of.perMonth[i][row.kind] += n;
    of.totals[row.kind] += n;
    if (row.kind !== "sessions" && row.perspective) of.written.set(row.perspective, (of.written.get(row.perspective) ?? 0) + n);
  }
  const peak = Math.max(
    1,
    ...[...tally.values()].flatMap((of) => of.perMonth.map((m) => m.reflections + m.sessions + m.lessons)),
  );
  return {
    months,
    peak,
    readsContent: withText,
    programmeEvents: eventsOf(null),
    coalitions: coalitions.map((c) => {
      const { perMonth, totals, written } = tally.get(c.id)!;
      const byPerspective: PerspectiveFigure[] = perspectives.map((p) => {
        const size = members(c.id, p);
        return { perspective: p, members: size, contributions: size >= MIN_GROUP ? (written.get(p) ?? 0) : null };
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
        totals: { reflections: totals.reflections, sessions: totals.sessions, lessons: totals.lessons },
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
