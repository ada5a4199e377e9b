import { membershipIn, readsContent, type Team, type User } from "../auth/permissions.server";
import { recentLessons } from "./lessons.server";
import { milestoneSummary, recentMilestoneChanges } from "./milestones.server";
import { hasWrittenReflection, recentReflections } from "./reflections.server";
import { openActionsFor } from "./session-notes.server";

export type ActivityItem =
  | { kind: "reflection"; id: string; title: string; at: string; by: string; visibility: "private" | "team" | "network" }
  | { kind: "lesson"; id: string; title: string; at: string; by: string; visibility: "team" | "network" }
  | { kind: "milestone"; id: string; title: string; at: string; by: string; from: string | null; to: string; reason: string };

const FEED_LENGTH = 8;
const noActions: Awaited<ReturnType<typeof openActionsFor>> = [];

/**
 * What happened lately in a team, as far as this reader may see it: reflections, lessons and
 * milestone changes in one list, newest first; plus the milestones at a glance, a first step, and the
 * reader's own open follow-up actions from the team's intervision sessions.
 */
export async function teamHome(user: User, team: Team) {
  if (!readsContent(user)) return null;
  const member = membershipIn(user, team.id) !== undefined;
  const [reflections, lessons, changes, milestones, wroteBefore, actions] = await Promise.all([
    recentReflections(user, team, FEED_LENGTH),
    recentLessons(user, team, FEED_LENGTH),
    recentMilestoneChanges(user, team, FEED_LENGTH),
    milestoneSummary(user, team),
    member ? hasWrittenReflection(user, team) : true,
    member ? openActionsFor(user, team) : noActions,
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
