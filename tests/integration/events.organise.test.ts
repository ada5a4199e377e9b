import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../db/db.server";
import * as programmeDetailRoute from "../../app/routes/programme.events.$id._index";
import * as programmeEditRoute from "../../app/routes/programme.events.$id.edit";
import * as programmeListRoute from "../../app/routes/programme.events._index";
import * as programmeNewRoute from "../../app/routes/programme.events.new";
import * as detailRoute from "../../app/routes/teams.$team.events.$id._index";
import * as editRoute from "../../app/routes/teams.$team.events.$id.edit";
import * as listRoute from "../../app/routes/teams.$team.events._index";
import * as newRoute from "../../app/routes/teams.$team.events.new";
import { browserRequest, callRoute, createCoalition, createPerson, lastMailTo, sessionFor } from "../fixtures";
import { insertEvent } from "../fixtures/events";
import { writeLesson } from "../fixtures/lessons";
import { writeReflection } from "../fixtures/reflections";
import { renderPage } from "../fixtures/render";

// Organising network events (issue 7): a coalition's facilitators (and the funder, for programme-wide
// meetings) create and edit events; the rest of the programme finds no form (404). Bad input gets a message
// next to the field and saves nothing; times are on the clock in Europe/Amsterdam; a stale save shows both
// versions; capacity never drops below the places taken; only network items can be linked as presented.

type Role = "facilitator" | "member" | "otherFacilitator" | "funder" | "admin";

let team: Awaited<ReturnType<typeof createCoalition>>;
let other: Awaited<ReturnType<typeof createCoalition>>;
const cookie = {} as Record<Role, string>;
let facilitatorId: string;

beforeAll(async () => {
  team = await createCoalition();
  other = await createCoalition();
  const facilitator = await createPerson({ team, role: "facilitator" });
  facilitatorId = facilitator.id;
  cookie.facilitator = await sessionFor(facilitator);
  cookie.member = await sessionFor(await createPerson({ team }));
  cookie.otherFacilitator = await sessionFor(await createPerson({ team: other, role: "facilitator" }));
  cookie.funder = await sessionFor(await createPerson({ accountRole: "funder" }));
  cookie.admin = await sessionFor(await createPerson({ accountRole: "admin" }));
});

type Form = Record<string, string | string[]>;
type Route = { loader?: unknown; action?: unknown };
type Handler = Parameters<typeof callRoute>[0];

function post(route: Route, path: string, params: Record<string, string>, form: Form, cookieValue?: string) {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(form)) for (const v of [value].flat()) body.append(name, v);
  const request = browserRequest(path, { cookie: cookieValue, form: {} });
  return callRoute(route.action as Handler, {
    request: new Request(request.url, { method: "POST", headers: request.headers, body }),
    params,
  });
}

function get(route: Route, path: string, params: Record<string, string>, cookieValue?: string) {
  return callRoute(route.loader as Handler, { request: browserRequest(path, { cookie: cookieValue }), params });
}

/** The form as a facilitator fills it in for an evening like Voorst's, in winter time. */
function validForm(overrides: Form = {}): Form {
  return {
    title: "Twee jaar samen in Twello!",
    descriptionText: "Kom kijken wat we leerden.",
    place: "Dorpshuis De Wisselslag",
    address: "Dorpsstraat 1, 7391 AA Twello",
    day: "2027-01-21",
    start: "17:00",
    end: "21:00",
    "programme[0].time": "17:45",
    "programme[0].title": "Opening",
    "programme[1].time": "",
    "programme[1].title": "",
    "programme[2].time": "17:00",
    "programme[2].title": "Inloop met buffet",
    capacity: "60",
    deadlineDay: "2027-01-14",
    deadlineTime: "23:59",
    "questions[0]": "Ik eet mee van het buffet",
    "questions[1]": "",
    asksDietary: "on",
    audience: "public",
    ...overrides,
  };
}

