import { sql } from "kysely";
import { facilitatorIds } from "../coalitions/members.server";
import { db } from "../../../db/db.server";
import { isRowId, requireMembership, type Team, type User } from "../../auth/permissions.server";
import { translator } from "../../i18n/dictionaries.server";
import { sendEmail } from "../mail/email.server";
import { notify } from "../notifications/notify.server";
import { countAttempt } from "../../server/throttle.server";
import type { Refusal } from "../../ui/form-answer.server";
import { coalitionToVisit } from "../open/programme-page.server";
import type { VisitAnswerInput, VisitRequestInput } from "./visit-form";

// Someone outside the network asks to come and see a coalition at work ("kom kijken" on /open). The request goes
// to that coalition's facilitators only (members, other coalitions and the funder find nothing: 404); a
// facilitator answers with a message that the requester gets by e-mail. The contact details go 90 days after
// the answer (visit-retention.server.ts).

/** Visit requests per client address per coalition per hour, and per coalition per hour, before the form answers 429. */
export const MAX_ATTEMPTS_PER_ADDRESS = 5;
export const MAX_ATTEMPTS_PER_COALITION = 100;

/** What the sender is told: the same for a new request, a repeated one and a robot. */
export type VisitOutcome = { ok: true } | { ok: false; reason: "throttled" };

/**
 * Saves a visit request and tells the coalition's facilitators. The same address asking again while its request
 * is open makes no second request, and a filled-in honeypot saves nothing: both are thanked like anyone.
 */
export async function sendVisitRequest(
  slug: string | undefined,
  input: VisitRequestInput,
  context: { address: string; origin: string; now?: Date },
): Promise<VisitOutcome> {
  const now = context.now ?? new Date();
  const coalition = await coalitionToVisit(slug);
  const limits = { perAddress: MAX_ATTEMPTS_PER_ADDRESS, inAll: MAX_ATTEMPTS_PER_COALITION };
  if (!(await countAttempt({ table: "visit_request_attempt", column: "coalition_id", id: coalition.id }, context.address, limits, now))) {
    return { ok: false, reason: "throttled" };
  }
  if (input.website) return { ok: true };
  const open = await db()
    .selectFrom("visit_request")
    .where("coalition_id", "=", coalition.id)
    .where("answered_at", "is", null)
    .where(sql<string>`lower(email)`, "=", input.email.toLowerCase())
    .select("id")
    .executeTakeFirst();
  if (open) return { ok: true };
  const { id } = await db()
    .insertInto("visit_request")
    .values({
      coalition_id: coalition.id,
      organisation: input.organisation,
      contact_name: input.contactName,
      email: input.email,
      wishes: input.wishes,
      created_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const facilitators = await facilitatorIds(coalition.id);
  await notify({
    kind: "visit_request",
    recipientIds: facilitators,
    actorId: null,
    item: { type: "visit_request", id },
    origin: context.origin,
  });
  return { ok: true };
}

export function requireVisitsFacilitator(user: User, slug: string | undefined): Promise<Team> {
  return requireMembership(user, slug, "facilitator");
}

/** The coalition's requests: the open ones oldest first (who waits longest), the answered ones newest first. */
export async function visitRequestsPage(team: Team) {
  const requests = await db()
    .selectFrom("visit_request")
    .leftJoin("person", "person.id", "visit_request.answered_by")
    .where("visit_request.coalition_id", "=", team.id)
    .select([
      "visit_request.id",
      "visit_request.organisation",
      "visit_request.contact_name as contactName",
      "visit_request.email",
      "visit_request.wishes",
      "visit_request.created_at as createdAt",
      "visit_request.answer",
      "visit_request.answered_at as answeredAt",
      "visit_request.personal_data_deleted_at as deletedAt",
      "person.name as answeredBy",
    ])
    .orderBy("visit_request.created_at")
    .execute();
  return {
    open: requests.filter((r) => !r.answeredAt),
    answered: requests.filter((r) => r.answeredAt).sort((a, b) => b.answeredAt!.getTime() - a.answeredAt!.getTime()),
  };
}

export type ListedVisitRequest = Awaited<ReturnType<typeof visitRequestsPage>>["open"][number];

/** Answers an open request once: records who answered and when, and mails the answer to the requester ("je"). */
export async function answerVisitRequest(
  user: User,
  team: Team,
  input: VisitAnswerInput,
  context: { origin: string; now?: Date },
): Promise<{ ok: true } | Refusal> {
  const now = context.now ?? new Date();
  if (!isRowId(input.requestId)) return { ok: false, message: "visits.error.request" };
  const answered = await db()
    .updateTable("visit_request")
    .set({ answer: input.answer, answered_at: now, answered_by: user.id })
    .where("id", "=", input.requestId)
    .where("coalition_id", "=", team.id)
    .where("answered_at", "is", null)
    .returning(["email", "contact_name", "organisation"])
    .executeTakeFirst();
  if (!answered) return { ok: false, message: "visits.error.request" };
  // Details deleted meanwhile (the address's account was erased): nobody to tell.
  if (!answered.email || !answered.contact_name) return { ok: true };
  const t = translator("nl");
  await sendEmail({
    to: answered.email,
    subject: t("visitMail.subject", { coalition: team.name }),
    text: [
      t("visitMail.body", { name: answered.contact_name, coalition: team.name }),
      t("visitMail.answer", { answer: input.answer, facilitator: user.name }),
      t("visitMail.link", { link: `${context.origin}/open` }),
      t("visitMail.retention"),
    ].join("\n\n"),
  });
  return { ok: true };
}
