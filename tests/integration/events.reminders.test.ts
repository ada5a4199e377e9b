import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../db/db.server";
import { hashToken } from "../../app/auth/tokens.server";
import { sendRegistrantReminders } from "../../app/domain/events/registrations/registrant-reminders.server";
import * as registrationRoute from "../../app/routes/events.$slug.registration.$token";
import { BASE, callRoute, createCoalition, createPerson, linkIn, unique } from "../fixtures";
import { insertEvent } from "../fixtures/events";
import { readCalendar, type StoredAttachment } from "../fixtures/sessions";

// Who has a place at an event is reminded two days before, once, with the calendar file and a working link to
// change or cancel; not who waits or cancelled, not who registered after that moment.

let team: Awaited<ReturnType<typeof createCoalition>>;
let organiser: { id: string };

beforeAll(async () => {
  team = await createCoalition();
  organiser = await createPerson({ team, role: "facilitator" });
});

async function register(eventId: string, status: "registered" | "waiting" | "cancelled", createdAt?: Date) {
  const email = `${unique(status)}@voorbeeld.nl`;
  await db()
    .insertInto("event_registration")
    .values({ event_id: eventId, status, name: `Bezoeker ${status}`, email, token_hash: hashToken(unique("t")), updated_at: new Date(), ...(createdAt && { created_at: createdAt }) })
    .execute();
  return email;
}

const mailsTo = (address: string) => db().selectFrom("email_outbox").where("to_address", "=", address).selectAll().execute();

describe("event reminders", () => {
  // Monday 29 March 2027, 19:00 summer time (17:00 UTC); two days before is Saturday 19:00 winter time (18:00 UTC).
  const startsAt = new Date("2027-03-29T17:00:00Z");

  it("reach who has a place, at the same clock time two days before across the change to summer time; never who waits or cancelled", async () => {
    const event = await insertEvent({ coalitionId: team.id, createdBy: organiser.id, startsAt, title: "Voorjaarsbijeenkomst" });
    const registered = await register(event.id, "registered");
    const waiting = await register(event.id, "waiting");
    const cancelled = await register(event.id, "cancelled");
    await sendRegistrantReminders(new Date("2027-03-27T17:59:00Z"), BASE);
    expect(await mailsTo(registered)).toHaveLength(0);
    await sendRegistrantReminders(new Date("2027-03-27T18:00:00Z"), BASE);
    expect(await mailsTo(waiting)).toHaveLength(0);
    expect(await mailsTo(cancelled)).toHaveLength(0);
    const [mail] = await mailsTo(registered);
    expect(mail.subject).toBe("Overmorgen: Voorjaarsbijeenkomst");
    expect(mail.body_text).toContain("maandag 29 maart 2027, 19:00");
    const [attachment] = mail.attachments as StoredAttachment[];
    expect(readCalendar(attachment.content).events[0].start.toJSDate().toISOString()).toBe(startsAt.toISOString());
    // The link in it opens the registration, to change or cancel.
    const path = linkIn(mail.body_text, "/events/");
    const [, , slug, , token] = path.split("/");
    const page = await callRoute(registrationRoute.loader, { request: new Request(`${BASE}${path}`), params: { slug, token } });
    expect(page.status).toBe(200);
  });

  it("go once even when the job runs twice at the same moment and again later", async () => {
    const event = await insertEvent({ coalitionId: team.id, createdBy: organiser.id, startsAt: new Date("2027-04-20T17:00:00Z") });
    const registered = await register(event.id, "registered");
    const now = new Date("2027-04-18T17:05:00Z");
    await Promise.all([sendRegistrantReminders(now, BASE), sendRegistrantReminders(now, BASE)]);
    await sendRegistrantReminders(new Date("2027-04-19T10:00:00Z"), BASE);
    expect(await mailsTo(registered)).toHaveLength(1);
  });

  it("skip who registered after the reminder's moment (they just had their confirmation)", async () => {
    const event = await insertEvent({ coalitionId: team.id, createdBy: organiser.id, startsAt: new Date("2027-05-20T17:00:00Z") });
    const late = await register(event.id, "registered", new Date("2027-05-19T09:00:00Z"));
    await sendRegistrantReminders(new Date("2027-05-19T10:00:00Z"), BASE);
    expect(await mailsTo(late)).toHaveLength(0);
  });
});
