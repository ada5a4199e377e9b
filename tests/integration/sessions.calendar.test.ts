import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../db/db.server";
import * as feedRoute from "../../app/routes/calendar.$token[.ics]";
import * as settingsRoute from "../../app/routes/settings";
import { BASE, browserRequest, callRoute, createCoalition, createPerson, lastMailTo, sessionFor } from "../fixtures";
import {
  readCalendar,
  scheduleSession,
  sessionAction,
  sessionIcs,
  slotsOf,
  type StoredAttachment,
} from "../fixtures/sessions";

// Calendar files as calendar apps read them (ical.js, Thunderbird's parser): one session's file, the
// e-mailed scheduling messages (REQUEST, and CANCEL when called off) and a person's feed. Times are right
// on the days the clocks change; the event keeps its UID and counts up its SEQUENCE with each change.

type Who = "facilitator" | "ans" | "bram" | "dirk" | "observer" | "otherMember" | "funder" | "admin";
let team: Awaited<ReturnType<typeof createCoalition>>;
const people = {} as Record<Who, { id: string; name: string; email: string }>;
const cookie = {} as Record<Who, string>;

const CASE_BRINGER_NAME = "Wilhelmina Vertrouwelijk-Inbrengt";
const LONG_TITLE =
  "Intervisie over de samenwerking tussen bewoners en welzijnswerkers in De Heeze — één gesprek over vertrouwen, rollen en eigenaarschap, en wat we meenemen";

beforeAll(async () => {
  team = await createCoalition();
  const other = await createCoalition();
  people.facilitator = await createPerson({ team, role: "facilitator", name: "Fenna Begeleider" });
  people.ans = await createPerson({ team, name: CASE_BRINGER_NAME });
  people.bram = await createPerson({ team, name: "Bram de Vries" });
  people.dirk = await createPerson({ team, name: "Dirk Zegt-Nee" });
  people.observer = await createPerson({ team, name: "Olga Niet-Uitgenodigd" });
  people.otherMember = await createPerson({ team: other });
  people.funder = await createPerson({ accountRole: "funder" });
  people.admin = await createPerson({ accountRole: "admin" });
  for (const [who, person] of Object.entries(people)) cookie[who as Who] = await sessionFor(person);
});

const act = (id: string, who: Who, entries: [string, string][]) => sessionAction(team, id, cookie[who], entries);

/** Schedules through the form with the given times, confirms the one at `confirm` (index), returns the id. */
async function confirmedSession(input: { title?: string; slots: { date: string; start: string; end: string }[]; confirm: number; videoUrl?: string }) {
  const id = await scheduleSession(team, cookie.facilitator, {
    title: input.title,
    videoUrl: input.videoUrl,
    invitees: [people.ans.id, people.bram.id, people.dirk.id],
    slots: input.slots,
    blankRows: 8 - input.slots.length,
  });
  const slots = await slotsOf(id);
  const wanted = input.slots[input.confirm];
  const slot = slots.find((s) => s.starts_at.toISOString().slice(0, 10) === wanted.date)!;
  expect((await act(id, "facilitator", [["intent", "confirm"], ["slotId", slot.id]])).status).toBe(302);
  return id;
}

