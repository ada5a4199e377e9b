import { sql } from "kysely";
import { db } from "../../../../db/db.server";
import type { User } from "../../../auth/permissions.server";
import { notFound } from "../../../auth/permissions.server";
import { formatDateTime, formatTimeSpan } from "../../../i18n/dates";
import { translator } from "../../../i18n/dictionaries.server";
import { sendEmail } from "../../mail/email.server";
import type { EventMessage } from "./message-form";
import { eventForOrganiser, organiserPath, type EventDetails } from "../events.server";
import { toCsv } from "../../programme/exports.server";

// Network events (issue 7): what the organisers see of the registrations, and what they do with them (a CSV,
// a printable attendance list, one message to everyone). Every function starts from eventForOrganiser, so
// anyone but the event's organisers gets 404. Once the personal data has been wiped (90 days after the
// event), only the counts remain: the list, the CSV, the attendance list and the message are gone.

export type RegistrationStatus = "registered" | "waiting" | "cancelled";

export type Registration = {
  id: string;
  status: RegistrationStatus;
  /** 1, 2, … in the order the waiting list moves up; null unless waiting. */
  waitingPosition: number | null;
  name: string;
  email: string;
  organisation: string;
  dietary: string;
  createdAt: Date;
  /** Per question (in the event's order): true, false, or null when not answered. */
  answers: (boolean | null)[];
};

export type RegistrationCounts = {
  registered: number;
  waiting: number;
  cancelled: number;
  placesLeft: number;
  dietary: number;
  /** How many registered people answered yes, per question in the event's order. */
  yes: { questionId: string; label: string; count: number }[];
};

type EventSummary = Pick<
  EventDetails,
  | "id"
  | "slug"
  | "title"
  | "place"
  | "startsAt"
  | "endsAt"
  | "capacity"
  | "asksDietary"
  | "coalitionSlug"
  | "coalitionName"
  | "personalDataDeletedAt"
> & { questions: { id: string; label: string }[]; path: string };

function summaryOf(event: EventDetails): EventSummary {
  return {
    id: event.id,
    slug: event.slug,
    title: event.title,
    place: event.place,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    capacity: event.capacity,
    asksDietary: event.asksDietary,
    coalitionSlug: event.coalitionSlug,
    coalitionName: event.coalitionName,
    personalDataDeletedAt: event.personalDataDeletedAt,
    questions: event.questions,
    path: organiserPath(event),
  };
}

async function countsOf(event: EventDetails): Promise<RegistrationCounts> {
  const [statuses, yes] = await Promise.all([
    db()
      .selectFrom("event_registration")
      .where("event_id", "=", event.id)
      .select([
        sql<number>`count(*) filter (where status = 'registered')::int`.as("registered"),
        sql<number>`count(*) filter (where status = 'waiting')::int`.as("waiting"),
        sql<number>`count(*) filter (where status = 'cancelled')::int`.as("cancelled"),
        sql<number>`count(*) filter (where status = 'registered' and coalesce(btrim(dietary), '') <> '')::int`.as("dietary"),
      ])
      .executeTakeFirstOrThrow(),
    db()
      .selectFrom("event_answer")
      .innerJoin("event_registration", "event_registration.id", "event_answer.registration_id")
      .where("event_registration.event_id", "=", event.id)
      .where("event_registration.status", "=", "registered")
      .where("event_answer.answer", "=", true)
      .groupBy("event_answer.question_id")
      .select(["event_answer.question_id as questionId", sql<number>`count(*)::int`.as("count")])
      .execute(),
  ]);
  const yesByQuestion = new Map(yes.map((row) => [row.questionId, row.count]));
  return {
    registered: statuses.registered,
    waiting: statuses.waiting,
    cancelled: statuses.cancelled,
    placesLeft: Math.max(0, event.capacity - statuses.registered),
    dietary: statuses.dietary,
    yes: event.questions.map((q) => ({ questionId: q.id, label: q.label, count: yesByQuestion.get(q.id) ?? 0 })),
  };
}

const statusOrder = sql<number>`case event_registration.status when 'registered' then 0 when 'waiting' then 1 else 2 end`;

/** Every registration of the event: registered first, then the waiting list in the order it moves up, then cancelled. */
async function registrationsOf(event: EventDetails, statuses: RegistrationStatus[]): Promise<Registration[]> {
  const rows = await db()
    .selectFrom("event_registration")
    .where("event_id", "=", event.id)
    .where("status", "in", statuses)
    .select(["id", "status", "name", "email", "organisation", "dietary", "created_at as createdAt"])
    .orderBy(statusOrder)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  const answers = new Map<string, boolean>();
  if (rows.length > 0 && event.questions.length > 0) {
    const answerRows = await db()
      .selectFrom("event_answer")
      .innerJoin("event_registration", "event_registration.id", "event_answer.registration_id")
      .where("event_registration.event_id", "=", event.id)
      .select(["event_answer.registration_id as registrationId", "event_answer.question_id as questionId", "event_answer.answer"])
      .execute();
    for (const a of answerRows) answers.set(`${a.registrationId}:${a.questionId}`, a.answer);
  }
  let waiting = 0;
  return rows.map((row) => ({
    id: row.id,
    status: row.status,
    waitingPosition: row.status === "waiting" ? ++waiting : null,
    name: row.name ?? "",
    email: row.email ?? "",
    organisation: row.organisation ?? "",
    dietary: row.dietary ?? "",
    createdAt: row.createdAt,
    answers: event.questions.map((q) => answers.get(`${row.id}:${q.id}`) ?? null),
  }));
}

