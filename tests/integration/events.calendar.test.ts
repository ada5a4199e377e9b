import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../db/db.server";
import { amsterdamTimeToUtc } from "../../app/i18n/dates";
import * as pageRoute from "../../app/routes/events.$slug._index";
import * as icsRoute from "../../app/routes/events.$slug[.ics]";
import { BASE, callRoute, createCoalition, createPerson, lastMailTo, sessionFor, unique } from "../fixtures";
import { insertEvent } from "../fixtures/events";
import { postForm, readCalendar, type StoredAttachment } from "../fixtures/sessions";

// An event's calendar file as a calendar app reads it (ical.js): the event's own UID and SEQUENCE, times in
// UTC that are right in winter and summer, and a description that carries the programme with its times on
// the clock in Amsterdam, and the address.

let team: Awaited<ReturnType<typeof createCoalition>>;
let organiser: { id: string };

beforeAll(async () => {
  team = await createCoalition();
  organiser = await createPerson({ team, role: "facilitator" });
});

const at = (day: string, time: string) => amsterdamTimeToUtc(day, time)!;

async function eventOn(day: string, audience: "public" | "network" = "public") {
  return insertEvent({
    coalitionId: team.id,
    createdBy: organiser.id,
    title: "Twee jaar samen",
    audience,
    startsAt: at(day, "17:00"),
    endsAt: at(day, "21:00"),
    registrationDeadline: at(day, "12:00"),
    programme: [
      { startsAt: at(day, "17:00"), title: "Inloop met buffet" },
      { startsAt: at(day, "17:45"), title: "Opening door de wethouder" },
      { startsAt: at(day, "20:00"), title: "Borrel en napraten" },
    ],
  });
}

async function ics(slug: string, cookie?: string) {
  const headers = new Headers();
  if (cookie) headers.set("Cookie", cookie);
  return callRoute(icsRoute.loader, { request: new Request(`${BASE}/events/${slug}.ics`, { headers }), params: { slug } });
}

describe("the calendar file of an event", () => {
  it("in winter: UID and SEQUENCE of the event, UTC times, the programme and the address in the description", async () => {
    const event = await eventOn("2027-01-21");
    await db().updateTable("event").set({ ical_sequence: 3 }).where("id", "=", event.id).execute();
    const stored = await db().selectFrom("event").where("id", "=", event.id).select("ical_uid").executeTakeFirstOrThrow();

    const response = await ics(event.slug);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="${event.slug}.ics"`);
    const text = await response.text();
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.split("\r\n").every((line) => Buffer.byteLength(line) <= 75)).toBe(true);

    const [vevent] = readCalendar(text).events;
    expect(vevent.uid).toBe(stored.ical_uid);
    expect(vevent.sequence).toBe(3);
    expect(vevent.summary).toBe("Twee jaar samen");
    expect(vevent.start.toJSDate().toISOString()).toBe("2027-01-21T16:00:00.000Z");
    expect(vevent.end.toJSDate().toISOString()).toBe("2027-01-21T20:00:00.000Z");
    expect(vevent.location).toBe("Buurthuis De Linde, Dorpsstraat 1, 7391 AA Twello");
    expect(vevent.description).toContain("17:00 Inloop met buffet\n17:45 Opening door de wethouder\n20:00 Borrel en napraten");
    expect(vevent.description).toContain("Adres: Buurthuis De Linde, Dorpsstraat 1, 7391 AA Twello");
    expect(vevent.description).toContain(`${BASE}/events/${event.slug}`);
    expect(vevent.description).toContain("Twee jaar samenwerken: wat we leerden.");
  });

  it("in summer the programme still reads 17:00 while the file says 15:00 UTC", async () => {
    const event = await eventOn("2027-07-08");
    const [vevent] = readCalendar(await (await ics(event.slug)).text()).events;
    expect(vevent.start.toJSDate().toISOString()).toBe("2027-07-08T15:00:00.000Z");
    expect(vevent.description).toContain("17:00 Inloop met buffet");
  });

  it("a network-only event's file is for signed-in people only", async () => {
    const event = await eventOn("2027-02-11", "network");
    expect((await ics(event.slug)).status).toBe(404);
    const member = await createPerson({ team });
    const response = await ics(event.slug, await sessionFor(member));
    expect(response.status).toBe(200);
    expect(readCalendar(await response.text()).events).toHaveLength(1);
  });

  it("the file attached to the confirmation is the same event", async () => {
    const event = await eventOn("2027-03-04");
    const stored = await db().selectFrom("event").where("id", "=", event.id).select("ical_uid").executeTakeFirstOrThrow();
    const address = `${unique("agenda")}@voorbeeld.nl`;
    const response = await callRoute(pageRoute.action, {
      request: postForm(`/events/${event.slug}`, undefined, [
        ["name", "Agenda Lezer"],
        ["email", address],
      ]),
      params: { slug: event.slug },
      context: { clientAddress: "10.9.9.9" },
    });
    expect(response.status).toBe(200);
    const attachment = ((await lastMailTo(address))!.attachments as StoredAttachment[])[0];
    expect(attachment.filename).toBe(`${event.slug}.ics`);
    const [vevent] = readCalendar(attachment.content).events;
    expect(vevent.uid).toBe(stored.ical_uid);
    expect(vevent.description).toContain("17:00 Inloop met buffet");
  });
});
