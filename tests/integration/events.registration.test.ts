import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../db/db.server";
import { hashToken } from "../../app/auth/tokens.server";
import {
  MAX_ATTEMPTS_PER_ADDRESS,
  MAX_ATTEMPTS_PER_EVENT,
  publicEventPage,
  registerForEvent,
} from "../../app/domain/events/registrations/visitor-registration.server";
import { purgeEventPersonalData } from "../../app/domain/events/event-retention.server";
import { amsterdamTimeToUtc } from "../../app/i18n/dates";
import * as pageRoute from "../../app/routes/events.$slug._index";
import * as icsRoute from "../../app/routes/events.$slug[.ics]";
import * as registrationRoute from "../../app/routes/events.$slug.registration.$token";
import { BASE, callRoute, createCoalition, createPerson, lastMailTo, linkIn, sessionFor, unique } from "../fixtures";
import { insertEvent } from "../fixtures/events";
import { postForm, readCalendar, type Entries, type StoredAttachment } from "../fixtures/sessions";

// Registering for a network event from its public page, and the registrant's own page behind the personal
// link: registered, waiting, cancelled, moved up; the deadline in Amsterdam time; a repeated address, a
// robot, a flood; who may see a network-only event; and the wipe 90 days after the event.

let team: Awaited<ReturnType<typeof createCoalition>>;
let organiser: { id: string };
let member: { id: string; name: string; email: string };
let memberCookie: string;
let addressCounter = 0;

beforeAll(async () => {
  team = await createCoalition();
  organiser = await createPerson({ team, role: "facilitator" });
  member = await createPerson({ team, name: "Mila Lid" });
  memberCookie = await sessionFor(member);
});

/** Every test its own client address, so the throttle only bites where a test wants it to. */
const freshAddress = () => `10.1.${Math.floor(++addressCounter / 250)}.${addressCounter % 250}`;
const email = (name = "bezoeker") => `${unique(name)}@voorbeeld.nl`;

function getRequest(path: string, cookie?: string) {
  const headers = new Headers();
  if (cookie) headers.set("Cookie", cookie);
  return new Request(BASE + path, { headers });
}

function pageOf(slug: string, cookie?: string) {
  return callRoute(pageRoute.loader, { request: getRequest(`/events/${slug}`, cookie), params: { slug } });
}

function register(
  slug: string,
  fields: { name?: string; email: string; organisation?: string; yes?: string[]; dietary?: string; website?: string },
  options: { cookie?: string; address?: string } = {}
) {
  const entries: Entries = [
    ["name", fields.name ?? "Bea Bezoeker"],
    ["email", fields.email],
    ["organisation", fields.organisation ?? ""],
    ["dietary", fields.dietary ?? ""],
    ["website", fields.website ?? ""],
  ];
  for (const id of fields.yes ?? []) entries.push(["yes", id]);
  return callRoute(pageRoute.action, {
    request: postForm(`/events/${slug}`, options.cookie, entries),
    params: { slug },
    context: { clientAddress: options.address ?? freshAddress() },
  });
}

function registrationPageOf(path: string) {
  const [, , slug, , token] = path.split("/");
  return callRoute(registrationRoute.loader, { request: getRequest(path), params: { slug, token } });
}

function actOnRegistration(path: string, entries: Entries) {
  const [, , slug, , token] = path.split("/");
  return callRoute(registrationRoute.action, { request: postForm(path, undefined, entries), params: { slug, token } });
}

async function registrationsOf(eventId: string) {
  return db().selectFrom("event_registration").where("event_id", "=", eventId).selectAll().orderBy("created_at").execute();
}

async function questionsOf(eventId: string) {
  return db().selectFrom("event_question").where("event_id", "=", eventId).select(["id", "label"]).orderBy("position").execute();
}

/** Registers and returns the personal link from the e-mail. */
async function registeredWithLink(slug: string, address: string, name = "Bea Bezoeker") {
  const response = await register(slug, { email: address, name });
  expect(response.status).toBe(200);
  const mail = await lastMailTo(address);
  return linkIn(mail!.body_text, `/events/${slug}/registration/`);
}