const newPath = () => `/teams/${team.slug}/events/new`;
const create = (form: Form, who: string = cookie.facilitator) => post(newRoute, newPath(), { team: team.slug }, form, who);
const eventCount = async () => (await db().selectFrom("event").select("id").execute()).length;
const idFrom = (response: Response) => response.headers.get("Location")!.split("/").pop()!;

async function errorsOf(response: Response): Promise<Record<string, string[] | null>> {
  const body = await response.json();
  return body.result.error;
}

describe("creating an event", () => {
  it("saves the event with its programme in time order, its questions, a readable slug and its own calendar uid", async () => {
    const response = await create(validForm());
    expect(response.status).toBe(302);
    const id = idFrom(response);
    expect(response.headers.get("Location")).toBe(`/teams/${team.slug}/events/${id}`);
    const event = await db().selectFrom("event").where("id", "=", id).selectAll().executeTakeFirstOrThrow();
    expect(event.coalition_id).toBe(team.id);
    expect(event.slug).toMatch(/^twee-jaar-samen-in-twello-[0-9a-f]{6}$/);
    expect(event.slug.length).toBeLessThanOrEqual(60);
    expect(event.ical_uid).toMatch(/^[0-9a-f-]{36}@leernetwerk$/);
    expect(event.ical_sequence).toBe(0);
    expect(event.description_text).toContain("Kom kijken");
    // Winter time: Amsterdam is UTC+1.
    expect(event.starts_at.toISOString()).toBe("2027-01-21T16:00:00.000Z");
    expect(event.ends_at.toISOString()).toBe("2027-01-21T20:00:00.000Z");
    expect(event.registration_deadline.toISOString()).toBe("2027-01-14T22:59:00.000Z");
    expect(event.capacity).toBe(60);
    expect(event.audience).toBe("public");
    expect(event.asks_dietary).toBe(true);
    const programme = await db().selectFrom("event_programme_item").where("event_id", "=", id).selectAll().orderBy("position").execute();
    expect(programme.map((item) => [item.starts_at.toISOString(), item.title])).toEqual([
      ["2027-01-21T16:00:00.000Z", "Inloop met buffet"],
      ["2027-01-21T16:45:00.000Z", "Opening"],
    ]);
    const questions = await db().selectFrom("event_question").where("event_id", "=", id).select("label").execute();
    expect(questions.map((q) => q.label)).toEqual(["Ik eet mee van het buffet"]);
  });

  it("reads summer time as UTC+2 and a long title as a slug of at most 60 characters", async () => {
    const response = await create(
      validForm({
        title: "Één lange titel met heel veel woorden over samenwerken in de buurt en nog meer",
        day: "2027-06-10",
        "programme[0].time": "17:30",
        deadlineDay: "2027-06-01",
        audience: "network",
        asksDietary: [],
      }),
    );
    expect(response.status).toBe(302);
    const event = await db().selectFrom("event").where("id", "=", idFrom(response)).selectAll().executeTakeFirstOrThrow();
    expect(event.starts_at.toISOString()).toBe("2027-06-10T15:00:00.000Z");
    expect(event.slug).toMatch(/^een-lange-titel-[a-z0-9-]+-[0-9a-f]{6}$/);
    expect(event.slug.length).toBeLessThanOrEqual(60);
    expect(event.audience).toBe("network");
    expect(event.asks_dietary).toBe(false);
  });

  const bad: [string, Form, string, string][] = [
    ["no title", { title: "" }, "title", "error.required"],
    ["an empty description", { descriptionText: "  " }, "description", "richtext.empty"],
    ["no place", { place: "" }, "place", "error.required"],
    ["no address", { address: "" }, "address", "error.required"],
    ["no day", { day: "" }, "day", "error.required"],
    ["a day that does not exist", { day: "2027-02-30" }, "day", "error.date"],
    ["a start that is no time", { start: "vijf uur" }, "start", "session.error.time"],
    ["an end before the start", { end: "16:00" }, "end", "session.error.endBeforeStart"],
    ["capacity 0", { capacity: "0" }, "capacity", "event.error.capacity"],
    ["capacity 10001", { capacity: "10001" }, "capacity", "event.error.capacity"],
    ["capacity in words", { capacity: "zestig" }, "capacity", "event.error.capacity"],
    ["no capacity", { capacity: "" }, "capacity", "event.error.capacity"],
    ["a deadline after the start", { deadlineDay: "2027-01-21", deadlineTime: "18:00" }, "deadlineDay", "event.error.deadlineAfterStart"],
    ["a deadline at the very start", { deadlineDay: "2027-01-21", deadlineTime: "17:00" }, "deadlineDay", "event.error.deadlineAfterStart"],
    ["no deadline time", { deadlineTime: "" }, "deadlineTime", "error.required"],
    ["a programme item before the start", { "programme[0].time": "16:30" }, "programme[0].time", "event.error.programmeOutside"],
    ["a programme item after the end", { "programme[0].time": "21:30" }, "programme[0].time", "event.error.programmeOutside"],
    ["a programme item without a time", { "programme[0].time": "" }, "programme[0].time", "error.required"],
    ["a programme item without a title", { "programme[0].title": "" }, "programme[0].title", "error.required"],
    [
      "an empty programme",
      { "programme[0].time": "", "programme[0].title": "", "programme[2].time": "", "programme[2].title": "" },
      "programme",
      "event.error.programmeEmpty",
    ],
    ["no audience", { audience: "" }, "audience", "error.choose"],
    ["an unknown audience", { audience: "iedereen" }, "audience", "error.choose"],
    [
      "six questions",
      Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`questions[${i}]`, `Vraag ${i + 1}`])),
      "questions",
      "event.error.tooManyQuestions",
    ],
  ];
  it.each(bad)("refuses %s with a message on that field and saves nothing", async (_name, overrides, field, message) => {
    const before = await eventCount();
    const response = await create(validForm(overrides));
    expect(response.status).toBe(400);
    expect((await errorsOf(response))[field]).toContain(message);
    expect(await eventCount()).toBe(before);
  });

  it("shows every problem at once, the times' too, when other fields are also wrong", async () => {
    const response = await create(validForm({ title: "", end: "16:00", capacity: "0" }));
    const errors = await errorsOf(response);
    expect(errors.title).toEqual(["error.required"]);
    expect(errors.end).toEqual(["session.error.endBeforeStart"]);
    expect(errors.capacity).toEqual(["event.error.capacity"]);
  });

  it("says a time the clocks skip does not exist (last Sunday of March), on the field itself", async () => {
    const before = await eventCount();
    const response = await create(
      validForm({ day: "2027-03-28", start: "02:30", end: "05:00", "programme[0].time": "04:00", "programme[2].time": "04:30", deadlineDay: "2027-03-20" }),
    );
    expect(response.status).toBe(400);
    expect((await errorsOf(response)).start).toEqual(["session.error.skippedHour"]);
    expect(await eventCount()).toBe(before);
    const deadline = await create(validForm({ deadlineDay: "2027-03-28", deadlineTime: "02:15" }));
    expect((await errorsOf(deadline)).deadlineTime).toEqual(["session.error.skippedHour"]);
  });

  it("across the change to winter time, an evening keeps its clock times (UTC+2 before, UTC+1 after)", async () => {
    const before = await create(validForm({ day: "2027-10-30", deadlineDay: "2027-10-29" }));
    const after = await create(validForm({ day: "2027-10-31", deadlineDay: "2027-10-30" }));
    const startOf = async (response: Response) =>
      (await db().selectFrom("event").where("id", "=", idFrom(response)).select("starts_at").executeTakeFirstOrThrow()).starts_at.toISOString();
    expect(await startOf(before)).toBe("2027-10-30T15:00:00.000Z");
    expect(await startOf(after)).toBe("2027-10-31T16:00:00.000Z");
  });
});