async function icsText(id: string, who: Who = "ans") {
  const response = await sessionIcs(team, id, cookie[who]);
  expect(response.status).toBe(200);
  expect(response.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
  return response.text();
}

async function storedSession(id: string) {
  return db().selectFrom("intervision_session").where("id", "=", id).selectAll().executeTakeFirstOrThrow();
}

async function calendarAttachment(email: string): Promise<StoredAttachment & { text: string }> {
  const mail = await lastMailTo(email);
  const attachment = (mail!.attachments as StoredAttachment[])[0];
  expect(attachment.contentType).toMatch(/^text\/calendar/);
  return { ...attachment, text: attachment.content };
}

describe("one session's calendar file", () => {
  let march: string;

  beforeAll(async () => {
    // The last Sunday of March 2027: summer time starts that night, so 14:00 in Amsterdam is 12:00 UTC.
    march = await confirmedSession({
      slots: [
        { date: "2027-03-21", start: "14:00", end: "16:00" },
        { date: "2027-03-28", start: "14:00", end: "16:00" },
      ],
      confirm: 1,
    });
  });

  it("has the right UTC times on the last Sunday of March (summer time begins)", async () => {
    const text = await icsText(march);
    expect(text).toContain("DTSTART:20270328T120000Z");
    expect(text).toContain("DTEND:20270328T140000Z");
    const [event] = readCalendar(text).events;
    expect(event.start.toJSDate().toISOString()).toBe("2027-03-28T12:00:00.000Z");
    expect(event.end.toJSDate().toISOString()).toBe("2027-03-28T14:00:00.000Z");
  });

  it("has the right UTC time on the last Sunday of October (winter time begins)", async () => {
    const october = await confirmedSession({
      slots: [
        { date: "2026-10-18", start: "14:00", end: "16:00" },
        { date: "2026-10-25", start: "14:00", end: "16:00" },
      ],
      confirm: 1,
    });
    const [event] = readCalendar(await icsText(october)).events;
    expect(event.start.toJSDate().toISOString()).toBe("2026-10-25T13:00:00.000Z");
    expect(event.end.toJSDate().toISOString()).toBe("2026-10-25T15:00:00.000Z");
    // The week before is still summer time.
    const stored = await slotsOf(october);
    expect(stored[0].starts_at.toISOString()).toBe("2026-10-18T12:00:00.000Z");
  });

  it("carries UID, DTSTAMP, SEQUENCE and STATUS, and says what, where and which method", async () => {
    const session = await storedSession(march);
    const { events, method } = readCalendar(await icsText(march));
    expect(method).toBeNull();
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event.uid).toBe(session.ical_uid);
    expect(event.uid).toMatch(/@leernetwerk$/);
    expect(event.sequence).toBe(0);
    expect(event.status).toBe("CONFIRMED");
    expect(event.dtstamp).not.toBeNull();
    expect(event.summary).toBe("Intervisie over samenwerken");
    expect(event.location).toBe("Buurthuis De Heeze");
    expect(event.description).toContain("Incidentmethode");
    expect(event.description).toContain(`${BASE}/teams/${team.slug}/sessions/${march}`);
  });

  it("never names the case bringer", async () => {
    await act(march, "ans", [["intent", "rsvp"], ["rsvp", "yes"]]);
    expect((await act(march, "facilitator", [["intent", "caseBringer"], ["caseBringer", people.ans.id]])).status).toBe(302);
    const text = await icsText(march, "bram");
    expect(text).not.toContain("Wilhelmina");
    expect(text).not.toContain(people.ans.id);
  });

  it("ends lines with CRLF and folds long lines at 75 octets, which the parser unfolds again", async () => {
    const id = await confirmedSession({
      title: LONG_TITLE,
      videoUrl: "https://meet.example/intervisie-de-heeze-met-een-heel-lange-kamernaam-om-te-vouwen",
      slots: [
        { date: "2027-04-06", start: "19:30", end: "21:30" },
        { date: "2027-04-08", start: "19:30", end: "21:30" },
      ],
      confirm: 0,
    });
    const text = await icsText(id);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const lines = text.split("\r\n").slice(0, -1);
    for (const line of lines) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    expect(lines.filter((line) => line.startsWith(" ")).length).toBeGreaterThan(2);
    const [event] = readCalendar(text).events;
    expect(event.summary).toBe(LONG_TITLE);
    expect(event.description).toContain("https://meet.example/intervisie-de-heeze-met-een-heel-lange-kamernaam-om-te-vouwen");
  });

  it("answers 404 to those not invited: a team member, another coalition's member, the funder, the admin", async () => {
    for (const who of ["observer", "otherMember", "funder", "admin"] as const) {
      expect((await sessionIcs(team, march, cookie[who])).status).toBe(404);
    }
    expect((await sessionIcs(team, march, undefined)).status).toBe(302);
  });

  it("answers 404 while the time is still being polled", async () => {
    const polling = await scheduleSession(team, cookie.facilitator, {
      invitees: [people.ans.id],
      slots: [
        { date: "2027-05-01", start: "10:00", end: "11:00" },
        { date: "2027-05-02", start: "10:00", end: "11:00" },
      ],
    });
    expect((await sessionIcs(team, polling, cookie.ans)).status).toBe(404);
    expect((await sessionIcs(team, polling, cookie.facilitator)).status).toBe(404);
  });
});