describe("the public page", () => {
  it("shows a public event to a visitor without an account, with places left and an open form", async () => {
    const event = await insertEvent({
      coalitionId: team.id,
      createdBy: organiser.id,
      capacity: 12,
      questions: ["Ik eet mee van het buffet"],
      asksDietary: true,
    });
    const response = await pageOf(event.slug);
    expect(response.status).toBe(200);
    const page = await response.json();
    expect(page.event.title).toBe("Presentatie van twee jaar samenwerking");
    expect(page.placesLeft).toBe(12);
    expect(page.form).toBe("open");
    expect(page.signedIn).toBeNull();
    expect(page.event.questions.map((q: { label: string }) => q.label)).toEqual(["Ik eet mee van het buffet"]);
    // Nothing about registrants reaches the page.
    expect(JSON.stringify(page)).not.toMatch(/token|email/i);
  });

  it("a network-only event is not found for a visitor without an account, on the page, the form and the calendar file", async () => {
    const event = await insertEvent({ coalitionId: team.id, createdBy: organiser.id, audience: "network" });
    expect((await pageOf(event.slug)).status).toBe(404);
    expect(
      (await callRoute(icsRoute.loader, { request: getRequest(`/events/${event.slug}.ics`), params: { slug: event.slug } }))
        .status
    ).toBe(404);
    const address = email();
    expect((await register(event.slug, { email: address })).status).toBe(404);
    expect(await registrationsOf(event.id)).toHaveLength(0);
    expect(await lastMailTo(address)).toBeUndefined();
  });

  it("an unknown event is not found", async () => {
    expect((await pageOf("bestaat-niet")).status).toBe(404);
  });

  it("a signed-in person sees the form filled in with their name and address, and registers linked to their account", async () => {
    const event = await insertEvent({ coalitionId: team.id, createdBy: organiser.id, audience: "network" });
    const page = await (await pageOf(event.slug, memberCookie)).json();
    expect(page.signedIn).toEqual({ name: member.name, email: member.email });
    const response = await register(event.slug, { name: member.name, email: member.email }, { cookie: memberCookie });
    expect(response.status).toBe(200);
    const [row] = await registrationsOf(event.id);
    expect(row).toMatchObject({ status: "registered", person_id: member.id, email: member.email });
  });
});