describe("the form without JavaScript", () => {
  it("has blank programme rows, five question rows, the audience with who sees it, and a textarea for the description", async () => {
    const data = await (await get(newRoute, newPath(), { team: team.slug }, cookie.facilitator)).json();
    const html = await renderPage(newRoute.default, data);
    for (let row = 0; row < 8; row++) expect(html).toContain(`name="programme[${row}].time"`);
    for (let row = 0; row < 5; row++) expect(html).toContain(`name="questions[${row}]"`);
    expect(html).not.toContain('name="questions[5]"');
    expect(html).toContain('name="descriptionText"');
    expect(html).toContain("Iedereen met de link, ook zonder account.");
    expect(html).toContain("Alleen wie is ingelogd bij het leernetwerk");
    expect(html).toContain('name="asksDietary"');
  });
});

describe("who may create, edit and list events", () => {
  let teamEvent: string;
  let programmeEvent: string;
  beforeAll(async () => {
    teamEvent = (await insertEvent({ coalitionId: team.id, createdBy: facilitatorId })).id;
    const funder = await createPerson({ accountRole: "funder" });
    programmeEvent = (await insertEvent({ coalitionId: null, createdBy: funder.id })).id;
  });

  it("offers a team's event form to its facilitators only: member, other coalition's facilitator, funder and admin get 404", async () => {
    expect((await get(newRoute, newPath(), { team: team.slug }, cookie.facilitator)).status).toBe(200);
    for (const role of ["member", "otherFacilitator", "funder", "admin"] as const) {
      expect((await get(newRoute, newPath(), { team: team.slug }, cookie[role])).status, role).toBe(404);
      const before = await eventCount();
      expect((await create(validForm(), cookie[role])).status, role).toBe(404);
      expect(await eventCount()).toBe(before);
    }
  });

  it("sends an anonymous visitor to the login page", async () => {
    const response = await get(newRoute, newPath(), { team: team.slug });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
    const refused = await post(newRoute, newPath(), { team: team.slug }, validForm());
    expect(refused.headers.get("Location")).toMatch(/^\/login/);
  });

  it("lets the funder, and only the funder, create programme-wide events (coalition none)", async () => {
    const path = "/programme/events/new";
    expect((await get(programmeNewRoute, path, {}, cookie.funder)).status).toBe(200);
    for (const role of ["facilitator", "member", "admin"] as const) {
      expect((await get(programmeNewRoute, path, {}, cookie[role])).status, role).toBe(404);
      expect((await post(programmeNewRoute, path, {}, validForm(), cookie[role])).status, role).toBe(404);
    }
    const response = await post(programmeNewRoute, path, {}, validForm(), cookie.funder);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(/^\/programme\/events\/[0-9a-f-]{36}$/);
    const row = await db().selectFrom("event").where("id", "=", idFrom(response)).select("coalition_id").executeTakeFirstOrThrow();
    expect(row.coalition_id).toBeNull();
  });

  it("shows the team's events to its members and the funder; others find nothing", async () => {
    const path = `/teams/${team.slug}/events`;
    const facilitatorList = await (await get(listRoute, path, { team: team.slug }, cookie.facilitator)).json();
    expect(facilitatorList.canOrganise).toBe(true);
    expect([...facilitatorList.coming, ...facilitatorList.past].map((e: { id: string }) => e.id)).toContain(teamEvent);
    const memberList = await (await get(listRoute, path, { team: team.slug }, cookie.member)).json();
    expect(memberList.canOrganise).toBe(false);
    expect(memberList.coming.map((e: { id: string }) => e.id)).toContain(teamEvent);
    expect((await get(listRoute, path, { team: team.slug }, cookie.funder)).status).toBe(200);
    expect((await get(listRoute, path, { team: team.slug }, cookie.otherFacilitator)).status).toBe(404);
    expect((await get(listRoute, path, { team: team.slug }, cookie.admin)).status).toBe(404);
    expect((await get(programmeListRoute, "/programme/events", {}, cookie.funder)).status).toBe(200);
    const programmeList = await (await get(programmeListRoute, "/programme/events", {}, cookie.funder)).json();
    expect(programmeList.coming.map((e: { id: string }) => e.id)).toContain(programmeEvent);
    expect(programmeList.coming.map((e: { id: string }) => e.id)).not.toContain(teamEvent);
    for (const role of ["facilitator", "member", "admin"] as const) {
      expect((await get(programmeListRoute, "/programme/events", {}, cookie[role])).status, role).toBe(404);
    }
  });

  it("opens the organiser and edit pages to the event's organisers only, under the event's own address", async () => {
    const params = { team: team.slug, id: teamEvent };
    const path = `/teams/${team.slug}/events/${teamEvent}`;
    expect((await get(detailRoute, path, params, cookie.facilitator)).status).toBe(200);
    expect((await get(editRoute, `${path}/edit`, params, cookie.facilitator)).status).toBe(200);
    for (const role of ["member", "otherFacilitator", "funder", "admin"] as const) {
      expect((await get(detailRoute, path, params, cookie[role])).status, role).toBe(404);
      expect((await get(editRoute, `${path}/edit`, params, cookie[role])).status, role).toBe(404);
      expect((await post(editRoute, `${path}/edit`, params, validForm({ version: "1" }), cookie[role])).status, role).toBe(404);
    }
    // The other coalition's address, or the programme's, does not lead to this team's event.
    expect((await get(detailRoute, path, { team: other.slug, id: teamEvent }, cookie.otherFacilitator)).status).toBe(404);
    expect((await get(programmeDetailRoute, `/programme/events/${teamEvent}`, { id: teamEvent }, cookie.funder)).status).toBe(404);
    // The programme's event: the funder organises it.
    const programmeParams = { id: programmeEvent };
    expect((await get(programmeDetailRoute, `/programme/events/${programmeEvent}`, programmeParams, cookie.funder)).status).toBe(200);
    expect((await get(programmeEditRoute, `/programme/events/${programmeEvent}/edit`, programmeParams, cookie.funder)).status).toBe(200);
    expect((await get(programmeEditRoute, `/programme/events/${programmeEvent}/edit`, programmeParams, cookie.facilitator)).status).toBe(404);
    expect((await get(programmeDetailRoute, "/programme/events/x", { id: "x" }, cookie.funder)).status).toBe(404);
  });
});

