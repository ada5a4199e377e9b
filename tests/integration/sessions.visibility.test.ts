import { beforeAll, describe, expect, it } from "vitest";
import * as feedRoute from "../../app/routes/calendar.$token[.ics]";
import * as settingsRoute from "../../app/routes/settings";
import * as listRoute from "../../app/routes/teams.$team.sessions._index";
import { BASE, browserRequest, callRoute, createCoalition, createPerson, sessionFor } from "../fixtures";
import { readCalendar, scheduleSession, sessionAction, sessionIcs, sessionPageFor, slotsOf } from "../fixtures/sessions";

// Who learns what about an intervision session (DESIGN.md §3 and issue 5): participants and invitees see the
// poll and who is invited, only participants see who brings the case; the rest of the team and the funder
// see that it takes place (date, method, number of participants) and nothing more; other coalitions and the
// admin get 404, as if there were no session. Tried on the page, the list, the calendar file and the feed.

type Reader = "participant" | "declined" | "pending" | "teammate" | "otherFacilitator" | "funder" | "admin" | "anonymous";
const readers: Reader[] = ["participant", "declined", "pending", "teammate", "otherFacilitator", "funder", "admin", "anonymous"];
const observers: Reader[] = ["teammate", "funder"];
const invited: Reader[] = ["participant", "declined", "pending"];

// Names that appear nowhere else, so that finding them anywhere in a response is a leak.
const CASE_BRINGER = "Zwaantje Casusinbrengster";
const INVITEE = "Quirijn Genodigde";
const DECLINER = "Ysbrand Afzegger";

let team: Awaited<ReturnType<typeof createCoalition>>;
const cookie = {} as Record<Reader, string | undefined>;
const people = {} as Record<Exclude<Reader, "anonymous"> | "facilitator", { id: string; name: string }>;
let sessionId: string;

beforeAll(async () => {
  team = await createCoalition();
  const other = await createCoalition();
  people.facilitator = await createPerson({ team, role: "facilitator", name: "Fenna Begeleider" });
  people.participant = await createPerson({ team, name: CASE_BRINGER });
  people.declined = await createPerson({ team, name: DECLINER });
  people.pending = await createPerson({ team, name: INVITEE });
  people.teammate = await createPerson({ team });
  people.otherFacilitator = await createPerson({ team: other, role: "facilitator" });
  people.funder = await createPerson({ accountRole: "funder" });
  people.admin = await createPerson({ accountRole: "admin" });
  for (const reader of readers) cookie[reader] = reader === "anonymous" ? undefined : await sessionFor(people[reader]);
  const facilitatorCookie = await sessionFor(people.facilitator);

  sessionId = await scheduleSession(team, facilitatorCookie, {
    title: "Intervisie in het voorjaar",
    invitees: [people.participant.id, people.declined.id, people.pending.id],
    slots: [
      { date: "2027-04-12", start: "19:00", end: "21:00" },
      { date: "2027-04-14", start: "19:00", end: "21:00" },
    ],
  });
  const [slot] = await slotsOf(sessionId);
  const act = (who: string | undefined, entries: [string, string][]) => sessionAction(team, sessionId, who, entries);
  await act(cookie.participant, [["intent", "vote"], [`answers.${slot.id}`, "yes"]]);
  expect((await act(facilitatorCookie, [["intent", "confirm"], ["slotId", slot.id]])).status).toBe(302);
  await act(cookie.participant, [["intent", "rsvp"], ["rsvp", "yes"]]);
  await act(cookie.participant, [["intent", "volunteer"], ["volunteer", "yes"]]);
  await act(cookie.declined, [["intent", "rsvp"], ["rsvp", "no"]]);
  expect((await act(facilitatorCookie, [["intent", "caseBringer"], ["caseBringer", people.participant.id]])).status).toBe(302);
});

function expectNoTraceOfWhoIsIn(body: string) {
  for (const name of [CASE_BRINGER, INVITEE, DECLINER]) expect(body).not.toContain(name);
  for (const who of ["participant", "declined", "pending"] as const) expect(body).not.toContain(people[who].id);
}