describe("registering", () => {
  it("stores the registration with its answers, hashes the link's token, and e-mails the calendar file and the personal link", async () => {
    const event = await insertEvent({
      coalitionId: team.id,
      createdBy: organiser.id,
      questions: ["Ik eet mee van het buffet", "Ik neem iemand mee"],
      asksDietary: true,
    });
    const [buffet] = await questionsOf(event.id);
    const address = email("anna");
    const response = await register(event.slug, {
      name: "Anna de Wit",
      email: address,
      organisation: "Dorpsraad",
      yes: [buffet.id],
      dietary: "vegetarisch",
    });
    expect(response.status).toBe(200);
    expect((await response.json()).done).toBe("registered");

    const [row] = await registrationsOf(event.id);
    expect(row).toMatchObject({
      status: "registered",
      name: "Anna de Wit",
      email: address,
      organisation: "Dorpsraad",
      dietary: "vegetarisch",
      person_id: null,
    });
    const answers = await db()
      .selectFrom("event_answer")
      .where("registration_id", "=", row.id)
      .select(["question_id", "answer"])
      .execute();
    expect(answers).toHaveLength(2);
    expect(answers.find((a) => a.question_id === buffet.id)?.answer).toBe(true);
    expect(answers.filter((a) => !a.answer)).toHaveLength(1);

    const mail = await lastMailTo(address);
    expect(mail!.subject).toBe("Aangemeld: Presentatie van twee jaar samenwerking");
    expect(mail!.body_text).toContain("Je bent aangemeld");
    expect(mail!.body_text).toContain("90 dagen na de bijeenkomst");
    const attachment = (mail!.attachments as StoredAttachment[])[0];
    expect(attachment.contentType).toMatch(/^text\/calendar/);
    expect(readCalendar(attachment.content).events[0].summary).toBe("Presentatie van twee jaar samenwerking");
    const link = linkIn(mail!.body_text, `/events/${event.slug}/registration/`);
    const token = link.split("/").pop()!;
    expect(row.token_hash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);

    const page = await (await registrationPageOf(link)).json();
    expect(page.registration).toMatchObject({ status: "registered", name: "Anna de Wit", dietary: "vegetarisch" });
    expect(page.registration.answers).toEqual([
      { id: buffet.id, label: "Ik eet mee van het buffet", yes: true },
      expect.objectContaining({ label: "Ik neem iemand mee", yes: false }),
    ]);
  });

  it("refuses a bad e-mail address or a missing name with a message per field and saves nothing", async () => {
    const event = await insertEvent({ coalitionId: team.id, createdBy: organiser.id });
    const response = await register(event.slug, { name: "  ", email: "geen-adres" });
    expect(response.status).toBe(400);
    const { result } = await response.json();
    expect(result.error.email).toEqual(["error.email"]);
    expect(result.error.name).toEqual(["eventPublic.error.name"]);
    expect(await registrationsOf(event.id)).toHaveLength(0);
  });

  it("ignores dietary needs when the event does not ask for them, and answers to questions of another event", async () => {
    const event = await insertEvent({ coalitionId: team.id, createdBy: organiser.id, questions: ["Ik eet mee"] });
    const other = await insertEvent({ coalitionId: team.id, createdBy: organiser.id, questions: ["Andere vraag"] });
    const [foreign] = await questionsOf(other.id);
    await register(event.slug, { email: email(), dietary: "glutenvrij", yes: [foreign.id] });
    const [row] = await registrationsOf(event.id);
    expect(row.dietary).toBeNull();
    const answers = await db().selectFrom("event_answer").where("registration_id", "=", row.id).selectAll().execute();
    expect(answers).toEqual([expect.objectContaining({ answer: false })]);
  });

  it("when every place is taken: the form says so, and registering puts you on the waiting list with its own e-mail", async () => {
    const event = await insertEvent({ coalitionId: team.id, createdBy: organiser.id, capacity: 2 });
    await register(event.slug, { email: email() });
    expect((await (await pageOf(event.slug)).json()).form).toBe("open");
    await register(event.slug, { email: email() });
    const page = await (await pageOf(event.slug)).json();
    expect(page.form).toBe("full");
    expect(page.placesLeft).toBe(0);

    const address = email("wacht");
    const response = await register(event.slug, { email: address });
    expect((await response.json()).done).toBe("waiting");
    expect((await registrationsOf(event.id)).map((r) => r.status)).toEqual(["registered", "registered", "waiting"]);
    const mail = await lastMailTo(address);
    expect(mail!.subject).toMatch(/^Wachtlijst:/);
    expect(mail!.body_text).toContain("Je staat op de wachtlijst");
    expect(mail!.attachments).toEqual([]);
    const link = linkIn(mail!.body_text, `/events/${event.slug}/registration/`);
    expect((await (await registrationPageOf(link)).json()).registration).toMatchObject({ status: "waiting", waitingPosition: 1 });
  });

  it("the same address again (in other capitals) makes no second registration but mails a new link; the old link stops working", async () => {
    const event = await insertEvent({ coalitionId: team.id, createdBy: organiser.id, capacity: 5 });
    const address = email("dubbel");
    const firstLink = await registeredWithLink(event.slug, address);
    const fresh = await register(event.slug, { email: email() });
    const again = await register(event.slug, { email: address.toUpperCase(), name: "Iemand Anders" });
    // The page answers exactly what a newcomer hears: it never tells whether an address is registered.
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(await fresh.json());

    const rows = (await registrationsOf(event.id)).filter((r) => r.email?.toLowerCase() === address);
    expect(rows).toHaveLength(1);
    expect(rows[0].name).toBe("Bea Bezoeker");
    const mail = await lastMailTo(address);
    expect(mail!.subject).toMatch(/^Je aanmelding voor/);
    expect(mail!.body_text).toContain("er is geen tweede aanmelding gemaakt");
    const newLink = linkIn(mail!.body_text, `/events/${event.slug}/registration/`);
    expect(newLink).not.toBe(firstLink);
    expect((await registrationPageOf(firstLink)).status).toBe(404);
    expect((await registrationPageOf(newLink)).status).toBe(200);
  });

  it("a filled-in honeypot looks like success to the robot, and nothing is saved or sent", async () => {
    const event = await insertEvent({ coalitionId: team.id, createdBy: organiser.id });
    const address = email("robot");
    const response = await register(event.slug, { email: address, website: "http://spam.example" });
    expect(response.status).toBe(200);
    expect((await response.json()).done).toBe("registered");
    expect(await registrationsOf(event.id)).toHaveLength(0);
    expect(await lastMailTo(address)).toBeUndefined();
  });
});

