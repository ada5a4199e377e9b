import { sql } from "kysely";
import { jsonArrayFrom, jsonObjectFrom } from "kysely/helpers/postgres";
import { db } from "../../../db/db.server";
import { oncePerRequest } from "../../auth/request-scope.server";
import { membershipIn, readsContent, type Team, type User } from "../../auth/permissions.server";
import { todayInAmsterdam } from "../../i18n/dates";
import { recentLessonsQuery } from "../lessons/lessons.server";
import { milestoneSummaryQuery, recentMilestoneChangesQuery, summaryFrom } from "../milestones/milestones.server";
import { demoProgrammeQuery, isDemoSetting } from "../programme/demo-programme.server";
import { recentReflectionsQuery, writtenReflectionQuery } from "../reflections/reflections.server";
import { openActionRowsQuery, openActionsFrom } from "../sessions/notes/session-notes.server";
import { membersQuery, partnersQuery } from "./coalitions.server";

export type ActivityItem =
  | { kind: "reflection"; id: string; title: string; at: string; by: string; visibility: "private" | "team" | "network" }
  | { kind: "lesson"; id: string; title: string; at: string; by: string; visibility: "team" | "network" }
  | { kind: "milestone"; id: string; title: string; at: string; by: string; from: string | null; to: string; reason: string };

const FEED_LENGTH = 8;

// A page of the team asks PostgreSQL once for what it shows, not once per list: each list stays its own module's
// query (with its module's reading rule) and is folded here into one statement with jsonArrayFrom/jsonObjectFrom.
// Through JSON, timestamps come back as text and numbers as numbers, so what leaves here is made the same for both.
//
// Opening the team home runs the coalition frame's loader (what waits) and the home's in one request, side by side:
// both wait for the same person and team lookups, then ask here in the same turn of the event loop. So the
// statement is sent one turn later, with the home's lists when the home asked for them by then. A home that asks
// after it was sent (never when opened, in practice) gets a statement of its own.
type TeamStatement = { home: boolean; sent: boolean; row?: ReturnType<typeof teamStatement> };

function teamLookups(user: User, team: Team, today: string, home: boolean) {
  const batch = oncePerRequest<TeamStatement>(`team statement ${user.id} ${team.id} ${today}`, () => ({ home, sent: false }));
  if (batch.sent && home && !batch.home) return teamStatement(user, team, today, true);
  batch.home ||= home;
  batch.row ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
    batch.sent = true;
    return teamStatement(user, team, today, batch.home);
  });
  return batch.row;
}

function teamStatement(user: User, team: Team, today: string, home: boolean) {
  const member = membershipIn(user, team.id) !== undefined;
  const reads = home && readsContent(user);
  return db()
    .selectNoFrom(({ lit }) => [lit(home).as("home")])
    .$if(member, (query) =>
      query.select([jsonArrayFrom(waitingSessionsQuery(user, team)).as("sessions"), jsonArrayFrom(openActionRowsQuery(user, team)).as("actions")]),
    )
    .$if(home, (query) =>
      query.select([
        jsonArrayFrom(partnersQuery(team.id)).as("partners"),
        jsonArrayFrom(membersQuery(team)).as("members"),
        jsonObjectFrom(demoProgrammeQuery()).as("demo"),
      ]),
    )
    .$if(reads, (query) =>
      query.select([
        jsonArrayFrom(recentReflectionsQuery(user, team, FEED_LENGTH)).as("reflections"),
        jsonArrayFrom(recentLessonsQuery(user, team, FEED_LENGTH)).as("lessons"),
        jsonArrayFrom(recentMilestoneChangesQuery(user, team, FEED_LENGTH)).as("changes"),
        jsonObjectFrom(milestoneSummaryQuery(user, team, today)).as("milestones"),
      ]),
    )
    .$if(reads && member, (query) => query.select(({ exists }) => exists(writtenReflectionQuery(user, team)).as("wroteBefore")))
    .executeTakeFirstOrThrow();
}

/**
 * The team's home: its partners and members, whether this is the demo programme, and (for a reader of content)
 * what happened lately as far as this reader may see it: reflections, lessons and milestone changes in one list,
 * newest first; plus the milestones at a glance, a first step, and the reader's own open follow-up actions from
 * the team's intervision sessions.
 */
export async function teamHomePage(user: User, team: Team, today = todayInAmsterdam()) {
  const row = await teamLookups(user, team, today, true);
  const member = membershipIn(user, team.id) !== undefined;
  const home = readsContent(user)
    ? {
        activity: activityOf(row.reflections ?? [], row.lessons ?? [], row.changes ?? []),
        milestones: summaryFrom(row.milestones),
        firstStep: member && row.wroteBefore === false,
        actions: member ? openActionsFrom(user, team, row.actions ?? [], today) : [],
      }
    : null;
  return { partners: row.partners ?? [], members: row.members ?? [], home, demo: isDemoSetting(row.demo) };
}

