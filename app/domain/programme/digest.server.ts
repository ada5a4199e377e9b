import { sql, type Expression, type SqlBool } from "kysely";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import { db } from "../../../db/db.server";
import type { MilestoneStatus } from "../../../db/schema";
import { requireFunder, sharedWithNetwork, type User } from "../../auth/permissions.server";
import { amsterdamTimeToUtc, TIME_ZONE } from "../../i18n/dates";
import { eventsBetween } from "../events/event-listings.server";
import type { DigestPeriod } from "./digest-form";
import { methodName } from "../sessions/session-access.server";

// The printable programme digest (/programme/digest): per coalition, what it shared with the network, how its
// milestones moved and which intervision sessions it held in a period. For the funder only (DESIGN.md §2–3):
// - of lessons and reflections only those shared with the network — team-only and private ones are not even
//   counted here;
// - milestones always, as the funder reads every team's milestones;
// - of intervision only what an observer sees: the day, the method and how many took part (confidential).
// One query per kind (events too) for all coalitions at once, however many coalitions there are.

export const EXCERPT_LENGTH = 240;

export type SharedItem = {
  kind: "lesson" | "reflection";
  id: string;
  title: string;
  excerpt: string;
  day: string;
  authorName: string;
  themes: { slug: string; name_nl: string; name_en: string }[];
  href: string;
};

export type MilestoneChange = {
  id: string;
  milestoneTitle: string;
  fromStatus: MilestoneStatus | null;
  toStatus: MilestoneStatus;
  reason: string;
  previousTargetDate: string | null;
  newTargetDate: string | null;
  day: string;
  href: string;
};

export type SessionHeld = { id: string; day: string; methodName: string; participants: number };

export type EventHeld = { id: string; slug: string; title: string; day: string; registered: number };

export type CoalitionDigest = {
  id: string;
  slug: string;
  name: string;
  shared: SharedItem[];
  milestoneChanges: MilestoneChange[];
  sessions: SessionHeld[];
  events: EventHeld[];
};

/** The instants the period runs between: the first day's midnight in Amsterdam up to the midnight after the last. */
function periodInstants(period: DigestPeriod): [Date, Date] {
  const [year, month, day] = period.to.split("-").map(Number);
  const dayAfter = new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
  return [amsterdamTimeToUtc(period.from, "00:00")!, amsterdamTimeToUtc(dayAfter, "00:00")!];
}

/** A moment falls within the period: from the first day's midnight up to the midnight after the last, in Amsterdam. */
function inPeriod(column: string, period: DigestPeriod): Expression<SqlBool> {
  const ref = sql.ref(column);
  return sql<SqlBool>`(${ref} >= (${period.from}::date::timestamp at time zone ${TIME_ZONE})
    and ${ref} < ((${period.to}::date + 1)::timestamp at time zone ${TIME_ZONE}))`;
}

const amsterdamDay = (column: string) => sql<string>`to_char(${sql.ref(column)} at time zone ${TIME_ZONE}, 'YYYY-MM-DD')`;

function sharedLessons(period: DigestPeriod) {
  return db()
    .selectFrom("lesson")
    .innerJoin("person", "person.id", "lesson.author_id")
    .where(sharedWithNetwork("lesson"))
    .where(inPeriod("lesson.created_at", period))
    .select((eb) => [
      "lesson.id",
      "lesson.coalition_id as coalitionId",
      "lesson.statement as title",
      sql<string>`left(lesson.explanation_text, ${EXCERPT_LENGTH})`.as("excerpt"),
      amsterdamDay("lesson.created_at").as("day"),
      "lesson.created_at as createdAt",
      "person.name as authorName",
      jsonArrayFrom(
        eb
          .selectFrom("lesson_theme")
          .innerJoin("theme", "theme.id", "lesson_theme.theme_id")
          .whereRef("lesson_theme.lesson_id", "=", "lesson.id")
          .select(["theme.slug", "theme.name_nl", "theme.name_en"])
          .orderBy("theme.position")
      ).as("themes"),
    ])
    .execute();
}

