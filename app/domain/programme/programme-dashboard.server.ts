import { sql, type Expression, type SqlBool } from "kysely";
import { jsonArrayFrom, jsonObjectFrom } from "kysely/helpers/postgres";
import { db } from "../../../db/db.server";
import type { Perspective, SessionStatus, Visibility } from "../../../db/schema";
import { requireProgrammeReader, sharedWithNetwork, type User } from "../../auth/permissions.server";
import { amsterdamTimeToUtc, todayInAmsterdam } from "../../i18n/dates";
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

// The dashboard's statement has its values written in, not bound: with parameters PostgreSQL plans this
// large statement afresh on every run (a custom plan per run), without them it plans once per connection.
const shared = [sql.lit<Visibility>("team"), sql.lit<Visibility>("network")];
const confirmed = sql.lit<SessionStatus>("confirmed");

/** The last `MONTHS` calendar months up to and including today's, as 'YYYY-MM', oldest first. */
export function lastMonths(today: string): string[] {
  const [year, month] = today.split("-").map(Number);
  return Array.from({ length: MONTHS }, (_, i) => {
    const date = new Date(Date.UTC(year, month - 1 - (MONTHS - 1 - i), 1));
    return date.toISOString().slice(0, 7);
  });
}

/**
 * Per coalition, kind and month: how many reflections and lessons were written for the team or the network,
 * and how many sessions were held; and per coalition and the author's perspective in it, how many reflections
 * and lessons were written in those months. One pass over the twelve months serves both the charts and the
 * breakdown by perspective. Rows fall into their month by
 * comparing the moment with the months' first instants in Amsterdam (width_bucket), which is far cheaper per row
 * than turning every moment into a local date; each kind is counted per author before the perspective is
 * looked up, so the join sees hundreds of rows instead of thousands.
 */
function activitySince(months: string[]) {
  const starts = months.map((month) => amsterdamTimeToUtc(`${month}-01`, "00:00")!.toISOString());
  const since = sql<Date>`${sql.lit(starts[0])}::timestamptz`;
  // One array literal, written once: the driver sends a string as it is.
  const bounds = `{${starts.join(",")}}`;
  const bucket = (column: string) => sql<number>`width_bucket(${sql.ref(column)}, ${sql.lit(bounds)}::timestamptz[])`;
  const reflections = db()
    .selectFrom("reflection")
    .where("deleted_at", "is", null)
    .where("visibility", "in", shared)
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
    .where("status", "=", confirmed)
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
  return db()
    .selectFrom(sessions.unionAll(reflections).unionAll(lessons).as("activity"))
    .leftJoin("membership", (join) =>
      join.onRef("membership.coalition_id", "=", "activity.coalition_id").onRef("membership.person_id", "=", "activity.author_id"),
    )
    // Two sums from one pass: per kind and month (the charts), and per perspective (the breakdown), where
    // kind and month are null. Sessions have no author, so no perspective.
    .groupBy(
      sql`grouping sets ((activity.coalition_id, activity.kind, activity.bucket), (activity.coalition_id, membership.perspective))`,
    )
    .select([
      "activity.coalition_id as coalitionId",
      sql<Kind | null>`activity.kind`.as("kind"),
      sql<number | null>`activity.bucket`.as("bucket"),
      "membership.perspective",
      sql<number>`sum(activity.n)`.as("count"),
    ]);
}

/**
 * Per coalition, in name order: what it is, who takes part (by perspective), its milestones by where they
 * stand today, the latest moment anything countable happened (a reflection, lesson, milestone change or
 * session held; one newest row per kind, which the (coalition, created_at) indexes find at once), the events
 * it held and, for the funder, its newest lessons shared with the network.
 */
