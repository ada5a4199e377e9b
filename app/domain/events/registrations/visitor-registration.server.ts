import { sql, type Transaction } from "kysely";
import { db } from "../../../../db/db.server";
import type { Database, RegistrationStatus } from "../../../../db/schema";
import { notFound, readsContent, type User } from "../../../auth/permissions.server";
import { hashToken, newToken } from "../../../auth/tokens.server";
import { translator } from "../../../i18n/dictionaries.server";
import { sendEmail } from "../../mail/email.server";
import { eventCalendarFile } from "../event-calendar.server";
import { eventForVisitor, presentedItems } from "../events.server";
import { calendarAttachment, mailRegistrant, registrationLink } from "./registrant-mail.server";
import type { RegistrationChange, RegistrationInput } from "./registration-form";
import { countRegistered, eventById, fillFreePlaces, lockEvent, type Executor } from "./waiting-list.server";
import { notify } from "../../notifications/notify.server";
import { countAttempt } from "../../../server/throttle.server";

// Registering for a network event, by anyone who may see it (public: anyone with the link), and the
// registrant's own page behind the personal link in the e-mail. Who has a place and who waits is kept
// by waiting-list.server.ts. Mail is Dutch and goes through the outbox after the transaction has committed.

/** Registrations per client address per event per hour, and per event per hour, before the form answers 429. */
export const MAX_ATTEMPTS_PER_ADDRESS = 10;
export const MAX_ATTEMPTS_PER_EVENT = 200;


/** Past the deadline or begun: no more registering (the deadline never lies after the start). */
export function registrationClosed(event: { registrationDeadline: Date; startsAt: Date }, now: Date): boolean {
  return now.getTime() > event.registrationDeadline.getTime() || now.getTime() >= event.startsAt.getTime();
}

/** Everything the public page shows: the event, places left, whether the form is open, full or closed. */
export async function publicEventPage(user: User | null, slug: string | undefined, now = new Date()) {
  const event = await eventForVisitor(user, slug);
  const placesLeft = Math.max(0, event.capacity - (await countRegistered(db(), event.id)));
  const form: "open" | "full" | "closed" = registrationClosed(event, now) ? "closed" : placesLeft === 0 ? "full" : "open";
  // After the event, the programme's people read what was presented: network items only, so any of them may.
  const afterwards = user && readsContent(user) && event.startsAt.getTime() <= now.getTime();
  const presented = afterwards ? await presentedItems(event) : [];
  return {
    afterwards: afterwards
      ? {
          report: event.reportText ? event.report : null,
          items: presented.map((item) => ({
            kind: item.kind,
            id: item.id,
            title: item.title,
            coalitionName: item.coalitionName,
            href: `/teams/${item.coalitionSlug}/${item.kind === "lesson" ? "lessons" : "reflections"}/${item.id}`,
          })),
        }
      : null,
    event: {
      slug: event.slug,
      title: event.title,
      description: event.description,
      coalitionName: event.coalitionName,
      place: event.place,
      address: event.address,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      capacity: event.capacity,
      registrationDeadline: event.registrationDeadline,
      asksDietary: event.asksDietary,
      programme: event.programme.map(({ startsAt, title }) => ({ startsAt, title })),
      questions: event.questions,
    },
    placesLeft,
    form,
    signedIn: user ? { name: user.name, email: user.email } : null,
  };
}

/** The calendar file behind /events/:slug.ics, for whoever may see the event. */
export async function publicEventCalendar(user: User | null, slug: string | undefined, origin: string): Promise<string> {
  return eventCalendarFile(await eventForVisitor(user, slug), origin);
}

export type RegistrationOutcome =
  /** What the visitor is told: the same for a new registration, a repeated address and a robot. */
  { ok: true; shown: "registered" | "waiting" } | { ok: false; reason: "closed" | "throttled" };

/**
 * Registers the visitor, or puts them on the waiting list when every place is taken. The same address a
 * second time makes no second registration: the existing one gets a new personal link by e-mail, and the
 * visitor is told what a newcomer would be told, so the page never reveals who is registered. A filled-in
 * honeypot is told the same and nothing is saved.
 */