function sharedReflections(period: DigestPeriod) {
  return db()
    .selectFrom("reflection")
    .innerJoin("person", "person.id", "reflection.author_id")
    .where(sharedWithNetwork("reflection"))
    .where(inPeriod("reflection.created_at", period))
    .select((eb) => [
      "reflection.id",
      "reflection.coalition_id as coalitionId",
      "reflection.title",
      sql<string>`left(reflection.body_text, ${EXCERPT_LENGTH})`.as("excerpt"),
      amsterdamDay("reflection.created_at").as("day"),
      "reflection.created_at as createdAt",
      "person.name as authorName",
      jsonArrayFrom(
        eb
          .selectFrom("reflection_theme")
          .innerJoin("theme", "theme.id", "reflection_theme.theme_id")
          .whereRef("reflection_theme.reflection_id", "=", "reflection.id")
          .select(["theme.slug", "theme.name_nl", "theme.name_en"])
          .orderBy("theme.position")
      ).as("themes"),
    ])
    .execute();
}

function milestoneChanges(period: DigestPeriod) {
  return db()
    .selectFrom("milestone_status_change as change")
    .innerJoin("milestone", "milestone.id", "change.milestone_id")
    .where("milestone.deleted_at", "is", null)
    .where(inPeriod("change.changed_at", period))
    .select([
      "change.id",
      "milestone.id as milestoneId",
      "milestone.coalition_id as coalitionId",
      "milestone.title as milestoneTitle",
      "change.from_status as fromStatus",
      "change.to_status as toStatus",
      "change.reason",
      sql<string | null>`to_char(change.previous_target_date, 'YYYY-MM-DD')`.as("previousTargetDate"),
      sql<string | null>`to_char(change.new_target_date, 'YYYY-MM-DD')`.as("newTargetDate"),
      amsterdamDay("change.changed_at").as("day"),
    ])
    .orderBy("change.changed_at")
    .orderBy("change.id")
    .execute();
}

/** Sessions that took place: confirmed, started in the period and not in the future. Only what an observer sees. */
function sessionsHeld(period: DigestPeriod) {
  return db()
    .selectFrom("intervision_session")
    .where("intervision_session.status", "=", "confirmed")
    .where(inPeriod("intervision_session.starts_at", period))
    .where("intervision_session.starts_at", "<=", sql<Date>`now()`)
    .select([
      "intervision_session.id",
      "intervision_session.coalition_id as coalitionId",
      "intervision_session.method",
      amsterdamDay("intervision_session.starts_at").as("day"),
      // As sessions.server.ts counts them: the facilitator and the invitees who said yes, once each.
      sql<number>`(1 + (select count(*) from session_invitee as counted
        where counted.session_id = intervision_session.id and counted.rsvp = 'yes'
        and counted.person_id <> intervision_session.facilitator_id))::int`.as("participants"),
    ])
    .orderBy("intervision_session.starts_at")
    .orderBy("intervision_session.id")
    .execute();
}

/** Every coalition (by name) with what it shared, how its milestones moved and the sessions it held in the period. */
export async function programmeDigest(user: User, period: DigestPeriod): Promise<CoalitionDigest[]> {
  requireFunder(user);
  const [coalitions, lessons, reflections, changes, sessions, events] = await Promise.all([
    db().selectFrom("coalition").select(["id", "slug", "name"]).orderBy("name").orderBy("id").execute(),
    sharedLessons(period),
    sharedReflections(period),
    milestoneChanges(period),
    sessionsHeld(period),
    eventsBetween(...periodInstants(period)),
  ]);
  const shared = [
    ...lessons.map((row) => ({ ...row, kind: "lesson" as const, path: "lessons" })),
    ...reflections.map((row) => ({ ...row, kind: "reflection" as const, path: "reflections" })),
  ].sort((a, b) => new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime() || a.id.localeCompare(b.id));

  return coalitions.map((coalition) => ({
    ...coalition,
    shared: shared
      .filter((item) => item.coalitionId === coalition.id)
      .map(({ kind, id, title, excerpt, day, authorName, themes, path }) => ({
        kind,
        id,
        title,
        excerpt,
        day,
        authorName,
        themes,
        href: `/teams/${coalition.slug}/${path}/${id}`,
      })),
    milestoneChanges: changes
      .filter((change) => change.coalitionId === coalition.id)
      .map(({ coalitionId: _c, milestoneId, ...change }) => ({
        ...change,
        href: `/teams/${coalition.slug}/milestones/${milestoneId}`,
      })),
    sessions: sessions
      .filter((session) => session.coalitionId === coalition.id)
      .map((session) => ({
        id: session.id,
        day: session.day,
        methodName: methodName(session.method, user.language),
        participants: Number(session.participants),
      })),
    events: events
      .filter((event) => event.coalitionId === coalition.id)
      .map((event) => ({
        id: event.id,
        slug: event.slug,
        title: event.title,
        day: new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE }).format(new Date(event.startsAt)),
        registered: event.registered,
      })),
  }));
}