describe("the e-mailed calendar files: confirm, reschedule, cancel", () => {
  let id: string;
  let uid: string;

  beforeAll(async () => {
    id = await confirmedSession({
      slots: [
        { date: "2027-06-01", start: "13:00", end: "15:00" },
        { date: "2027-06-03", start: "13:00", end: "15:00" },
      ],
      confirm: 0,
    });
    uid = (await storedSession(id)).ical_uid;
  });

  it("confirmation: METHOD:REQUEST with the session's UID and SEQUENCE 0", async () => {
    const attachment = await calendarAttachment(people.bram.email);
    expect(attachment.contentType).toContain("method=REQUEST");
    const { method, events } = readCalendar(attachment.text);
    expect(method).toBe("REQUEST");
    expect(events[0]).toMatchObject({ uid, sequence: 0, status: "CONFIRMED" });
    expect(events[0].start.toJSDate().toISOString()).toBe("2027-06-01T11:00:00.000Z");
    expect(events[0].dtstamp).not.toBeNull();
    // The facilitator gets it too.
    expect(readCalendar((await calendarAttachment(people.facilitator.email)).text).events[0].uid).toBe(uid);
  });

  it("rescheduling: same UID, SEQUENCE + 1, the new time", async () => {
    const response = await act(id, "facilitator", [
      ["intent", "reschedule"],
      ["date", "2027-06-10"],
      ["start", "09:30"],
      ["end", "11:30"],
    ]);
    expect(response.status).toBe(302);
    const { method, events } = readCalendar((await calendarAttachment(people.bram.email)).text);
    expect(method).toBe("REQUEST");
    expect(events[0]).toMatchObject({ uid, sequence: 1, status: "CONFIRMED" });
    expect(events[0].start.toJSDate().toISOString()).toBe("2027-06-10T07:30:00.000Z");
    const download = readCalendar(await icsText(id)).events[0];
    expect(download).toMatchObject({ uid, sequence: 1 });
    expect(download.start.toJSDate().toISOString()).toBe("2027-06-10T07:30:00.000Z");
  });

  it("rescheduling refuses an end before the start, and a member's attempt is 404", async () => {
    const bad = await act(id, "facilitator", [["intent", "reschedule"], ["date", "2027-06-10"], ["start", "11:00"], ["end", "10:00"]]);
    expect(bad.status).toBe(400);
    expect((await bad.json()).result.error.end).toContain("session.error.endBeforeStart");
    const member = await act(id, "ans", [["intent", "reschedule"], ["date", "2027-06-11"], ["start", "09:00"], ["end", "10:00"]]);
    expect(member.status).toBe(404);
    expect((await storedSession(id)).ical_sequence).toBe(1);
  });

  it("cancelling: METHOD:CANCEL, STATUS:CANCELLED, same UID, SEQUENCE + 1", async () => {
    expect((await act(id, "ans", [["intent", "cancel"]])).status).toBe(404);
    expect((await act(id, "facilitator", [["intent", "cancel"]])).status).toBe(302);
    const attachment = await calendarAttachment(people.bram.email);
    expect(attachment.contentType).toContain("method=CANCEL");
    expect(attachment.text).toContain("METHOD:CANCEL");
    expect(attachment.text).toContain("STATUS:CANCELLED");
    const { method, events } = readCalendar(attachment.text);
    expect(method).toBe("CANCEL");
    expect(events[0]).toMatchObject({ uid, sequence: 2, status: "CANCELLED" });
    expect((await storedSession(id)).status).toBe("cancelled");
    // A cancelled session has no calendar file to download any more.
    expect((await sessionIcs(team, id, cookie.ans)).status).toBe(404);
  });
});