type At = Date | string;

function activityOf(
  reflections: { id: string; title: string; visibility: "private" | "team" | "network"; createdAt: At; authorName: string }[],
  lessons: { id: string; statement: string; visibility: "team" | "network"; createdAt: At; authorName: string }[],
  changes: { milestoneId: string; milestoneTitle: string; from: string | null; to: string; reason: string; changedAt: At; changedByName: string }[],
): ActivityItem[] {
  return [
    ...reflections.map((r) => ({
      kind: "reflection" as const,
      id: r.id,
      title: r.title,
      at: new Date(r.createdAt).toISOString(),
      by: r.authorName,
      visibility: r.visibility,
    })),
    ...lessons.map((l) => ({
      kind: "lesson" as const,
      id: l.id,
      title: l.statement,
      at: new Date(l.createdAt).toISOString(),
      by: l.authorName,
      visibility: l.visibility,
    })),
    ...changes.map((c) => ({
      kind: "milestone" as const,
      id: c.milestoneId,
      title: c.milestoneTitle,
      at: new Date(c.changedAt).toISOString(),
      by: c.changedByName,
      from: c.from,
      to: c.to,
      reason: c.reason,
    })),
  ]
    .sort((a, b) => b.at.localeCompare(a.at))
    .slice(0, FEED_LENGTH);
}

export type WaitingItem =
  | { kind: "poll"; sessionId: string; title: string }
  | { kind: "prepare"; sessionId: string; title: string; startsAt: string; caseBringer: boolean; answerFirst: boolean }
  | { kind: "overdue"; id: string; what: string; dueOn: string; notesPath: string };

/**
 * What waits for this person in a team they belong to: polls they are asked to answer and have not, the
 * coming intervisions they take part in (to prepare, or first to say whether they come) and their follow-up
 * actions past their date; nothing for a non-member.
 */
export async function waitingFor(user: User, team: Team, today = todayInAmsterdam()): Promise<WaitingItem[]> {
  if (!membershipIn(user, team.id)) return [];
  const { sessions = [], actions = [] } = await teamLookups(user, team, today, false);
  return [
    ...sessions.map((row): WaitingItem =>
      row.status === "polling" || !row.startsAt
        ? { kind: "poll", sessionId: row.id, title: row.title }
        : {
            kind: "prepare",
            sessionId: row.id,
            title: row.title,
            startsAt: new Date(row.startsAt).toISOString(),
            caseBringer: row.caseBringer,
            answerFirst: !row.leading && row.rsvp === "pending",
          },
    ),
    ...openActionsFrom(user, team, actions, today)
      .filter((action) => action.overdue && action.dueOn)
      .map((action): WaitingItem => ({ kind: "overdue", id: action.id, what: action.what, dueOn: action.dueOn!, notesPath: action.notesPath })),
  ];
}

/** The coming intervisions and polls that wait for this person in a team: its facilitator or an invitee. */
function waitingSessionsQuery(user: User, team: Team) {
  return db()
      .selectFrom("intervision_session as session")
      .leftJoin("session_invitee as invitation", (join) =>
        join.onRef("invitation.session_id", "=", "session.id").on("invitation.person_id", "=", user.id),
      )
      .where("session.coalition_id", "=", team.id)
      // The poll's voters and the session's participants: its facilitator and its invitees.
      .where((eb) => eb.or([eb("session.facilitator_id", "=", user.id), eb("invitation.person_id", "is not", null)]))
      .where((eb) =>
        eb.or([
          eb.and([
            eb("session.status", "=", "polling"),
            eb.not(
              eb.exists(
                eb
                  .selectFrom("slot_vote")
                  .innerJoin("session_slot", "session_slot.id", "slot_vote.slot_id")
                  .whereRef("session_slot.session_id", "=", "session.id")
                  .where("slot_vote.person_id", "=", user.id)
                  .select(sql`1`.as("one")),
              ),
            ),
          ]),
          eb.and([
            eb("session.status", "=", "confirmed"),
            eb("session.starts_at", ">", sql<Date>`now()`),
            eb.or([eb("session.facilitator_id", "=", user.id), eb("invitation.rsvp", "<>", "no")]),
          ]),
        ]),
      )
      .select([
        "session.id",
        "session.title",
        "session.status",
        "session.starts_at as startsAt",
        "invitation.rsvp",
        sql<boolean>`coalesce(session.case_bringer_id = ${user.id}, false)`.as("caseBringer"),
        sql<boolean>`session.facilitator_id = ${user.id}`.as("leading"),
      ])
      .orderBy(sql`session.starts_at nulls first`)
      .orderBy("session.created_at");
}
