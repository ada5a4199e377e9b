import { sql, type Transaction } from "kysely";
import { db, type DB } from "../../../db/db.server";
import type { Database, DepartedMembership, DepartureItemKind, SharedVisibility, Visibility } from "../../../db/schema";
import { endAllSessions } from "../../auth/session.server";
import { verifyPassword } from "../../auth/password.server";
import { hashToken, newToken } from "../../auth/tokens.server";
import { membershipIn, notFound, rowIdOrNotFound, type Team, type User } from "../../auth/permissions.server";
import { translator } from "../../i18n/dictionaries.server";
import type { MessageKey } from "../../i18n/i18n";
import { formatDateTime } from "../../i18n/dates";
import { recordAudit } from "../audit/audit.server";
import { publicUrl, sendEmail } from "../mail/email.server";
import { personalData } from "./personal-data.server";
import type { HandOver } from "./personal-rows.server";

// Leaving a coalition and deleting an account (issue 8, AVG/GDPR). What the person kept for the team moves to
// an anonymous stand-in (a person row with no name, address or password, shown as "former member"), so
// every query and permission check keeps working unchanged and nothing of the person stays attached to it.
// What they chose to delete, and their private items, are soft-deleted at once and deleted for good after
// GRACE_DAYS; until then a restore moves everything back from the stand-in.

export const GRACE_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

type Trx = Transaction<Database>;
export type Choice = "delete" | "keep";
export type ChoiceKind = "reflection" | "lesson" | "milestone";
export type SharedItem = {
  kind: ChoiceKind;
  id: string;
  title: string;
  visibility: Visibility | SharedVisibility;
  coalitionId: string;
  coalitionName: string;
};
export type Departing = {
  /** Shared items that need a choice: delete, or keep as "former member". */
  items: SharedItem[];
  privateReflections: number;
  comments: number;
};
export type Choices = { items: Map<string, Choice>; comments: Choice };

export function choiceKey(item: { kind: ChoiceKind; id: string }): string {
  return `${item.kind}.${item.id}`;
}