describe("the deadline and the start, on the clock in Amsterdam", () => {
  const at = (day: string, time: string) => amsterdamTimeToUtc(day, time)!;

  for (const [season, day, nextDay, utc] of [
    ["winter", "2027-01-14", "2027-01-15", "2027-01-14T22:59:00.000Z"],
    ["summer", "2027-07-14", "2027-07-15", "2027-07-14T21:59:00.000Z"],
  ] as const) {
    it(`a deadline of 23:59 on a ${season} day: open at 23:59, closed a minute later`, async () => {
      const deadline = at(day, "23:59");
      expect(deadline.toISOString()).toBe(utc);
      const event = await insertEvent({
        coalitionId: team.id,
        createdBy: organiser.id,
        startsAt: at(nextDay, "17:00"),
        registrationDeadline: deadline,
      });
      const open = at(day, "23:59");
      const closed = at(nextDay, "00:00");
      expect((await publicEventPage(null, event.slug, open)).form).toBe("open");
      expect((await publicEventPage(null, event.slug, closed)).form).toBe("closed");

      const input = { name: "Laat", email: email(), yes: [], website: undefined };
      const context = { origin: BASE };
      expect(await registerForEvent(null, event.slug, input, { ...context, address: freshAddress(), now: open })).toEqual({
        ok: true,
        shown: "registered",
      });
      expect(
        await registerForEvent(
          null,
          event.slug,
          { ...input, email: email() },
          { ...context, address: freshAddress(), now: closed }
        )
      ).toEqual({
        ok: false,
        reason: "closed",
      });
      expect(await registrationsOf(event.id)).toHaveLength(1);
    });
  }

  it("past the deadline the page shows a sentence instead of the form, and a post is refused with it", async () => {
    const startsAt = new Date(Date.now() + 3 * 864e5);
    const event = await insertEvent({
      coalitionId: team.id,
      createdBy: organiser.id,
      startsAt,
      registrationDeadline: new Date(Date.now() - 60_000),
    });
    expect((await (await pageOf(event.slug)).json()).form).toBe("closed");
    const response = await register(event.slug, { email: email() });
    expect(response.status).toBe(400);
    expect((await response.json()).result.error[""]).toEqual(["eventPublic.register.closed"]);
    expect(await registrationsOf(event.id)).toHaveLength(0);
  });

  it("once the event has begun, registering is closed", async () => {
    const startsAt = new Date("2027-03-01T16:00:00Z");
    const event = await insertEvent({ coalitionId: team.id, createdBy: organiser.id, startsAt, registrationDeadline: startsAt });
    const outcome = await registerForEvent(
      null,
      event.slug,
      { name: "Te laat", email: email(), yes: [] },
      {
        origin: BASE,
        address: freshAddress(),
        now: new Date("2027-03-01T16:00:00Z"),
      }
    );
    expect(outcome).toEqual({ ok: false, reason: "closed" });
  });
});

describe("the throttle", () => {
  it(`allows ${MAX_ATTEMPTS_PER_ADDRESS} registrations per address per event per hour, then answers 429 and saves nothing`, async () => {
    const event = await insertEvent({ coalitionId: team.id, createdBy: organiser.id, capacity: 50 });
    const address = "192.0.2.7";
    for (let i = 0; i < MAX_ATTEMPTS_PER_ADDRESS; i++) {
      expect((await register(event.slug, { email: email() }, { address })).status).toBe(200);
    }
    const flooded = email("vloed");
    const response = await register(event.slug, { email: flooded }, { address });
    expect(response.status).toBe(429);
    expect((await response.json()).throttled).toBe(true);
    expect(await registrationsOf(event.id)).toHaveLength(MAX_ATTEMPTS_PER_ADDRESS);
    expect(await lastMailTo(flooded)).toBeUndefined();
    // Another address, and the same address at another event, still get through.
    expect((await register(event.slug, { email: email() }, { address: "192.0.2.8" })).status).toBe(200);
    const other = await insertEvent({ coalitionId: team.id, createdBy: organiser.id });
    expect((await register(other.slug, { email: email() }, { address })).status).toBe(200);
  });

  it(`allows ${MAX_ATTEMPTS_PER_EVENT} registrations per event per hour from all addresses together`, async () => {
    const event = await insertEvent({ coalitionId: team.id, createdBy: organiser.id });
    await db()
      .insertInto("event_registration_attempt")
      .values(
        Array.from({ length: MAX_ATTEMPTS_PER_EVENT }, (_, i) => ({ event_id: event.id, address: `198.51.100.${i % 250}` }))
      )
      .execute();
    expect((await register(event.slug, { email: email() })).status).toBe(429);
    expect(await registrationsOf(event.id)).toHaveLength(0);
    // Two hours later those attempts no longer count.
    const later = new Date(Date.now() + 2 * 3600_000);
    const outcome = await registerForEvent(
      null,
      event.slug,
      { name: "Later", email: email(), yes: [] },
      { origin: BASE, address: freshAddress(), now: later }
    );
    expect(outcome).toEqual({ ok: true, shown: "registered" });
  });
});

