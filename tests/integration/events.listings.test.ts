import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../db/db.server";
import * as eventPage from "../../app/routes/events.$slug._index";
import * as network from "../../app/routes/network._index";
import * as programme from "../../app/routes/programme._index";
import * as digest from "../../app/routes/programme.digest";
import { todayInAmsterdam } from "../../app/i18n/dates";
import { browserRequest, callRoute, createCoalition, createPerson, sessionFor } from "../fixtures";
import { insertEvent } from "../fixtures/events";
import { writeLesson } from "../fixtures/lessons";
import { renderPage } from "../fixtures/render";

// Where the network meets events (issue 7): coming and past evenings on /network for every signed-in
// person; for the funder the events held and the registrations for them per coalition on /programme and in
// the digest. Counts only: who registered never reaches these pages.

const registrant = "Geheimenaam Aanmelder";
const registrantEmail = "geheim.aanmelder@example.org";
const day = 864e5;
let voorst: Awaited<ReturnType<typeof createCoalition>>;
const cookie = { funder: "", member: "", admin: "" };
const ids = {} as Record<"past" | "coming" | "networkOnly" | "programmeWide" | "pastSlug" | "lesson", string>;

async function register(eventId: string, status: "registered" | "waiting" | "cancelled", n: number) {
  await db()
    .insertInto("event_registration")
    .values(
      Array.from({ length: n }, (_, i) => ({
        event_id: eventId,
        status,
        name: `${registrant} ${i}`,
        email: `${i}.${status}.${registrantEmail}`,
        updated_at: new Date(),
      })),
    )
    .execute();
}

beforeAll(async () => {
  voorst = await createCoalition({ name: "Voorst Twello" });
  const facilitator = await createPerson({ team: voorst, role: "facilitator" });
  const funder = await createPerson({ accountRole: "funder" });
  cookie.admin = await sessionFor(await createPerson({ accountRole: "admin" }));
  cookie.member = await sessionFor(await createPerson({ team: await createCoalition(), perspective: "resident" }));
  cookie.funder = await sessionFor(funder);
  const past = new Date(Date.now() - 3 * day);
  const pastEvent = await insertEvent({ coalitionId: voorst.id, createdBy: facilitator.id, title: "Terugblik Twello", startsAt: past, registrationDeadline: new Date(past.getTime() - day) });
  ids.past = pastEvent.id;
  ids.pastSlug = pastEvent.slug;
  ids.lesson = await writeLesson(facilitator.id, voorst.id, { statement: "Samen koken verbindt", visibility: "network" });
  await db().insertInto("event_presented").values({ event_id: ids.past, lesson_id: ids.lesson, position: 0 }).execute();
  await register(ids.past, "registered", 3);
  await register(ids.past, "waiting", 2);
  await register(ids.past, "cancelled", 1);
  ids.coming = (await insertEvent({ coalitionId: voorst.id, createdBy: facilitator.id, title: "Twee jaar samen" })).id;
  await register(ids.coming, "registered", 4);
  ids.networkOnly = (await insertEvent({ coalitionId: voorst.id, createdBy: facilitator.id, title: "Alleen voor het netwerk", audience: "network" })).id;
  ids.programmeWide = (
    await insertEvent({ coalitionId: null, createdBy: funder.id, title: "Programmadag", startsAt: new Date(Date.now() - 2 * day), registrationDeadline: new Date(Date.now() - 3 * day) })
  ).id;
  await register(ids.programmeWide, "registered", 2);
});

describe("events on /network", () => {
  it("shows every signed-in person the coming evenings, network-only ones too, and the past ones", async () => {
    const data = await (await callRoute(network.loader, { request: browserRequest("/network", { cookie: cookie.member }) })).json();
    expect(data.events.coming.map((e: { title: string }) => e.title)).toEqual(["Twee jaar samen", "Alleen voor het netwerk"]);
    expect(data.events.past.map((e: { title: string }) => e.title)).toEqual(["Programmadag", "Terugblik Twello"]);
    const html = await renderPage(network.default, data);
    expect(html).toContain(`href="/events/`);
    expect(html).toContain("het hele programma");
    expect(html + JSON.stringify(data)).not.toContain(registrant);
  });
});

describe("events for the funder", () => {
  it("counts per coalition the events held and the registrations for them (not waiting or cancelled ones, not coming events)", async () => {
    const data = await (await callRoute(programme.loader, { request: browserRequest("/programme", { cookie: cookie.funder }) })).json();
    const row = data.coalitions.find((c: { name: string }) => c.name === "Voorst Twello");
    expect(row.events).toEqual({ held: 1, attendance: 3 });
    expect(data.programmeEvents).toEqual({ held: 1, attendance: 2 });
    const html = await renderPage(programme.default, data);
    expect(html).toContain("Programmabrede bijeenkomsten: 1 gehouden, 2 aanmeldingen.");
    expect(html + JSON.stringify(data)).not.toContain(registrant);
  });

  it("lists in the digest the events a coalition held in the period, with their registrations counted", async () => {
    const today = todayInAmsterdam();
    const from = new Date(Date.now() - 10 * day).toISOString().slice(0, 10);
    const response = await callRoute(digest.loader, {
      request: browserRequest(`/programme/digest?from=${from}&to=${today}`, { cookie: cookie.funder }),
    });
    const data = await response.json();
    const section = data.coalitions.find((c: { name: string }) => c.name === "Voorst Twello");
    expect(section.events).toMatchObject([{ title: "Terugblik Twello", registered: 3 }]);
    const html = await renderPage(digest.default, data);
    expect(html).toContain("3 aanmeldingen");
    expect(html + JSON.stringify(data)).not.toContain(registrant);
  });
});

describe("what was presented, on the event's page", () => {
  const page = (who?: keyof typeof cookie) =>
    callRoute(eventPage.loader, {
      request: browserRequest(`/events/${ids.pastSlug}`, { cookie: who ? cookie[who] : undefined }),
      params: { slug: ids.pastSlug },
    });

  it("shows the programme's people the lessons presented, linked, once the event has taken place", async () => {
    const data = await (await page("member")).json();
    expect(data.afterwards.items).toEqual([
      { kind: "lesson", id: ids.lesson, title: "Samen koken verbindt", coalitionName: "Voorst Twello", href: `/teams/${voorst.slug}/lessons/${ids.lesson}` },
    ]);
    expect(await renderPage(eventPage.default, data)).toContain("Wat we presenteerden");
  });

  it("shows a visitor without an account, and the admin, the event but not what was presented", async () => {
    for (const who of [undefined, "admin"] as const) {
      const data = await (await page(who)).json();
      expect(data.event.title).toBe("Terugblik Twello");
      expect(data.afterwards).toBeNull();
    }
  });
});
