import { sql, type SqlBool } from "kysely";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import { db } from "../../../db/db.server";
import { milestoneReadableBy, sessionRole, type User } from "../../auth/permissions.server";

// What the network holds about one person, kind by kind, read a page at a time (keyset on id, PAGE_SIZE rows
// per query): the rows behind the personal data export (data-export.server.ts).
//
// What is theirs: what they wrote or did (author, creator, actor) and what is about them (profile,
// memberships, invitations, their registrations, audit entries about them). Of what others wrote only the
// notes of intervision sessions in which they are still a participant (sessionRole, the rule, once): a comment
// or a status change names the item it belongs to by id, a milestone they own but did not write shows no text.
// Items moved to a "former member" stand-in carry the stand-in's id, so they are no longer found here.

export const PAGE_SIZE = 200;

export type Page<Row> = AsyncGenerator<Row[], void, undefined>;

/** Rows after the given id, in id order: the next page of a keyset pagination (no offset to count past). */
export function afterId(column: string, after: string | null) {
  return after === null ? sql<SqlBool>`true` : sql<SqlBool>`${sql.ref(column)} > ${after}`;
}

export async function* keyset<Row extends { id: string }>(query: (after: string | null) => Promise<Row[]>): Page<Row> {
  let after: string | null = null;
  for (;;) {
    const rows = await query(after);
    if (rows.length > 0) yield rows;
    if (rows.length < PAGE_SIZE) return;
    after = rows[rows.length - 1].id;
  }
}

/** For the kinds a person has only a handful of (memberships, a feed): one query is one page. */
export async function* onePage<Row>(rows: Promise<Row[]>): Page<Row> {
  yield await rows;
}

/** A date column as 'YYYY-MM-DD' (the drivers would make it a Date at midnight in some time zone). */
export const isoDay = (column: string) => sql<string>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;
export const isoDayOrNull = (column: string) => sql<string | null>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;

export const themeSlugs = (themes: { slug: string }[]) => themes.map((theme) => theme.slug);
export const textPath = (kind: string, id: string) => `texts/${kind}/${id}.html`;

// ---------------------------------------------------------------------------------------------------------
// The rows, kind by kind

export function reflectionPages(user: User) {
  return keyset((after) =>
    db()
      .selectFrom("reflection")
      .innerJoin("coalition", "coalition.id", "reflection.coalition_id")
      .where("reflection.author_id", "=", user.id)
      .where(afterId("reflection.id", after))
      .select((eb) => [
        "reflection.id",
        "coalition.slug as coalition",
        "coalition.name as coalitionName",
        "reflection.title",
        isoDay("reflection.happened_on").as("happenedOn"),
        "reflection.visibility",
        "reflection.body",
        "reflection.body_text as text",
        "reflection.session_id as sessionId",
        "reflection.created_at as createdAt",
        "reflection.updated_at as updatedAt",
        "reflection.deleted_at as deletedAt",
        jsonArrayFrom(
          eb
            .selectFrom("reflection_theme")
            .innerJoin("theme", "theme.id", "reflection_theme.theme_id")
            .whereRef("reflection_theme.reflection_id", "=", "reflection.id")
            .select("theme.slug"),
        ).as("themes"),
      ])
      .orderBy("reflection.id")
      .limit(PAGE_SIZE)
      .execute(),
  );
}

/** The person's comments; the reflection they belong to is someone else's text, so only its id. */
export function commentPages(user: User) {
  return keyset((after) =>
    db()
      .selectFrom("reflection_comment")
      .where("reflection_comment.author_id", "=", user.id)
      .where(afterId("reflection_comment.id", after))
      .select([
        "reflection_comment.id",
        "reflection_comment.reflection_id as reflectionId",
        "reflection_comment.body as text",
        "reflection_comment.created_at as createdAt",
        "reflection_comment.deleted_at as deletedAt",
      ])
      .orderBy("reflection_comment.id")
      .limit(PAGE_SIZE)
      .execute(),
  );
}

export function lessonPages(user: User) {
  return keyset((after) =>
    db()
      .selectFrom("lesson")
      .innerJoin("coalition", "coalition.id", "lesson.coalition_id")
      .where("lesson.author_id", "=", user.id)
      .where(afterId("lesson.id", after))
      .select((eb) => [
        "lesson.id",
        "coalition.slug as coalition",
        "coalition.name as coalitionName",
        "lesson.statement",
        "lesson.visibility",
        "lesson.explanation",
        "lesson.explanation_text as text",
        "lesson.created_at as createdAt",
        "lesson.updated_at as updatedAt",
        "lesson.deleted_at as deletedAt",
        jsonArrayFrom(
          eb
            .selectFrom("lesson_theme")
            .innerJoin("theme", "theme.id", "lesson_theme.theme_id")
            .whereRef("lesson_theme.lesson_id", "=", "lesson.id")
            .select("theme.slug"),
        ).as("themes"),
      ])
      .orderBy("lesson.id")
      .limit(PAGE_SIZE)
      .execute(),
  );
}