describe("the personal link", () => {
  it("changes name, organisation, answers and dietary needs, but not the address", async () => {
    const event = await insertEvent({
      coalitionId: team.id,
      createdBy: organiser.id,
      questions: ["Ik eet mee"],
      asksDietary: true,
    });
    const [buffet] = await questionsOf(event.id);
    const address = email();
    const link = await registeredWithLink(event.slug, address);
    const response = await actOnRegistration(link, [
      ["intent", "change"],
      ["name", "Bea de Boer"],
      ["organisation", "Buurtvereniging"],
      ["yes", buffet.id],
      ["dietary", "geen noten"],
      ["email", "ander@voorbeeld.nl"],
    ]);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(link);
    const page = await (await registrationPageOf(link)).json();
    expect(page.registration).toMatchObject({
      name: "Bea de Boer",
      organisation: "Buurtvereniging",
      dietary: "geen noten",
      email: address,
    });
    expect(page.registration.answers[0].yes).toBe(true);

    const bad = await actOnRegistration(link, [
      ["intent", "change"],
      ["name", ""],
    ]);
    expect(bad.status).toBe(400);
    expect((await (await registrationPageOf(link)).json()).registration.name).toBe("Bea de Boer");
  });

  it("cancelling a place moves the longest-waiting person up and tells them, with the calendar file and a new link", async () => {
    const event = await insertEvent({ coalitionId: team.id, createdBy: organiser.id, capacity: 1 });
    const holder = await registeredWithLink(event.slug, email("houder"));
    const firstWaiting = email("eerste");
    const firstLink = await registeredWithLink(event.slug, firstWaiting, "Eerste Wachter");
    await registeredWithLink(event.slug, email("tweede"), "Tweede Wachter");

    const response = await actOnRegistration(holder, [["intent", "cancel"]]);
    expect(response.status).toBe(302);
    const rows = await registrationsOf(event.id);
    expect(rows.map((r) => [r.name, r.status])).toEqual([
      ["Bea Bezoeker", "cancelled"],
      ["Eerste Wachter", "registered"],
      ["Tweede Wachter", "waiting"],
    ]);
    expect(rows[0].cancelled_at).not.toBeNull();
    expect(rows[1].moved_up_at).not.toBeNull();

    const mail = await lastMailTo(firstWaiting);
    expect(mail!.subject).toBe("Er is een plek vrijgekomen: Presentatie van twee jaar samenwerking");
    const attachment = (mail!.attachments as StoredAttachment[])[0];
    expect(readCalendar(attachment.content).events).toHaveLength(1);
    const newLink = linkIn(mail!.body_text, `/events/${event.slug}/registration/`);
    expect((await (await registrationPageOf(newLink)).json()).registration.status).toBe("registered");
    expect((await registrationPageOf(firstLink)).status).toBe(404);

    // The cancelled person's page says so and offers nothing more to change.
    const cancelled = await (await registrationPageOf(holder)).json();
    expect(cancelled.registration.status).toBe("cancelled");
    expect(cancelled.changeable).toBe(false);
    expect(
      (
        await actOnRegistration(holder, [
          ["intent", "change"],
          ["name", "Terug"],
        ])
      ).status
    ).toBe(400);
  });

  it("cancelling from the waiting list moves nobody up", async () => {
    const event = await insertEvent({ coalitionId: team.id, createdBy: organiser.id, capacity: 1 });
    await registeredWithLink(event.slug, email());
    const waiting = await registeredWithLink(event.slug, email());
    const later = email("later");
    await registeredWithLink(event.slug, later);
    const before = await lastMailTo(later);
    expect((await actOnRegistration(waiting, [["intent", "cancel"]])).status).toBe(302);
    expect((await registrationsOf(event.id)).map((r) => r.status)).toEqual(["registered", "cancelled", "waiting"]);
    expect((await lastMailTo(later))!.id).toBe(before!.id);
  });

  it("after cancelling, the same address may register again", async () => {
    const event = await insertEvent({ coalitionId: team.id, createdBy: organiser.id });
    const address = email();
    const link = await registeredWithLink(event.slug, address);
    await actOnRegistration(link, [["intent", "cancel"]]);
    await registeredWithLink(event.slug, address);
    expect((await registrationsOf(event.id)).map((r) => r.status)).toEqual(["cancelled", "registered"]);
  });

  it("an unknown token, or a real token under another event's address, is not found", async () => {
    const event = await insertEvent({ coalitionId: team.id, createdBy: organiser.id });
    const other = await insertEvent({ coalitionId: team.id, createdBy: organiser.id });
    const link = await registeredWithLink(event.slug, email());
    const token = link.split("/").pop()!;
    expect((await registrationPageOf(`/events/${event.slug}/registration/${"x".repeat(43)}`)).status).toBe(404);
    expect((await registrationPageOf(`/events/${other.slug}/registration/${token}`)).status).toBe(404);
    expect((await actOnRegistration(`/events/${other.slug}/registration/${token}`, [["intent", "cancel"]])).status).toBe(404);
    expect((await registrationsOf(event.id))[0].status).toBe("registered");
  });
});