describe("the session page", () => {
  const expected: Record<Reader, number> = {
    participant: 200,
    declined: 200,
    pending: 200,
    teammate: 200,
    otherFacilitator: 404,
    funder: 200,
    admin: 404,
    anonymous: 302,
  };

  it.each(readers)("answers the %s with the right status", async (reader) => {
    expect((await sessionPageFor(team, sessionId, cookie[reader])).status).toBe(expected[reader]);
  });

  it.each(observers)("shows the %s the facts only: no case bringer, no invitees, no poll", async (reader) => {
    const response = await sessionPageFor(team, sessionId, cookie[reader]);
    const body = await response.text();
    expectNoTraceOfWhoIsIn(body);
    const { page } = JSON.parse(body);
    expect(page.view).toBe("observer");
    expect(Object.keys(page).sort()).toEqual(["facts", "view"]);
    expect(page.facts).toMatchObject({ title: "Intervisie in het voorjaar", method: "incidentmethode", participants: 2, status: "confirmed" });
    expect(page.facts.startsAt).toBe("2027-04-12T17:00:00.000Z");
  });

  it("shows the participant who brings the case", async () => {
    const { page } = await (await sessionPageFor(team, sessionId, cookie.participant)).json();
    expect(page.role).toBe("participant");
    expect(page.caseBringer).toEqual({ id: people.participant.id, name: CASE_BRINGER });
  });

  it.each(["declined", "pending"] as const)("shows the %s invitee the poll and who is invited, not who brings the case", async (reader) => {
    const response = await sessionPageFor(team, sessionId, cookie[reader]);
    const { page } = await response.json();
    expect(page.role).toBe("invitee");
    expect(page.caseBringer).toBeNull();
    expect(page.roleCandidates).toEqual([]);
    expect(page.poll.slots).toHaveLength(2);
    expect(page.invitees.map((i: { name: string }) => i.name).sort()).toEqual([CASE_BRINGER, INVITEE, DECLINER].sort());
    expect(JSON.stringify(page)).not.toContain("volunteersCase\":true");
  });
});

describe("the team's list of sessions", () => {
  async function list(reader: Reader) {
    return callRoute(listRoute.loader, {
      request: browserRequest(`/teams/${team.slug}/sessions`, { cookie: cookie[reader] }),
      params: { team: team.slug },
    });
  }

  it.each(readers)("for the %s", async (reader) => {
    const response = await list(reader);
    if (reader === "anonymous") return expect(response.status).toBe(302);
    if (reader === "otherFacilitator" || reader === "admin") return expect(response.status).toBe(404);
    expect(response.status).toBe(200);
    const body = await response.text();
    // Facts only, for everyone: the list never says who is in.
    expectNoTraceOfWhoIsIn(body);
    const data = JSON.parse(body);
    const item = data.upcoming.find((s: { id: string }) => s.id === sessionId);
    expect(item).toMatchObject({ title: "Intervisie in het voorjaar", participants: 2, methodName: "Incidentmethode" });
  });
});

describe("the session's calendar file", () => {
  it.each(readers)("for the %s", async (reader) => {
    const response = await sessionIcs(team, sessionId, cookie[reader]);
    if (reader === "anonymous") return expect(response.status).toBe(302);
    if (!invited.includes(reader)) return expect(response.status).toBe(404);
    expect(response.status).toBe(200);
    const text = await response.text();
    expectNoTraceOfWhoIsIn(text);
    expect(readCalendar(text).events).toHaveLength(1);
  });
});

describe("a person's calendar feed", () => {
  async function feedOf(reader: Reader): Promise<string> {
    await callRoute(settingsRoute.action, { request: browserRequest("/settings", { cookie: cookie[reader], form: { intent: "calendar-feed" } }) });
    const settings = await callRoute(settingsRoute.loader, { request: browserRequest("/settings", { cookie: cookie[reader] }) });
    const token = (await settings.json()).calendarFeed.split("/calendar/")[1].replace(/\.ics$/, "");
    const response = await callRoute(feedRoute.loader, { request: new Request(`${BASE}/calendar/${token}.ics`), params: { token } });
    expect(response.status).toBe(200);
    return response.text();
  }

  it.each(readers.filter((r) => r !== "anonymous"))("for the %s", async (reader) => {
    const text = await feedOf(reader);
    expectNoTraceOfWhoIsIn(text);
    const listed = readCalendar(text).events.length === 1;
    expect(listed).toBe(reader === "participant" || reader === "pending");
  });

  it("is not made for someone who is not signed in", async () => {
    const response = await callRoute(settingsRoute.action, { request: browserRequest("/settings", { form: { intent: "calendar-feed" } }) });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(/^\/login/);
  });
});