describe("editing an event", () => {
  async function freshEvent() {
    const response = await create(validForm());
    return idFrom(response);
  }
  const edit = (id: string, form: Form) =>
    post(editRoute, `/teams/${team.slug}/events/${id}/edit`, { team: team.slug, id }, form, cookie.facilitator);
  const stored = (id: string) => db().selectFrom("event").where("id", "=", id).selectAll().executeTakeFirstOrThrow();

  it("starts the form from the stored event on the Amsterdam clock", async () => {
    const id = await freshEvent();
    const data = await (await get(editRoute, `/teams/${team.slug}/events/${id}/edit`, { team: team.slug, id }, cookie.facilitator)).json();
    expect(data.defaults).toMatchObject({ day: "2027-01-21", start: "17:00", end: "21:00", deadlineDay: "2027-01-14", deadlineTime: "23:59", capacity: "60" });
    expect(data.defaults.programme.slice(0, 2)).toEqual([
      { time: "17:00", title: "Inloop met buffet" },
      { time: "17:45", title: "Opening" },
    ]);
    expect(data.defaults.questions).toEqual(["Ik eet mee van het buffet", "", "", "", ""]);
  });

  it("answers a stale save with 409 and both versions, and keeps the first save", async () => {
    const id = await freshEvent();
    expect((await edit(id, validForm({ version: "1", title: "Eerste versie" }))).status).toBe(302);
    const stale = await edit(id, validForm({ version: "1", title: "Tweede versie" }));
    expect(stale.status).toBe(409);
    const body = await stale.json();
    expect(body.current.title).toBe("Eerste versie");
    expect(body.current.version).toBe(2);
    expect(body.result.initialValue.title).toBe("Tweede versie");
    expect((await stored(id)).title).toBe("Eerste versie");
    // Saving again from the version shown works.
    expect((await edit(id, validForm({ version: "2", title: "Tweede versie" }))).status).toBe(302);
    expect((await stored(id)).version).toBe(3);
  });

  it("raises the calendar sequence on a change of time or place, not of the title", async () => {
    const id = await freshEvent();
    await edit(id, validForm({ version: "1", title: "Andere titel" }));
    expect((await stored(id)).ical_sequence).toBe(0);
    await edit(id, validForm({ version: "2", place: "Trefpunt" }));
    expect((await stored(id)).ical_sequence).toBe(1);
    await edit(id, validForm({ version: "3", place: "Trefpunt", start: "16:30" }));
    expect((await stored(id)).ical_sequence).toBe(2);
    await edit(id, validForm({ version: "4", place: "Trefpunt", start: "16:30", address: "Kerkstraat 2, Twello" }));
    expect((await stored(id)).ical_sequence).toBe(3);
  });

  it("keeps a question's answers when its label stays, and drops a question taken away", async () => {
    const id = await freshEvent();
    const [question] = await db().selectFrom("event_question").where("event_id", "=", id).select("id").execute();
    await edit(id, validForm({ version: "1", "questions[0]": "Ik neem iemand mee", "questions[1]": "Ik eet mee van het buffet" }));
    const questions = await db().selectFrom("event_question").where("event_id", "=", id).select(["id", "label"]).orderBy("position").execute();
    expect(questions.map((q) => q.label)).toEqual(["Ik neem iemand mee", "Ik eet mee van het buffet"]);
    expect(questions[1].id).toBe(question.id);
    await edit(id, validForm({ version: "2", "questions[0]": "" }));
    expect(await db().selectFrom("event_question").where("event_id", "=", id).select("id").execute()).toEqual([]);
  });

  it("does not let the capacity drop below the places already taken, and says so next to the field", async () => {
    const id = await freshEvent();
    const registration = (status: "registered" | "waiting" | "cancelled", n: number) => ({
      event_id: id,
      status,
      name: `Gast ${n}`,
      email: `gast${n}.${id.slice(0, 8)}@example.org`,
      updated_at: new Date(),
    });
    await db()
      .insertInto("event_registration")
      .values([registration("registered", 1), registration("registered", 2), registration("registered", 3), registration("waiting", 4), registration("cancelled", 5)])
      .execute();
    const page = await (await get(editRoute, `/teams/${team.slug}/events/${id}/edit`, { team: team.slug, id }, cookie.facilitator)).json();
    expect(page.registered).toBe(3);
    const refused = await edit(id, validForm({ version: "1", capacity: "2", title: "Niet opgeslagen" }));
    expect(refused.status).toBe(400);
    expect((await errorsOf(refused)).capacity).toEqual(["event.error.capacityBelowRegistered"]);
    expect((await stored(id)).capacity).toBe(60);
    expect((await stored(id)).title).not.toBe("Niet opgeslagen");
    expect((await edit(id, validForm({ version: "1", capacity: "3" }))).status).toBe(302);
    expect((await stored(id)).capacity).toBe(3);
    const html = await renderPage(editRoute.default, page);
    expect(html).toContain("Er zijn nu 3 aanmeldingen: minder plaatsen dan dat kan niet.");
    expect(html).toMatch(/name="capacity"[^>]*min="3"|min="3"[^>]*name="capacity"/);
  });

  it("moves the waiting list up when the capacity goes up, and tells those moved up", async () => {
    const id = await freshEvent();
    const registration = (status: "registered" | "waiting", n: number, minutesAgo: number) => ({
      event_id: id,
      status,
      name: `Wachtende ${n}`,
      email: `wacht${n}.${id.slice(0, 8)}@example.org`,
      created_at: new Date(Date.now() - minutesAgo * 60_000),
      updated_at: new Date(),
    });
    await db()
      .insertInto("event_registration")
      .values([registration("registered", 1, 30), registration("waiting", 2, 20), registration("waiting", 3, 10)])
      .execute();
    await edit(id, validForm({ version: "1", capacity: "1" }));
    expect((await edit(id, validForm({ version: "2", capacity: "2" }))).status).toBe(302);
    const rows = await db().selectFrom("event_registration").where("event_id", "=", id).select(["name", "status"]).orderBy("name").execute();
    expect(rows).toEqual([
      { name: "Wachtende 1", status: "registered" },
      { name: "Wachtende 2", status: "registered" },
      { name: "Wachtende 3", status: "waiting" },
    ]);
    expect((await lastMailTo(`wacht2.${id.slice(0, 8)}@example.org`))?.subject).toBeTruthy();
    expect(await lastMailTo(`wacht3.${id.slice(0, 8)}@example.org`)).toBeUndefined();
  });

  it("applies the same field rules as creating, and saves nothing on bad input", async () => {
    const id = await freshEvent();
    const response = await edit(id, validForm({ version: "1", capacity: "0", "programme[0].time": "22:00" }));
    expect(response.status).toBe(400);
    const errors = await errorsOf(response);
    expect(errors.capacity).toEqual(["event.error.capacity"]);
    expect(errors["programme[0].time"]).toEqual(["event.error.programmeOutside"]);
    expect((await stored(id)).version).toBe(1);
  });
});