export type RegistrationsOverview = {
  event: EventSummary;
  counts: RegistrationCounts;
  /** Null once the personal data has been wiped. */
  registrations: Registration[] | null;
};

/** The organisers' page: the counts, and (until the retention clean-up) the list. */
export async function eventRegistrations(user: User, teamSlug: string | null, id: string | undefined): Promise<RegistrationsOverview> {
  const event = await eventForOrganiser(user, teamSlug, id);
  const deleted = event.personalDataDeletedAt !== null;
  const [counts, registrations] = await Promise.all([
    countsOf(event),
    deleted ? null : registrationsOf(event, ["registered", "waiting", "cancelled"]),
  ]);
  return { event: summaryOf(event), counts, registrations };
}

/** The event for pages that show personal data: 404 once that data has been wiped. */
export async function eventWithPersonalData(user: User, teamSlug: string | null, id: string | undefined): Promise<EventDetails> {
  const event = await eventForOrganiser(user, teamSlug, id);
  if (event.personalDataDeletedAt !== null) throw notFound();
  return event;
}

/** Every registration as a spreadsheet, in Dutch; 404 once the personal data has been wiped. */
export async function registrationsCsv(
  user: User,
  teamSlug: string | null,
  id: string | undefined
): Promise<{ csv: string; name: string }> {
  const event = await eventWithPersonalData(user, teamSlug, id);
  const t = translator("nl");
  const registrations = await registrationsOf(event, ["registered", "waiting", "cancelled"]);
  const answer = (value: boolean | null) => (value === null ? "" : t(value ? "eventRegistrations.yes" : "eventRegistrations.no"));
  const csv = toCsv(
    [
      t("eventRegistrations.col.name"),
      t("eventRegistrations.col.email"),
      t("eventRegistrations.col.organisation"),
      t("eventRegistrations.col.status"),
      ...event.questions.map((q) => q.label),
      ...(event.asksDietary ? [t("eventRegistrations.col.dietary")] : []),
      t("eventRegistrations.col.registeredOn"),
    ],
    registrations.map((r) => [
      r.name,
      r.email,
      r.organisation,
      r.waitingPosition
        ? t("eventRegistrations.status.waitingAt", { position: r.waitingPosition })
        : t(`eventRegistrations.status.${r.status}`),
      ...r.answers.map(answer),
      ...(event.asksDietary ? [r.dietary] : []),
      formatDateTime(r.createdAt, "nl"),
    ])
  );
  return { csv, name: `${t("eventRegistrations.csv.name")}-${event.slug}` };
}

export type AttendanceList = { event: EventSummary; people: { id: string; name: string; organisation: string }[] };

/** The registered people sorted by name, to tick off at the door; 404 once the personal data has been wiped. */
export async function attendanceList(user: User, teamSlug: string | null, id: string | undefined): Promise<AttendanceList> {
  const event = await eventWithPersonalData(user, teamSlug, id);
  const registered = await registrationsOf(event, ["registered"]);
  const people = registered
    .map((r) => ({ id: r.id, name: r.name, organisation: r.organisation }))
    .sort((a, b) => a.name.localeCompare(b.name, "nl", { sensitivity: "base" }));
  return { event: summaryOf(event), people };
}

/**
 * The organisers' message: one e-mail per registrant (registered, or also the waiting list) through the outbox,
 * so that nobody sees anyone else's address. Returns how many were sent; 404 once the data has been wiped.
 */
export async function messageRegistrants(
  user: User,
  teamSlug: string | null,
  id: string | undefined,
  message: EventMessage
): Promise<{ sent: number; path: string }> {
  const event = await eventWithPersonalData(user, teamSlug, id);
  const statuses: RegistrationStatus[] = message.recipients === "registered" ? ["registered"] : ["registered", "waiting"];
  const recipients = await db()
    .selectFrom("event_registration")
    .where("event_id", "=", event.id)
    .where("status", "in", statuses)
    .where("email", "is not", null)
    .select("email")
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  const t = translator("nl");
  const footer = t("eventRegistrations.message.footer", {
    event: event.title,
    when: formatTimeSpan(event.startsAt, event.endsAt, "nl"),
    place: event.place,
    organiser: event.coalitionName ?? user.name,
  });
  for (const { email } of recipients) {
    await sendEmail({ to: email!, subject: message.subject, text: `${message.text}\n\n--\n${footer}` });
  }
  return { sent: recipients.length, path: organiserPath(event) };
}