function coalitionFigures(today: string, withText: boolean) {
  return db()
    .selectFrom("coalition")
    .select((eb) => {
      const partners = sql<string[]>`array(${eb
        .selectFrom("organisation")
        .whereRef("organisation.coalition_id", "=", "coalition.id")
        .select("organisation.name")
        .orderBy("organisation.position")
        .orderBy("organisation.name")})`;
      // Members whose account is active, per perspective: {"resident": 5, …}, null when there are none.
      const members = eb
        .selectFrom("membership")
        .innerJoin("person", "person.id", "membership.person_id")
        .whereRef("membership.coalition_id", "=", "coalition.id")
        .where("person.deactivated_at", "is", null)
        .groupBy("membership.perspective")
        .select(["membership.perspective", sql<number>`count(*)`.as("n")]);
      const milestones = eb
        .selectFrom("milestone")
        .whereRef("milestone.coalition_id", "=", "coalition.id")
        .where("milestone.deleted_at", "is", null)
        .select([
          sql<number>`count(*) filter (where status = 'achieved')`.as("achieved"),
          sql<number>`count(*) filter (where status = 'in_progress')`.as("inProgress"),
          sql<number>`count(*) filter (where status = 'adjusted')`.as("adjusted"),
          sql<number>`count(*) filter (where target_date < ${sql.lit(today)}::date and status in (${sql.join(openMilestoneStatuses.map((status) => sql.lit(status)))}))`.as(
            "overdue",
          ),
          sql<number>`count(*)`.as("total"),
        ]);
      const reflection = eb
        .selectFrom("reflection")
        .whereRef("reflection.coalition_id", "=", "coalition.id")
        .where("reflection.deleted_at", "is", null)
        .where("reflection.visibility", "in", shared)
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
        .where("held.status", "=", confirmed)
        .where("held.starts_at", "<=", sql<Date>`now()`)
        .select((e) => e.fn.max("held.starts_at").as("at"));
      const latestLessons = eb
        .selectFrom("lesson")
        .whereRef("lesson.coalition_id", "=", "coalition.id")
        .where(sharedWithNetwork("lesson"))
        .select(["lesson.id", "lesson.statement"])
        .orderBy("lesson.created_at", "desc")
        .orderBy("lesson.id", "desc")
        .limit(sql.lit(LATEST_LESSONS));
      return [
        "coalition.id",
        "coalition.slug",
        "coalition.name",
        "coalition.place",
        partners.as("partners"),
        sql<Partial<Record<Perspective, number>> | null>`(select json_object_agg(m.perspective, m.n) from ${members.as("m")})`.as("members"),
        jsonObjectFrom(milestones).$notNull().as("milestones"),
        // greatest() skips the kinds a coalition has none of; null when it has nothing at all.
        sql<string | null>`greatest(${reflection}, ${lesson}, ${change}, ${session})`.as("lastActivity"),
        jsonObjectFrom(eventFigures(sql`event.coalition_id = coalition.id`)).$notNull().as("events"),
        withText ? jsonArrayFrom(latestLessons).as("latestLessons") : sql<{ id: string; statement: string }[]>`'[]'::json`.as("latestLessons"),
      ];
    })
    .orderBy("coalition.name")
    .orderBy("coalition.id");
}

/** Events held so far and the registrations for them (the programme's own events have no coalition). */
function eventFigures(whose: Expression<SqlBool>) {
  return db()
    .selectFrom("event")
    .leftJoin("event_registration as registration", (join) =>
      join.onRef("registration.event_id", "=", "event.id").on("registration.status", "=", sql.lit("registered")),
    )
    .where("event.starts_at", "<=", sql<Date>`now()`)
    .where(whose)
    .select([sql<number>`count(distinct event.id)`.as("held"), sql<number>`count(registration.id)`.as("attendance")]);
}

/**
 * All the dashboard's figures in one statement, however many coalitions: they come back as JSON, so the page
 * costs one round trip. The statement only changes with the day and the reader's kind, so it is built and
 * compiled once for each rather than on every request.
 */
function figuresQuery(today: string, withText: boolean) {
  return db().selectNoFrom([
    jsonArrayFrom(coalitionFigures(today, withText)).as("coalitions"),
    jsonArrayFrom(activitySince(lastMonths(today))).as("activity"),
    jsonObjectFrom(eventFigures(sql`event.coalition_id is null`)).$notNull().as("programmeEvents"),
  ]);
}
type Figures = Awaited<ReturnType<ReturnType<typeof figuresQuery>["executeTakeFirstOrThrow"]>>;

/**
 * The figures with the change number they were counted at (see migration 0015), in one statement: the
 * figures only when the number is not the one given (`$1`, the only value the statement binds), so a
 * process that holds the figures of the current counter pays for reading one row.
 */