/** Milestones the person created, and those they own while they may still read them. */
export function milestonePages(user: User) {
  return keyset((after) =>
    db()
      .selectFrom("milestone")
      .innerJoin("coalition", "coalition.id", "milestone.coalition_id")
      .where((eb) =>
        eb.or([
          eb("milestone.created_by", "=", user.id),
          eb.and([eb("milestone.owner_id", "=", user.id), milestoneReadableBy(user, "milestone")]),
        ]),
      )
      .where(afterId("milestone.id", after))
      .select([
        "milestone.id",
        "coalition.slug as coalition",
        "coalition.name as coalitionName",
        "milestone.title",
        "milestone.description",
        "milestone.description_text as text",
        isoDay("milestone.planned_date").as("plannedDate"),
        isoDay("milestone.target_date").as("targetDate"),
        "milestone.status",
        "milestone.visibility",
        "milestone.created_by as createdBy",
        "milestone.owner_id as ownerId",
        "milestone.created_at as createdAt",
        "milestone.updated_at as updatedAt",
        "milestone.deleted_at as deletedAt",
      ])
      .orderBy("milestone.id")
      .limit(PAGE_SIZE)
      .execute(),
  );
}

export function milestoneChangePages(user: User) {
  return keyset((after) =>
    db()
      .selectFrom("milestone_status_change")
      .innerJoin("milestone", "milestone.id", "milestone_status_change.milestone_id")
      .where("milestone_status_change.changed_by", "=", user.id)
      .where(afterId("milestone_status_change.id", after))
      .select([
        "milestone_status_change.id",
        "milestone_status_change.milestone_id as milestoneId",
        // The title only of a milestone the person created: another's is the team's text.
        sql<string | null>`case when ${sql.ref("milestone.created_by")} = ${user.id} then ${sql.ref("milestone.title")} end`.as("milestoneTitle"),
        "milestone_status_change.from_status as fromStatus",
        "milestone_status_change.to_status as toStatus",
        "milestone_status_change.reason",
        isoDayOrNull("milestone_status_change.previous_target_date").as("previousTargetDate"),
        isoDayOrNull("milestone_status_change.new_target_date").as("newTargetDate"),
        "milestone_status_change.changed_at as changedAt",
      ])
      .orderBy("milestone_status_change.id")
      .limit(PAGE_SIZE)
      .execute(),
  );
}

export type SessionNote = { phase: number; body: unknown; text: string };

/**
 * Sessions the person was invited to or led, each with their own answers, evaluation and actions; the notes
 * and take-away only where sessionRole still makes them a participant. Four more queries per page, never per row.
 */
export async function* sessionPages(user: User) {
  const pages = keyset((after) =>
    db()
      .selectFrom("intervision_session as s")
      .innerJoin("coalition", "coalition.id", "s.coalition_id")
      .leftJoin("session_invitee as i", (join) => join.onRef("i.session_id", "=", "s.id").on("i.person_id", "=", user.id))
      .where((eb) => eb.or([eb("s.facilitator_id", "=", user.id), eb("i.person_id", "is not", null)]))
      .where(afterId("s.id", after))
      .select([
        "s.id",
        "s.coalition_id as coalitionId",
        "coalition.slug as coalition",
        "coalition.name as coalitionName",
        "s.title",
        "s.method",
        "s.status",
        "s.place",
        "s.starts_at as startsAt",
        "s.ends_at as endsAt",
        "s.facilitator_id as facilitatorId",
        "s.case_bringer_id as caseBringerId",
        "s.timekeeper_id as timekeeperId",
        "s.takeaway",
        "s.takeaway_text as takeawayText",
        "i.rsvp",
        "i.volunteers_case as volunteersCase",
      ])
      .orderBy("s.id")
      .limit(PAGE_SIZE)
      .execute(),
  );
  for await (const sessions of pages) {
    const ids = sessions.map((session) => session.id);
    const participantIn = new Set(
      sessions
        .filter((session) => sessionRole(user, session, session.rsvp ? { rsvp: session.rsvp } : null) === "participant")
        .map((session) => session.id),
    );
    const [votes, evaluations, actions, notes] = await Promise.all([
      db()
        .selectFrom("slot_vote")
        .innerJoin("session_slot", "session_slot.id", "slot_vote.slot_id")
        .where("slot_vote.person_id", "=", user.id)
        .where("session_slot.session_id", "in", ids)
        .select(["session_slot.session_id as sessionId", "session_slot.starts_at as startsAt", "session_slot.ends_at as endsAt", "slot_vote.answer"])
        .orderBy("session_slot.starts_at")
        .execute(),
      db()
        .selectFrom("session_evaluation")
        .where("person_id", "=", user.id)
        .where("session_id", "in", ids)
        .select(["session_id as sessionId", "score", "comment", "updated_at as updatedAt"])
        .execute(),
      db()
        .selectFrom("session_action")
        .where("session_id", "in", ids)
        .where((eb) => eb.or([eb("owner_id", "=", user.id), eb("created_by", "=", user.id)]))
        .select(["id", "session_id as sessionId", "what", isoDayOrNull("session_action.due_on").as("dueOn"), "done_at as doneAt", "owner_id as ownerId", "created_at as createdAt"])
        .orderBy("created_at")
        .execute(),
      participantIn.size === 0
        ? Promise.resolve([])
        : db()
            .selectFrom("session_note")
            .where("session_id", "in", [...participantIn])
            .select(["session_id as sessionId", "phase", "body", "body_text as text"])
            .orderBy("phase")
            .execute(),
    ]);
    const of = <Row extends { sessionId: string }>(rows: Row[], id: string) => rows.filter((row) => row.sessionId === id);
    yield sessions.map((session) => {
      const participant = participantIn.has(session.id);
      return {
        ...session,
        participant,
        votes: of(votes, session.id),
        evaluation: of(evaluations, session.id)[0] ?? null,
        actions: of(actions, session.id),
        notes: participant ? (of(notes, session.id) as SessionNote[]) : null,
      };
    });
  }
}