export async function registerForEvent(
  user: User | null,
  slug: string | undefined,
  input: RegistrationInput,
  context: { address: string; origin: string; now?: Date }
): Promise<RegistrationOutcome> {
  const now = context.now ?? new Date();
  const event = await eventForVisitor(user, slug);
  if (!(await countAttempt({ table: "event_registration_attempt", column: "event_id", id: event.id }, context.address, { perAddress: MAX_ATTEMPTS_PER_ADDRESS, inAll: MAX_ATTEMPTS_PER_EVENT }, now))) return { ok: false, reason: "throttled" };
  if (registrationClosed(event, now)) return { ok: false, reason: "closed" };
  if (input.website) {
    const full = (await countRegistered(db(), event.id)) >= event.capacity;
    return { ok: true, shown: full ? "waiting" : "registered" };
  }

  const result = await db()
    .transaction()
    .execute(async (trx) => {
      // The capacity as it stands under the lock: an organiser may have just changed it.
      const capacity = await lockEvent(trx, event.id);
      const registered = await countRegistered(trx, event.id);
      const shown: "registered" | "waiting" = registered < capacity ? "registered" : "waiting";
      const { token, hash } = newToken();
      const existing = await trx
        .selectFrom("event_registration")
        .where("event_id", "=", event.id)
        .where(sql<string>`lower(email)`, "=", input.email.toLowerCase())
        .where("status", "<>", "cancelled")
        .select(["id", "name", "email", "status"])
        .executeTakeFirst();
      if (existing) {
        await trx
          .updateTable("event_registration")
          .set({ token_hash: hash, updated_at: now })
          .where("id", "=", existing.id)
          .execute();
        return {
          kind: "again" as const,
          shown,
          token,
          status: existing.status,
          name: existing.name ?? input.name,
          email: existing.email ?? input.email,
        };
      }
      const { id } = await trx
        .insertInto("event_registration")
        .values({
          event_id: event.id,
          status: shown,
          name: input.name,
          email: input.email,
          organisation: input.organisation || null,
          dietary: event.asksDietary ? input.dietary || null : null,
          person_id: user?.id ?? null,
          token_hash: hash,
          updated_at: now,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await saveAnswers(trx, id, event.questions, input.yes);
      return { kind: shown, shown, token, status: shown as RegistrationStatus, name: input.name, email: input.email };
    });

  const link = registrationLink(context.origin, event.slug, result.token);
  if (result.kind === "again") {
    const t = translator("nl");
    await sendEmail({
      to: result.email,
      subject: t("eventPublic.mail.again.subject", { title: event.title }),
      text: t("eventPublic.mail.again.body", {
        name: result.name,
        title: event.title,
        status: t(result.status === "registered" ? "eventPublic.mail.status.registered" : "eventPublic.mail.status.waiting"),
        link,
      }),
      attachments: result.status === "registered" ? [calendarAttachment(event, context.origin)] : [],
    });
  } else {
    await mailRegistrant(result.kind, event, { name: result.name, email: result.email }, link, context.origin);
    await notify({ kind: "registration", recipientIds: await organisersOf(event.id), actorId: user?.id ?? null, item: { type: "event", id: event.id }, origin: context.origin });
  }
  return { ok: true, shown: result.shown };
}

/** Who organises the event (canOrganiseEvent, asked again per person by notify): its coalition's facilitators, or the funder's officers. */
async function organisersOf(eventId: string): Promise<string[]> {
  const { coalition_id } = await db().selectFrom("event").where("id", "=", eventId).select("coalition_id").executeTakeFirstOrThrow();
  const rows = coalition_id
    ? await db().selectFrom("membership").where("coalition_id", "=", coalition_id).where("role", "=", "facilitator").select("person_id as id").execute()
    : await db().selectFrom("person").where("account_role", "=", "funder").select("id").execute();
  return rows.map((row) => row.id);
}


async function saveAnswers(trx: Transaction<Database>, registrationId: string, questions: { id: string }[], yes: string[]) {
  await trx.deleteFrom("event_answer").where("registration_id", "=", registrationId).execute();
  if (questions.length === 0) return;
  await trx
    .insertInto("event_answer")
    .values(questions.map((q) => ({ registration_id: registrationId, question_id: q.id, answer: yes.includes(q.id) })))
    .execute();
}

// ——— The registrant's own page, behind the personal link ———

/** The registration behind a personal link, or 404: unknown, replaced by a newer link, or wiped after the event. */
async function registrationOfLink(executor: Executor, slug: string | undefined, token: string | undefined) {
  if (!slug || !token || token.length > 100) throw notFound();
  const row = await executor
    .selectFrom("event_registration")
    .innerJoin("event", "event.id", "event_registration.event_id")
    .where("event_registration.token_hash", "=", hashToken(token))
    .where("event.slug", "=", slug)
    .where("event.personal_data_deleted_at", "is", null)
    .select([
      "event_registration.id",
      "event_registration.event_id as eventId",
      "event_registration.status",
      "event_registration.name",
      "event_registration.email",
      "event_registration.organisation",
      "event_registration.dietary",
      "event_registration.created_at as createdAt",
    ])
    .executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

export async function registrationPage(slug: string | undefined, token: string | undefined, now = new Date()) {
  const registration = await registrationOfLink(db(), slug, token);
  const event = await eventById(db(), registration.eventId);
  const [answers, ahead] = await Promise.all([
    db().selectFrom("event_answer").where("registration_id", "=", registration.id).select(["question_id", "answer"]).execute(),
    registration.status === "waiting"
      ? db()
          .selectFrom("event_registration")
          .where("event_id", "=", event.id)
          .where("status", "=", "waiting")
          .where("created_at", "<", registration.createdAt)
          .select((eb) => eb.fn.countAll<string>().as("count"))
          .executeTakeFirstOrThrow()
      : { count: "0" },
  ]);
  const yes = new Set(answers.filter((a) => a.answer).map((a) => a.question_id));
  return {
    event: {
      slug: event.slug,
      title: event.title,
      place: event.place,
      address: event.address,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      asksDietary: event.asksDietary,
    },
    registration: {
      status: registration.status,
      waitingPosition: Number(ahead.count) + 1,
      name: registration.name ?? "",
      email: registration.email ?? "",
      organisation: registration.organisation ?? "",
      dietary: registration.dietary ?? "",
      answers: event.questions.map((q) => ({ id: q.id, label: q.label, yes: yes.has(q.id) })),
    },
    changeable: registration.status !== "cancelled" && now.getTime() < event.startsAt.getTime(),
  };
}

export type ChangeOutcome = { ok: true } | { ok: false; message: "eventPublic.registration.over" };

/** Changes name, organisation, answers and dietary needs; the e-mail address stays (it is who the link belongs to). */
export async function changeRegistration(
  slug: string | undefined,
  token: string | undefined,
  change: RegistrationChange,
  now = new Date()
): Promise<ChangeOutcome> {
  const registration = await registrationOfLink(db(), slug, token);
  const event = await eventById(db(), registration.eventId);
  if (registration.status === "cancelled" || now.getTime() >= event.startsAt.getTime()) {
    return { ok: false, message: "eventPublic.registration.over" };
  }
  await db()
    .transaction()
    .execute(async (trx) => {
      await trx
        .updateTable("event_registration")
        .set({
          name: change.name,
          organisation: change.organisation || null,
          dietary: event.asksDietary ? change.dietary || null : null,
          updated_at: now,
        })
        .where("id", "=", registration.id)
        .execute();
      await saveAnswers(trx, registration.id, event.questions, change.yes);
    });
  return { ok: true };
}

/**
 * Cancels through the personal link. A place that comes free goes, in the same transaction, to whoever
 * has waited longest; they get an e-mail with the calendar file and a new personal link.
 */
export async function cancelRegistration(
  slug: string | undefined,
  token: string | undefined,
  origin: string,
  now = new Date()
): Promise<ChangeOutcome> {
  const found = await registrationOfLink(db(), slug, token);
  const outcome = await db()
    .transaction()
    .execute(async (trx) => {
      await lockEvent(trx, found.eventId);
      const event = await eventById(trx, found.eventId);
      const { status } = await registrationOfLink(trx, slug, token);
      if (status === "cancelled") return { ok: true as const, movedUp: [], event };
      if (now.getTime() >= event.startsAt.getTime()) return { ok: false as const, event };
      await trx
        .updateTable("event_registration")
        .set({ status: "cancelled", cancelled_at: now, updated_at: now })
        .where("id", "=", found.id)
        .execute();
      const movedUp = status === "registered" ? await fillFreePlaces(trx, event, now) : [];
      return { ok: true as const, movedUp, event };
    });
  if (!outcome.ok) return { ok: false, message: "eventPublic.registration.over" };
  for (const person of outcome.movedUp) {
    await mailRegistrant("movedUp", outcome.event, person, registrationLink(origin, outcome.event.slug, person.token), origin);
  }
  return { ok: true };
}
