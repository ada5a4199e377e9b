import { sql } from "kysely";
import { db } from "../../../db/db.server";
import { oncePerRequest } from "../../auth/request-scope.server";
import { membershipIn, readsContent, type Team, type User } from "../../auth/permissions.server";
import { todayInAmsterdam } from "../../i18n/dates";
import { recentLessons } from "../lessons/lessons.server";
import { milestoneSummary, recentMilestoneChanges } from "../milestones/milestones.server";
import { hasWrittenReflection, recentReflections } from "../reflections/reflections.server";
import { openActionsFor } from "../sessions/notes/session-notes.server";

export type ActivityItem =
  | { kind: "reflection"; id: string; title: string; at: string; by: string; visibility: "private" | "team" | "network" }
  | { kind: "lesson"; id: string; title: string; at: string; by: string; visibility: "team" | "network" }
  | { kind: "milestone"; id: string; title: string; at: string; by: string; from: string | null; to: string; reason: string };

const FEED_LENGTH = 8;
type OpenActions = Awaited<ReturnType<typeof openActionsFor>>;
const noActions: OpenActions = [];

// The team home and its frame (what waits) both list the person's open actions: once per request.
function openActions(user: User, team: Team, today: string): Promise<OpenActions> {
  return oncePerRequest(`open actions ${user.id} ${team.id} ${today}`, () => openActionsFor(user, team, today));
}

/**
 * What happened lately in a team, as far as this reader may see it: reflections, lessons and
 * milestone changes in one list, newest first; plus the milestones at a glance, a first step, and the
 * reader's own open follow-up actions from the team's intervision sessions.
 */
export async function teamHome(user: User, team: Team, today = todayInAmsterdam()) {
  if (!readsContent(user)) return null;
  const member = membershipIn(user, team.id) !== undefined;
  const [reflections, lessons, changes, milestones, wroteBefore, actions] = await Promise.all([
    recentReflections(user, team, FEED_LENGTH),
    recentLessons(user, team, FEED_LENGTH),
    recentMilestoneChanges(user, team, FEED_LENGTH),
    milestoneSummary(user, team),
    member ? hasWrittenReflection(user, team) : true,
    member ? openActions(user, team, today) : noActions,
  ]);
  const activity: ActivityItem[] = [
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
  return { activity, milestones, firstStep: member && !wroteBefore, actions };
}

export type WaitingItem =
  | { kind: "poll"; sessionId: string; title: string }
  | { kind: "prepare"; sessionId: string; title: string; startsAt: string; caseBringer: boolean; answerFirst: boolean }
  | { kind: "overdue"; id: string; what: string; dueOn: string; notesPath: string };

/**
 * What waits for this person in a team they belong to: polls they are asked to answer and have not, the
 * coming intervisions they take part in (to prepare, or first to say whether they come) and their follow-up
 * actions past their date. One query for the intervisions and one for the actions; nothing for a non-member.
 */
export async function waitingFor(user: User, team: Team, today = todayInAmsterdam()): Promise<WaitingItem[]> {
  if (!membershipIn(user, team.id)) return [];
  const [sessions, actions] = await Promise.all([
    db()
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
      .orderBy("session.created_at")
      .execute(),
    openActions(user, team, today),
  ]);
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
    ...actions
      .filter((action) => action.overdue && action.dueOn)
      .map((action): WaitingItem => ({ kind: "overdue", id: action.id, what: action.what, dueOn: action.dueOn!, notesPath: action.notesPath })),
  ];
}
