import { sql } from "kysely";
import { db } from "../../../db/db.server";
import type { User } from "../../auth/permissions.server";
import { afterId, inCoalition, keyset, PAGE_SIZE, type PersonalRows } from "../privacy/personal-rows.server";

// Events a person organised (handed to the stand-in on leaving) and their registrations, made with their
// account or their e-mail address in any spelling: exported, and emptied when the account goes (the
// registration row stays, so the counts of the event stay right).

export const eventRows: PersonalRows = {
  module: "events",
  covers: [
    { table: "event", column: "created_by" },
    { table: "event_registration", column: "person_id" },
    { table: "event_registration", column: "email" },
  ],
  async handOver(trx, { from, to, coalitionId }) {
    await sql`update event set created_by = ${to} where created_by = ${from} and ${inCoalition("event.coalition_id", coalitionId)}`.execute(trx);
  },
  async erase(trx, person) {
    await trx
      .updateTable("event_registration")
      .set({ name: null, email: null, organisation: null, dietary: null, token_hash: null, person_id: null })
      .where((eb) => eb.or([eb("person_id", "=", person.id), eb(sql`lower(email)`, "=", person.email.toLowerCase())]))
      .execute();
  },
};

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