describe("what was presented", () => {
  let past: string;
  let coming: string;
  let programmePast: string;
  const items = {} as Record<"ownLesson" | "teamLesson" | "otherLesson" | "deletedLesson" | "ownReflection" | "privateReflection" | "otherReflection", string>;
  beforeAll(async () => {
    const startsAt = new Date(Date.now() - 2 * 864e5);
    past = (await insertEvent({ coalitionId: team.id, createdBy: facilitatorId, startsAt, registrationDeadline: new Date(startsAt.getTime() - 864e5) })).id;
    coming = (await insertEvent({ coalitionId: team.id, createdBy: facilitatorId })).id;
    const funder = await createPerson({ accountRole: "funder" });
    programmePast = (await insertEvent({ coalitionId: null, createdBy: funder.id, startsAt, registrationDeadline: new Date(startsAt.getTime() - 864e5) })).id;
    const otherAuthor = await createPerson({ team: other });
    items.ownLesson = await writeLesson(facilitatorId, team.id, { statement: "Vertrouwen groeit door samen te doen", visibility: "network" });
    items.teamLesson = await writeLesson(facilitatorId, team.id, { statement: "Alleen voor het team", visibility: "team" });
    items.otherLesson = await writeLesson(otherAuthor.id, other.id, { statement: "Les van een andere coalitie", visibility: "network" });
    items.deletedLesson = await writeLesson(facilitatorId, team.id, { statement: "Weggegooid", visibility: "network" });
    await db().updateTable("lesson").set({ deleted_at: new Date() }).where("id", "=", items.deletedLesson).execute();
    items.ownReflection = await writeReflection(facilitatorId, team.id, { title: "De avond in het Trefpunt", text: "x", visibility: "network" });
    items.privateReflection = await writeReflection(facilitatorId, team.id, { title: "Mijn eigen notitie", text: "x", visibility: "private" });
    items.otherReflection = await writeReflection(otherAuthor.id, other.id, { title: "Reflectie elders", text: "x", visibility: "network" });
  });

  const path = (id: string) => `/teams/${team.slug}/events/${id}`;
  const present = (id: string, form: Form, who = cookie.facilitator) => post(detailRoute, path(id), { team: team.slug, id }, form, who);
  const links = async (id: string) =>
    (await db().selectFrom("event_presented").where("event_id", "=", id).select(["lesson_id", "reflection_id"]).orderBy("position").execute()).map(
      (row) => row.lesson_id ?? row.reflection_id,
    );

  it("offers the coalition's own network lessons and reflections, and only once the event has started", async () => {
    const before = await (await get(detailRoute, path(coming), { team: team.slug, id: coming }, cookie.facilitator)).json();
    expect(before.choices).toBeNull();
    const after = await (await get(detailRoute, path(past), { team: team.slug, id: past }, cookie.facilitator)).json();
    const offered = [...after.choices.lessons, ...after.choices.reflections].map((item: { id: string }) => item.id);
    expect(offered).toContain(items.ownLesson);
    expect(offered).toContain(items.ownReflection);
    for (const refused of [items.teamLesson, items.otherLesson, items.deletedLesson, items.privateReflection, items.otherReflection]) {
      expect(offered).not.toContain(refused);
    }
  });

  it("links the chosen network items in order with a short report", async () => {
    const response = await present(past, { lessons: [items.ownLesson], reflections: [items.ownReflection], reportText: "Zestig mensen kwamen kijken." });
    expect(response.status).toBe(302);
    expect(await links(past)).toEqual([items.ownLesson, items.ownReflection]);
    const event = await db().selectFrom("event").where("id", "=", past).select(["report_text", "version"]).executeTakeFirstOrThrow();
    expect(event.report_text).toContain("Zestig mensen");
    const page = await (await get(detailRoute, path(past), { team: team.slug, id: past }, cookie.facilitator)).json();
    expect(page.choices.linked.map((item: { id: string }) => item.id)).toEqual([items.ownLesson, items.ownReflection]);
  });

  it.each([
    ["a team-only lesson", "lessons", "teamLesson"],
    ["another coalition's lesson", "lessons", "otherLesson"],
    ["a deleted lesson", "lessons", "deletedLesson"],
    ["a private reflection", "reflections", "privateReflection"],
    ["another coalition's reflection", "reflections", "otherReflection"],
    ["a lesson id given as a reflection", "reflections", "ownLesson"],
  ] as const)("refuses %s with a message and saves nothing", async (_name, field, item) => {
    const before = await links(past);
    const response = await present(past, { lessons: [items.ownLesson], [field]: [...(field === "lessons" ? [items.ownLesson] : []), items[item]], reportText: "Anders" });
    expect(response.status).toBe(400);
    expect((await errorsOf(response))[field]).toEqual(["event.error.presented"]);
    expect(await links(past)).toEqual(before);
    const event = await db().selectFrom("event").where("id", "=", past).select("report_text").executeTakeFirstOrThrow();
    expect(event.report_text).not.toContain("Anders");
  });

  it("refuses ids that are no ids at all", async () => {
    const response = await present(past, { lessons: ["'; drop table event; --"] });
    expect(response.status).toBe(400);
    expect((await errorsOf(response)).lessons).toEqual(["event.error.presented"]);
  });

  it("refuses before the event has started", async () => {
    const response = await present(coming, { lessons: [items.ownLesson] });
    expect(response.status).toBe(400);
    expect((await response.json()).result.error[""]).toEqual(["event.error.notStarted"]);
    expect(await links(coming)).toEqual([]);
  });

  it("lets no one but the organisers link anything", async () => {
    for (const role of ["member", "otherFacilitator", "funder", "admin"] as const) {
      expect((await present(past, { lessons: [items.ownLesson] }, cookie[role])).status, role).toBe(404);
    }
  });

  it("for a programme-wide event, offers and accepts any coalition's network items", async () => {
    const programmePath = `/programme/events/${programmePast}`;
    const response = await post(
      programmeDetailRoute,
      programmePath,
      { id: programmePast },
      { lessons: [items.otherLesson, items.ownLesson], reflections: [items.otherReflection] },
      cookie.funder,
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(programmePath);
    expect(await links(programmePast)).toEqual([items.otherLesson, items.ownLesson, items.otherReflection]);
    const refused = await post(programmeDetailRoute, programmePath, { id: programmePast }, { lessons: [items.teamLesson] }, cookie.funder);
    expect(refused.status).toBe(400);
    expect(await links(programmePast)).toEqual([items.otherLesson, items.ownLesson, items.otherReflection]);
  });
});
