import type { MilestoneStatus, OrganisationKind, Perspective, Rsvp, SessionReminder, SharedVisibility, SlotAnswer, TeamRole, Visibility } from "../../db/schema";

// The fixed choices of the product, in display order; shared by forms, pages and queries.
export const perspectives = ["resident", "volunteer", "professional", "municipality", "board"] as const satisfies readonly Perspective[];
export const visibilities = ["private", "team", "network"] as const satisfies readonly Visibility[];
/** Empty partner rows on the coalition form, so that organisations can be added without JavaScript. */
export const BLANK_PARTNER_ROWS = 3;
export const MAX_PARTNERS = 40;

export const teamRoles = ["member", "facilitator"] as const satisfies readonly TeamRole[];
export const organisationKinds = [
  "residents_initiative",
  "welfare",
  "municipality",
  "other",
] as const satisfies readonly OrganisationKind[];

export const milestoneStatuses = [
  "planned",
  "in_progress",
  "achieved",
  "adjusted",
  "dropped",
] as const satisfies readonly MilestoneStatus[];
/** A milestone in one of these statuses is still open: past its target date it is overdue. */
export const openMilestoneStatuses = ["planned", "in_progress", "adjusted"] as const satisfies readonly MilestoneStatus[];
/** Milestones are shared with the team (and always the funder) or with the whole network; never private. */
/** Lessons are shared with the team or the network; a lesson is never private. */
export const lessonVisibilities = ["team", "network"] as const satisfies readonly SharedVisibility[];
export const LESSON_STATEMENT_MAX = 280;
export const milestoneVisibilities = ["team", "network"] as const satisfies readonly SharedVisibility[];
/** The reason for a status change is a short line, not an essay: the story belongs in a reflection. */
export const MAX_REASON_LENGTH = 500;

/** An intervision session's availability poll: answers per candidate time, from a choice of 2–8 times. */
export const slotAnswers = ["yes", "maybe", "no"] as const satisfies readonly SlotAnswer[];
export const MIN_SESSION_SLOTS = 2;
export const MAX_SESSION_SLOTS = 8;
/** Whether an invitee comes to a confirmed session. */
export const rsvpAnswers = ["yes", "no"] as const satisfies readonly Rsvp[];
/** When those coming to a session are reminded of it (the facilitator's choice). */
export const sessionReminders = ["day_before", "two_hours", "off"] as const satisfies readonly SessionReminder[];
export const MAX_PREPARATION_QUESTION = 1000;

/** Intervision: a follow-up action is one line (who does what), an evaluation one sentence. */
export const SESSION_ACTION_MAX = 300;
export const EVALUATION_COMMENT_MAX = 300;
export const evaluationScores = [1, 2, 3, 4, 5] as const;