describe("90 days after the event", () => {
  it("names, addresses and links are gone; statuses and answers stay, so the counts stay", async () => {
    const now = new Date();
    const longAgo = new Date(now.getTime() - 100 * 864e5);
    const recent = new Date(now.getTime() - 80 * 864e5);
    // Registered while the events were still ahead, then the clock moves on.
    const old = await insertEvent({
      coalitionId: team.id,
      createdBy: organiser.id,
      questions: ["Ik eet mee"],
      asksDietary: true,
      capacity: 1,
    });
    const young = await insertEvent({ coalitionId: team.id, createdBy: organiser.id });
    const [buffet] = await questionsOf(old.id);
    await register(
      old.slug,
      { email: email(), yes: [buffet.id], dietary: "halal", organisation: "Dorpsraad" },
      { cookie: memberCookie }
    );
    const waitingLink = await registeredWithLink(old.slug, email());
    const youngLink = await registeredWithLink(young.slug, email());
    await db()
      .updateTable("event")
      .set({
        starts_at: new Date(longAgo.getTime() - 4 * 3600_000),
        ends_at: longAgo,
        registration_deadline: new Date(longAgo.getTime() - 864e5),
      })
      .where("id", "=", old.id)
      .execute();
    await db()
      .updateTable("event")
      .set({
        starts_at: new Date(recent.getTime() - 4 * 3600_000),
        ends_at: recent,
        registration_deadline: new Date(recent.getTime() - 864e5),
      })
      .where("id", "=", young.id)
      .execute();
    await db()
      .insertInto("event_registration_attempt")
      .values({ event_id: young.id, address: "203.0.113.9", attempted_at: new Date(now.getTime() - 2 * 864e5) })
      .execute();

    expect(await purgeEventPersonalData(now)).toBeGreaterThanOrEqual(1);

    const wiped = await registrationsOf(old.id);
    expect(wiped.map((r) => r.status)).toEqual(["registered", "waiting"]);
    for (const row of wiped) {
      expect(row).toMatchObject({
        name: null,
        email: null,
        organisation: null,
        dietary: null,
        token_hash: null,
        person_id: null,
      });
    }
    const answers = await db().selectFrom("event_answer").where("question_id", "=", buffet.id).select("answer").execute();
    expect(answers.map((a) => a.answer).sort()).toEqual([false, true]);
    const event = await db()
      .selectFrom("event")
      .where("id", "=", old.id)
      .select("personal_data_deleted_at")
      .executeTakeFirstOrThrow();
    expect(event.personal_data_deleted_at).toEqual(now);
    expect((await registrationPageOf(waitingLink)).status).toBe(404);

    // Eighty days after: untouched. The throttle's old addresses are gone.
    expect((await registrationsOf(young.id))[0].email).not.toBeNull();
    expect((await registrationPageOf(youngLink)).status).toBe(200);
    const attempts = await db()
      .selectFrom("event_registration_attempt")
      .where("attempted_at", "<", new Date(now.getTime() - 864e5))
      .selectAll()
      .execute();
    expect(attempts).toHaveLength(0);

    // Running again changes nothing.
    expect(await purgeEventPersonalData(new Date(now.getTime() + 1000))).toBe(0);
  });

  it("the page says so", async () => {
    const event = await insertEvent({ coalitionId: team.id, createdBy: organiser.id });
    const { renderPage } = await import("../fixtures/render");
    const html = await renderPage(pageRoute.default, await (await pageOf(event.slug)).json());
    expect(html).toContain("Je gegevens worden 90 dagen na de bijeenkomst automatisch verwijderd.");
  });
});