/** What a person wrote in one coalition (or in all of them), for the leave / delete page. */
export async function whatDeparts(personId: string, coalitionId: string | null, executor: Trx | DB = db()): Promise<Departing> {
  const team = (column: "reflection.coalition_id" | "lesson.coalition_id" | "milestone.coalition_id") =>
    coalitionId ? sql<boolean>`${sql.ref(column)} = ${coalitionId}` : sql<boolean>`true`;
  const [reflections, lessons, milestones, privateCount, commentCount] = await Promise.all([
    executor
      .selectFrom("reflection")
      .innerJoin("coalition", "coalition.id", "reflection.coalition_id")
      .where("reflection.author_id", "=", personId)
      .where("reflection.visibility", "!=", "private")
      .where("reflection.deleted_at", "is", null)
      .where(team("reflection.coalition_id"))
      .select(["reflection.id", "reflection.title", "reflection.visibility", "coalition.id as coalitionId", "coalition.name as coalitionName"])
      .orderBy("coalition.name")
      .orderBy("reflection.happened_on", "desc")
      .execute(),
    executor
      .selectFrom("lesson")
      .innerJoin("coalition", "coalition.id", "lesson.coalition_id")
      .where("lesson.author_id", "=", personId)
      .where("lesson.deleted_at", "is", null)
      .where(team("lesson.coalition_id"))
      .select(["lesson.id", "lesson.statement as title", "lesson.visibility", "coalition.id as coalitionId", "coalition.name as coalitionName"])
      .orderBy("coalition.name")
      .orderBy("lesson.created_at", "desc")
      .execute(),
    executor
      .selectFrom("milestone")
      .innerJoin("coalition", "coalition.id", "milestone.coalition_id")
      .where("milestone.created_by", "=", personId)
      .where("milestone.deleted_at", "is", null)
      .where(team("milestone.coalition_id"))
      .select(["milestone.id", "milestone.title", "milestone.visibility", "coalition.id as coalitionId", "coalition.name as coalitionName"])
      .orderBy("coalition.name")
      .orderBy("milestone.target_date")
      .execute(),
    executor
      .selectFrom("reflection")
      .where("author_id", "=", personId)
      .where("visibility", "=", "private")
      .where("deleted_at", "is", null)
      .where(team("reflection.coalition_id"))
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow(),
    executor
      .selectFrom("reflection_comment")
      .innerJoin("reflection", "reflection.id", "reflection_comment.reflection_id")
      .where("reflection_comment.author_id", "=", personId)
      .where("reflection_comment.deleted_at", "is", null)
      .where(team("reflection.coalition_id"))
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  return {
    items: [
      ...reflections.map((r) => ({ ...r, kind: "reflection" as const })),
      ...lessons.map((r) => ({ ...r, kind: "lesson" as const })),
      ...milestones.map((r) => ({ ...r, kind: "milestone" as const })),
    ],
    privateReflections: Number(privateCount.n),
    comments: Number(commentCount.n),
  };
}

type Outcome = { ok: true } | { ok: false; field?: string; message: MessageKey; vars?: Record<string, string> };

/** Leaving one coalition: the membership ends at once; 30 days to come back with everything as it was. */
export async function leaveCoalition(user: User, team: Team, choices: Choices): Promise<Outcome> {
  const membership = membershipIn(user, team.id);
  if (!membership) throw notFound();
  const outcome = await db()
    .transaction()
    .execute(async (trx) => {
      if (await isLastFacilitator(trx, user.id, team.id)) return { ok: false as const, message: "departures.lastFacilitator" as const };
      await depart(trx, { personId: user.id, coalitionId: team.id, choices, keepPrivate: false, requestedBy: user.id });
      return { ok: true as const };
    });
  if (outcome.ok) await recordAudit({ kind: "left_coalition", actorId: user.id, subjectId: user.id, coalitionId: team.id });
  return outcome;
}

/**
 * Deleting one's own account: signed out everywhere and unable to sign in at once; an e-mail carries the link
 * that undoes it within 30 days. The password is asked again, as a stolen session must not be enough.
 */
export async function deleteAccount(user: User, password: string, choices: Choices, request: Request): Promise<Outcome> {
  if (user.accountRole === "admin") return { ok: false, message: "departures.adminCannotDelete" };
  const person = await db().selectFrom("person").where("id", "=", user.id).select("password_hash").executeTakeFirstOrThrow();
  if (!(await verifyPassword(password, person.password_hash))) {
    return { ok: false, field: "password", message: "error.passwordWrong" };
  }
  const { token, hash } = newToken();
  const outcome = await db()
    .transaction()
    .execute(async (trx) => {
      for (const m of user.memberships) {
        if (await isLastFacilitator(trx, user.id, m.coalitionId)) {
          return { ok: false as const, message: "departures.lastFacilitatorOf" as const, team: m.name };
        }
      }
      const departure = await depart(trx, { personId: user.id, coalitionId: null, choices, keepPrivate: false, requestedBy: user.id });
      await trx.updateTable("departure").set({ restore_token_hash: hash }).where("id", "=", departure.id).execute();
      await trx.updateTable("person").set({ deactivated_at: new Date() }).where("id", "=", user.id).execute();
      await trx.deleteFrom("calendar_feed").where("person_id", "=", user.id).execute();
      return { ok: true as const, finalAt: departure.finalAt };
    });
  if (!outcome.ok) return { ok: false, message: outcome.message, vars: { team: outcome.team } };
  await endAllSessions(user.id);
  const t = translator(user.language);
  await sendEmail({
    to: user.email,
    subject: t("departures.mail.subject"),
    text: t("departures.mail.body", {
      name: user.name,
      date: formatDateTime(outcome.finalAt, user.language),
      link: `${publicUrl(request)}/account/restore/${token}`,
    }),
  });
  await recordAudit({ kind: "account_deletion_requested", actorId: user.id, subjectId: user.id });
  return { ok: true };
}

/** A facilitator takes someone out of the coalition: what they shared stays, under "former member". */
export async function removeFromCoalition(trx: Trx, personId: string, coalitionId: string, actorId: string): Promise<void> {
  const departure = await depart(trx, {
    personId,
    coalitionId,
    choices: { items: new Map(), comments: "keep" },
    keepPrivate: true,
    requestedBy: actorId,
  });
  // Nothing was deleted, so there is nothing to wait 30 days for.
  await trx.updateTable("departure").set({ finalised_at: new Date() }).where("id", "=", departure.id).execute();
}

/** The retention period has passed: the account is erased at once, shared items kept under "former member". */
export async function anonymiseAccount(personId: string): Promise<void> {
  const departure = await db()
    .transaction()
    .execute(async (trx) => {
      const departure = await depart(trx, {
        personId,
        coalitionId: null,
        choices: { items: new Map(), comments: "keep" },
        keepPrivate: false,
        requestedBy: null,
        finalAt: new Date(),
      });
      await trx.updateTable("person").set({ deactivated_at: new Date() }).where("id", "=", personId).execute();
      return departure;
    });
  await finaliseDeparture(departure.id);
  await recordAudit({ kind: "account_anonymised", subjectId: personId });
}

/** The open departures of a person who is still signed in (they left a coalition): the way back. */
export async function openDepartures(user: User) {
  return db()
    .selectFrom("departure")
    .innerJoin("coalition", "coalition.id", "departure.coalition_id")
    .where("departure.person_id", "=", user.id)
    .where("departure.restored_at", "is", null)
    .where("departure.finalised_at", "is", null)
    .where("departure.final_at", ">", new Date())
    .select(["departure.id", "coalition.name as coalitionName", "departure.requested_at as leftAt", "departure.final_at as finalAt"])
    .orderBy("departure.requested_at", "desc")
    .execute();
}

/** Coming back to a coalition one left less than 30 days ago. */
export async function returnToCoalition(user: User, departureId: string | undefined): Promise<void> {
  rowIdOrNotFound(departureId);
  const restored = await db()
    .transaction()
    .execute(async (trx) => {
      const departure = await openDeparture(trx)
        .where("departure.id", "=", departureId!)
        .where("departure.person_id", "=", user.id)
        .where("departure.coalition_id", "is not", null)
        .executeTakeFirst();
      if (!departure) return null;
      await restore(trx, departure);
      return departure;
    });
  if (!restored) throw notFound();
  await recordAudit({ kind: "departure_restored", actorId: user.id, subjectId: user.id, coalitionId: restored.coalition_id });
}

/** The deleted account behind a restore link, if the link is still good. */
export async function findAccountRestore(token: string) {
  return openDeparture(db())
    .innerJoin("person", "person.id", "departure.person_id")
    .where("departure.restore_token_hash", "=", hashToken(token))
    .where("departure.coalition_id", "is", null)
    .select(["person.name", "person.email"])
    .executeTakeFirst();
}

/** Undoes an account deletion from the link in the e-mail. Returns the person's e-mail address to sign in with. */
export async function restoreAccount(token: string): Promise<string | null> {
  const restored = await db()
    .transaction()
    .execute(async (trx) => {
      const departure = await openDeparture(trx)
        .where("departure.restore_token_hash", "=", hashToken(token))
        .where("departure.coalition_id", "is", null)
        .executeTakeFirst();
      if (!departure) return null;
      await restore(trx, departure);
      await trx.updateTable("person").set({ deactivated_at: null }).where("id", "=", departure.person_id).execute();
      return trx.selectFrom("person").where("id", "=", departure.person_id).select(["id", "email"]).executeTakeFirstOrThrow();
    });
  if (!restored) return null;
  await recordAudit({ kind: "departure_restored", actorId: restored.id, subjectId: restored.id });
  return restored.email;
}

/** Makes every departure whose 30 days are over final. Run at start and hourly by the server. */
export async function finaliseDepartures(now = new Date()): Promise<number> {
  const due = await db()
    .selectFrom("departure")
    .where("restored_at", "is", null)
    .where("finalised_at", "is", null)
    .where("final_at", "<=", now)
    .select("id")
    .execute();
  for (const { id } of due) await finaliseDeparture(id);
  return due.length;
}

// ---------------------------------------------------------------------------------------------------------

function openDeparture(executor: Trx | DB) {
  return executor
    .selectFrom("departure")
    .where("departure.restored_at", "is", null)
    .where("departure.finalised_at", "is", null)
    .where("departure.final_at", ">", new Date())
    .selectAll("departure");
}

async function isLastFacilitator(trx: Trx, personId: string, coalitionId: string): Promise<boolean> {
  // The coalition's row lock serialises this with role changes and removals (members.server.ts).
  await trx.selectFrom("coalition").where("id", "=", coalitionId).select("id").forUpdate().execute();
  const facilitators = await trx
    .selectFrom("membership")
    .innerJoin("person", "person.id", "membership.person_id")
    .where("membership.coalition_id", "=", coalitionId)
    .where("membership.role", "=", "facilitator")
    .where("person.deactivated_at", "is", null)
    .select("membership.person_id")
    .execute();
  return facilitators.length === 1 && facilitators[0].person_id === personId;
}

type DepartInput = {
  personId: string;
  /** Null: the whole account. */
  coalitionId: string | null;
  choices: Choices;
  /** A removal by a facilitator leaves the person's private items with them. */
  keepPrivate: boolean;
  requestedBy: string | null;
  finalAt?: Date;
};

async function depart(trx: Trx, input: DepartInput): Promise<{ id: string; finalAt: Date }> {
  const { personId, coalitionId } = input;
  const now = new Date();
  const finalAt = input.finalAt ?? new Date(now.getTime() + GRACE_DAYS * DAY_MS);
  const standIn = await trx
    .insertInto("person")
    .values({
      email: `former-${crypto.randomUUID()}@former.invalid`,
      name: "",
      password_hash: "",
      deactivated_at: now,
      erased_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();

  const memberships = await trx
    .deleteFrom("membership")
    .where("person_id", "=", personId)
    .$if(coalitionId !== null, (q) => q.where("coalition_id", "=", coalitionId!))
    .returning(["coalition_id", "role", "perspective", "organisation_id"])
    .execute();
  const departed: DepartedMembership[] = memberships.map((m) => ({
    coalitionId: m.coalition_id,
    role: m.role,
    perspective: m.perspective,
    organisationId: m.organisation_id,
  }));
  const departure = await trx
    .insertInto("departure")
    .values({
      person_id: personId,
      coalition_id: coalitionId,
      former_id: standIn.id,
      memberships: JSON.stringify(departed),
      requested_by: input.requestedBy,
      final_at: finalAt,
    })
    .returning("id")
    .executeTakeFirstOrThrow();

  // What goes: the chosen shared items, the private ones (unless kept), the comments if chosen.
  const scope = await whatDeparts(personId, coalitionId, trx);
  const doomed: { kind: DepartureItemKind; id: string }[] = scope.items
    .filter((item) => input.choices.items.get(choiceKey(item)) === "delete")
    .map(({ kind, id }) => ({ kind, id }));
  if (!input.keepPrivate) {
    const privateOnes = await trx
      .selectFrom("reflection")
      .where("author_id", "=", personId)
      .where("visibility", "=", "private")
      .where("deleted_at", "is", null)
      .$if(coalitionId !== null, (q) => q.where("coalition_id", "=", coalitionId!))
      .select("id")
      .execute();
    doomed.push(...privateOnes.map(({ id }) => ({ kind: "reflection" as const, id })));
  }
  if (input.choices.comments === "delete") {
    const comments = await trx
      .selectFrom("reflection_comment")
      .innerJoin("reflection", "reflection.id", "reflection_comment.reflection_id")
      .where("reflection_comment.author_id", "=", personId)
      .where("reflection_comment.deleted_at", "is", null)
      .$if(coalitionId !== null, (q) => q.where("reflection.coalition_id", "=", coalitionId!))
      .select("reflection_comment.id")
      .execute();
    doomed.push(...comments.map(({ id }) => ({ kind: "comment" as const, id })));
  }
  for (const kind of ["reflection", "lesson", "milestone", "comment"] as const) {
    const ids = doomed.filter((d) => d.kind === kind).map((d) => d.id);
    if (ids.length === 0) continue;
    await trx.updateTable(tableOf[kind]).set({ deleted_at: now }).where("id", "in", ids).execute();
    await trx
      .insertInto("departure_item")
      .values(ids.map((item_id) => ({ departure_id: departure.id, kind, item_id })))
      .execute();
  }

  await moveTraces(trx, { from: personId, to: standIn.id, coalitionId, keepPrivate: input.keepPrivate });
  return { id: departure.id, finalAt };
}

const tableOf = {
  reflection: "reflection",
  lesson: "lesson",
  milestone: "milestone",
  comment: "reflection_comment",
} as const;

/**
 * Moves every trace of a person in a coalition (or everywhere) to another person row: each module hands over
 * what it holds (privacy/personal-data.server.ts lists them). The same move, reversed, is the restore.
 */
async function moveTraces(trx: Trx, move: HandOver) {
  // The milestone history is append-only; an erasure may change who made a change, nothing else.
  await sql`select set_config('leernetwerk.erasure', 'on', true)`.execute(trx);
  for (const rows of personalData) await rows.handOver?.(trx, move);
  await sql`select set_config('leernetwerk.erasure', 'off', true)`.execute(trx);
}

type DepartureRow = { id: string; person_id: string; former_id: string; memberships: DepartedMembership[] };

async function restore(trx: Trx, departure: DepartureRow): Promise<void> {
  await moveTraces(trx, { from: departure.former_id, to: departure.person_id, coalitionId: null, keepPrivate: false });
  const items = await trx.selectFrom("departure_item").where("departure_id", "=", departure.id).select(["kind", "item_id"]).execute();
  for (const kind of ["reflection", "lesson", "milestone", "comment"] as const) {
    const ids = items.filter((i) => i.kind === kind).map((i) => i.item_id);
    if (ids.length) await trx.updateTable(tableOf[kind]).set({ deleted_at: null }).where("id", "in", ids).execute();
  }
  await trx.deleteFrom("departure_item").where("departure_id", "=", departure.id).execute();
  const coalitions = await trx.selectFrom("coalition").select("id").execute();
  const existing = new Set(coalitions.map((c) => c.id));
  const memberships = departure.memberships.filter((m) => existing.has(m.coalitionId));
  if (memberships.length) {
    await trx
      .insertInto("membership")
      .values(
        memberships.map((m) => ({
          coalition_id: m.coalitionId,
          person_id: departure.person_id,
          role: m.role,
          perspective: m.perspective,
          organisation_id: m.organisationId,
        })),
      )
      .onConflict((oc) => oc.constraint("membership_once").doNothing())
      .execute();
  }
  await trx.updateTable("departure").set({ restored_at: new Date(), restore_token_hash: null }).where("id", "=", departure.id).execute();
}

/** Deletes for good what the departure deleted, and for an account deletion empties the person row. */
async function finaliseDeparture(departureId: string): Promise<void> {
  const finalised = await db()
    .transaction()
    .execute(async (trx) => {
      const departure = await trx
        .selectFrom("departure")
        .where("id", "=", departureId)
        .where("restored_at", "is", null)
        .where("finalised_at", "is", null)
        .selectAll()
        .forUpdate()
        .executeTakeFirst();
      if (!departure) return null;
      const items = await trx.selectFrom("departure_item").where("departure_id", "=", departure.id).select(["kind", "item_id"]).execute();
      const ids = (kind: DepartureItemKind) => items.filter((i) => i.kind === kind).map((i) => i.item_id);
      await sql`select set_config('leernetwerk.erasure', 'on', true)`.execute(trx);
      if (ids("comment").length) await trx.deleteFrom("reflection_comment").where("id", "in", ids("comment")).execute();
      if (ids("reflection").length) await trx.deleteFrom("reflection").where("id", "in", ids("reflection")).execute();
      if (ids("lesson").length) await trx.deleteFrom("lesson").where("id", "in", ids("lesson")).execute();
      if (ids("milestone").length) {
        await trx.deleteFrom("milestone_status_change").where("milestone_id", "in", ids("milestone")).execute();
        await trx.deleteFrom("milestone").where("id", "in", ids("milestone")).execute();
      }
      await sql`select set_config('leernetwerk.erasure', 'off', true)`.execute(trx);
      if (departure.coalition_id === null) await erasePerson(trx, departure.person_id);
      await trx.deleteFrom("departure_item").where("departure_id", "=", departure.id).execute();
      await trx
        .updateTable("departure")
        .set({ finalised_at: new Date(), restore_token_hash: null })
        .where("id", "=", departure.id)
        .execute();
      return departure;
    });
  if (finalised) {
    await recordAudit({ kind: "departure_finalised", subjectId: finalised.person_id, coalitionId: finalised.coalition_id });
  }
}

/** Everything about the person goes, module by module; the person row stays, empty (accounts/personal-data.server.ts). */
async function erasePerson(trx: Trx, personId: string): Promise<void> {
  const person = await trx.selectFrom("person").where("id", "=", personId).select(["id", "email"]).executeTakeFirstOrThrow();
  for (const rows of personalData) await rows.erase?.(trx, person);
}