function figuresStatement(today: string, withText: boolean) {
  const query = sql<{ version: string; figures: Figures | null }>`select last_value::text as version,
    case when last_value = ${"-1"}::bigint then null else (select to_json(figures) from (${figuresQuery(today, withText)}) as figures) end as figures
    from programme_change`.compile(db());
  if (query.parameters.length !== 1) throw new Error("the dashboard's statement must bind the counter alone");
  return query;
}

// Per database, day and kind of reader: the compiled statement and the dashboard last counted, with its
// change number. A process counts afresh when the number moved and at least every few seconds, since time
// passing makes a session or an event "held" without any change, and a number drawn just before its change
// committed may have been read with the figures before it.
const FRESH_MS = 5_000;
type Held = { version: string; countedAt: number; dashboard: Dashboard };
type Entry = { statement: ReturnType<typeof figuresStatement>; held?: Held };
const entries = new WeakMap<object, Map<string, Entry>>();

function entryFor(today: string, withText: boolean): Entry {
  let perDay = entries.get(db());
  if (!perDay) entries.set(db(), (perDay = new Map()));
  const key = `${today} ${withText}`;
  let entry = perDay.get(key);
  if (!entry) {
    if (perDay.size >= 4) perDay.clear(); // yesterday's
    entry = { statement: figuresStatement(today, withText) };
    perDay.set(key, entry);
  }
  return entry;
}

/** The dashboard: one entry per coalition, in name order. */
export async function programmeDashboard(user: User, today = todayInAmsterdam()) {
  requireProgrammeReader(user);
  const withText = user.accountRole === "funder";
  const entry = entryFor(today, withText);
  const countedAt = Date.now();
  const held = entry.held && countedAt - entry.held.countedAt < FRESH_MS ? entry.held : undefined;
  const statement: typeof entry.statement = { ...entry.statement, parameters: [held?.version ?? "-1"] };
  const {
    rows: [row],
  } = await db().executeQuery(statement);
  if (!row.figures) return held!.dashboard;
  const dashboard = dashboardOf(row.figures, lastMonths(today), withText);
  entry.held = { version: row.version, countedAt, dashboard };
  return dashboard;
}

function dashboardOf(figures: Figures, months: string[], withText: boolean) {
  // One pass over the activity rows: per coalition its months, its totals by kind and what each perspective wrote.
  const tally = new Map(
    figures.coalitions.map((c) => [
      c.id,
      {
        perMonth: months.map((m): MonthActivity => ({ month: m, reflections: 0, sessions: 0, lessons: 0 })),
        totals: { reflections: 0, sessions: 0, lessons: 0 } as Record<Kind, number>,
        written: new Map<Perspective, number>(),
      },
    ]),
  );
  for (const row of figures.activity) {
    const of = tally.get(row.coalitionId);
    if (!of) continue;
    const n = Number(row.count);
    const month = row.bucket === null ? undefined : of.perMonth[row.bucket - 1];
    if (month && row.kind) {
      month[row.kind] += n;
      of.totals[row.kind] += n;
    } else if (row.bucket === null && row.perspective) of.written.set(row.perspective, n);
  }
  const peak = Math.max(
    1,
    ...[...tally.values()].flatMap((of) => of.perMonth.map((m) => m.reflections + m.sessions + m.lessons)),
  );
  return {
    months,
    peak,
    readsContent: withText,
    programmeEvents: figures.programmeEvents,
    coalitions: figures.coalitions.map((c) => {
      const { perMonth, totals, written } = tally.get(c.id)!;
      const byPerspective: PerspectiveFigure[] = perspectives.map((p) => {
        const size = c.members?.[p] ?? 0;
        return { perspective: p, members: size, contributions: size >= MIN_GROUP ? (written.get(p) ?? 0) : null };
      });
      return {
        id: c.id,
        slug: c.slug,
        name: c.name,
        place: c.place,
        partners: c.partners,
        members: Object.values(c.members ?? {}).reduce((sum, n) => sum + n, 0),
        byPerspective,
        activity: perMonth,
        totals,
        milestones: c.milestones,
        events: c.events,
        lastActivity: c.lastActivity ? new Date(c.lastActivity).toISOString() : null,
        latestLessons: c.latestLessons.map((l) => ({ id: l.id, statement: l.statement, href: `/teams/${c.slug}/lessons/${l.id}` })),
      };
    }),
  };
}

type Dashboard = ReturnType<typeof dashboardOf>;
export type ProgrammeDashboard = Dashboard;