export function eventPages(user: User) {
  return keyset((after) =>
    db()
      .selectFrom("event")
      .leftJoin("coalition", "coalition.id", "event.coalition_id")
      .where("event.created_by", "=", user.id)
      .where(afterId("event.id", after))
      .select([
        "event.id",
        "coalition.slug as coalition",
        "coalition.name as coalitionName",
        "event.slug",
        "event.title",
        "event.audience",
        "event.place",
        "event.address",
        "event.starts_at as startsAt",
        "event.ends_at as endsAt",
        "event.capacity",
        "event.registration_deadline as registrationDeadline",
        "event.description",
        "event.description_text as text",
        "event.report",
        "event.report_text as reportText",
        "event.created_at as createdAt",
      ])
      .orderBy("event.id")
      .limit(PAGE_SIZE)
      .execute(),
  );
}

/** Registrations made with the person's account or with their e-mail address (never the token behind the link). */
export async function* registrationPages(user: User) {
  const pages = keyset((after) =>
    db()
      .selectFrom("event_registration as r")
      .innerJoin("event", "event.id", "r.event_id")
      .where((eb) => eb.or([eb("r.person_id", "=", user.id), eb(sql`lower(${sql.ref("r.email")})`, "=", user.email.toLowerCase())]))
      .where(afterId("r.id", after))
      .select([
        "r.id",
        "event.slug as event",
        "event.title as eventTitle",
        "event.starts_at as eventStartsAt",
        "r.status",
        "r.name",
        "r.email",
        "r.organisation",
        "r.dietary",
        "r.created_at as createdAt",
        "r.updated_at as updatedAt",
        "r.moved_up_at as movedUpAt",
        "r.cancelled_at as cancelledAt",
      ])
      .orderBy("r.id")
      .limit(PAGE_SIZE)
      .execute(),
  );
  for await (const registrations of pages) {
    const answers = await db()
      .selectFrom("event_answer")
      .innerJoin("event_question", "event_question.id", "event_answer.question_id")
      .where(
        "event_answer.registration_id",
        "in",
        registrations.map((registration) => registration.id),
      )
      .select(["event_answer.registration_id as registrationId", "event_question.label as question", "event_answer.answer"])
      .orderBy("event_question.position")
      .execute();
    yield registrations.map((registration) => ({
      ...registration,
      answers: answers.filter((answer) => answer.registrationId === registration.id).map(({ question, answer }) => ({ question, answer })),
    }));
  }
}

export function invitationPages(user: User) {
  return keyset((after) =>
    db()
      .selectFrom("invitation")
      .leftJoin("coalition", "coalition.id", "invitation.coalition_id")
      .where(sql`lower(${sql.ref("invitation.email")})`, "=", user.email.toLowerCase())
      .where(afterId("invitation.id", after))
      .select([
        "invitation.id",
        "invitation.email",
        "invitation.account_role as accountRole",
        "coalition.name as coalition",
        "invitation.role",
        "invitation.created_at as createdAt",
        "invitation.expires_at as expiresAt",
        "invitation.accepted_at as acceptedAt",
        "invitation.revoked_at as revokedAt",
      ])
      .orderBy("invitation.id")
      .limit(PAGE_SIZE)
      .execute(),
  );
}

/** Entries where the person acted or was acted upon; the network address only of their own actions. */
export function auditPages(user: User) {
  return keyset((after) =>
    db()
      .selectFrom("audit_event")
      .leftJoin("coalition", "coalition.id", "audit_event.coalition_id")
      .where((eb) => eb.or([eb("audit_event.actor_id", "=", user.id), eb("audit_event.subject_id", "=", user.id)]))
      .where(afterId("audit_event.id", after))
      .select([
        // bigserial: text, so that both drivers give the same string (and JSON has no bigint).
        sql<string>`${sql.ref("audit_event.id")}::text`.as("id"),
        "audit_event.at",
        "audit_event.kind",
        "audit_event.actor_id as actorId",
        "audit_event.subject_id as subjectId",
        "coalition.name as coalition",
        "audit_event.address",
        "audit_event.detail",
      ])
      .orderBy("audit_event.id")
      .limit(PAGE_SIZE)
      .execute(),
  );
}

// ---------------------------------------------------------------------------------------------------------
// The JSON files