describe("a person's calendar feed", () => {
  const sessionIds = {} as Record<"coming" | "pending" | "declined" | "notInvited" | "polling" | "cancelled", string>;
  const times = (date: string) => [
    { date, start: "10:00", end: "12:00" },
    { date: date.replace(/-(\d\d)$/, (_, day) => `-${String(Number(day) + 1).padStart(2, "0")}`), start: "10:00", end: "12:00" },
  ];

  async function makeFeed(who: Who, intent = "calendar-feed"): Promise<string> {
    const response = await callRoute(settingsRoute.action, { request: browserRequest("/settings", { cookie: cookie[who], form: { intent } }) });
    expect(response.status).toBe(302);
    const page = await callRoute(settingsRoute.loader, { request: browserRequest("/settings", { cookie: cookie[who] }) });
    const { calendarFeed } = await page.json();
    expect(calendarFeed).toMatch(new RegExp(`^${BASE}/calendar/[A-Za-z0-9_-]+\\.ics$`));
    return calendarFeed.split("/calendar/")[1].replace(/\.ics$/, "");
  }

  function feed(token: string) {
    return callRoute(feedRoute.loader, { request: new Request(`${BASE}/calendar/${token}.ics`), params: { token } });
  }

  async function feedUids(token: string) {
    const response = await feed(token);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    return readCalendar(await response.text()).events;
  }

  const uidOf = async (id: string) => (await storedSession(id)).ical_uid;

  beforeAll(async () => {
    const schedule = async (invitees: string[], date: string) =>
      scheduleSession(team, cookie.facilitator, { invitees, slots: times(date) });
    const confirm = async (id: string) => {
      const [slot] = await slotsOf(id);
      expect((await act(id, "facilitator", [["intent", "confirm"], ["slotId", slot.id]])).status).toBe(302);
    };
    sessionIds.coming = await schedule([people.ans.id, people.bram.id], "2027-09-06");
    sessionIds.pending = await schedule([people.ans.id], "2027-09-13");
    sessionIds.declined = await schedule([people.ans.id], "2027-09-20");
    sessionIds.notInvited = await schedule([people.bram.id], "2027-09-27");
    sessionIds.polling = await schedule([people.ans.id], "2027-10-04");
    sessionIds.cancelled = await schedule([people.ans.id], "2027-10-11");
    for (const key of ["coming", "pending", "declined", "notInvited", "cancelled"] as const) await confirm(sessionIds[key]);
    await act(sessionIds.coming, "ans", [["intent", "rsvp"], ["rsvp", "yes"]]);
    await act(sessionIds.declined, "ans", [["intent", "rsvp"], ["rsvp", "no"]]);
    await act(sessionIds.cancelled, "facilitator", [["intent", "cancel"]]);
  });

  it("is made in the settings, with a secret address", async () => {
    const before = await callRoute(settingsRoute.loader, { request: browserRequest("/settings", { cookie: cookie.ans }) });
    expect((await before.json()).calendarFeed).toBeNull();
    const token = await makeFeed("ans");
    expect(token.length).toBeGreaterThanOrEqual(40);
  });

  it("lists only the sessions the owner is invited to and did not decline, cancelled ones as CANCELLED", async () => {
    const token = await makeFeed("ans", "calendar-feed-renew");
    const events = await feedUids(token);
    const byUid = new Map(events.map((event) => [event.uid, event]));
    expect(byUid.get(await uidOf(sessionIds.coming))?.status).toBe("CONFIRMED");
    expect(byUid.get(await uidOf(sessionIds.pending))?.status).toBe("CONFIRMED");
    expect(byUid.get(await uidOf(sessionIds.cancelled))?.status).toBe("CANCELLED");
    expect(byUid.has(await uidOf(sessionIds.declined))).toBe(false);
    expect(byUid.has(await uidOf(sessionIds.notInvited))).toBe(false);
    expect(byUid.has(await uidOf(sessionIds.polling))).toBe(false);
    for (const event of events) {
      expect(event.dtstamp).not.toBeNull();
      expect(typeof event.sequence).toBe("number");
    }
  });

  it("lists the sessions a facilitator leads", async () => {
    const token = await makeFeed("facilitator");
    const uids = (await feedUids(token)).map((event) => event.uid);
    expect(uids).toContain(await uidOf(sessionIds.notInvited));
    expect(uids).toContain(await uidOf(sessionIds.declined));
  });

  it("is empty for someone invited to nothing", async () => {
    const token = await makeFeed("observer");
    expect(await feedUids(token)).toEqual([]);
  });

  it("answers 404 on the old address once a new link is made ('Nieuwe link maken')", async () => {
    const old = await makeFeed("bram");
    expect((await feed(old)).status).toBe(200);
    const renewed = await makeFeed("bram", "calendar-feed-renew");
    expect(renewed).not.toBe(old);
    expect((await feed(old)).status).toBe(404);
    expect((await feed(renewed)).status).toBe(200);
  });

  it("answers 404 to an unknown token and to a malformed one", async () => {
    expect((await feed("A".repeat(43))).status).toBe(404);
    expect((await feed("x")).status).toBe(404);
    expect((await feed("../../etc/passwd")).status).toBe(404);
  });

  it("drops the sessions of a coalition the owner has left", async () => {
    const token = await makeFeed("ans", "calendar-feed-renew");
    expect((await feedUids(token)).length).toBeGreaterThan(0);
    const membership = await db().selectFrom("membership").where("person_id", "=", people.ans.id).selectAll().executeTakeFirstOrThrow();
    await db().deleteFrom("membership").where("id", "=", membership.id).execute();
    try {
      expect(await feedUids(token)).toEqual([]);
    } finally {
      await db().insertInto("membership").values(membership).execute();
    }
  });

  it("answers 404 once its owner is deactivated", async () => {
    const token = await makeFeed("dirk");
    expect((await feed(token)).status).toBe(200);
    await db().updateTable("person").set({ deactivated_at: new Date() }).where("id", "=", people.dirk.id).execute();
    expect((await feed(token)).status).toBe(404);
  });
});
