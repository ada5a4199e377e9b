import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../db/db.server";
import * as teamRoute from "../../app/routes/teams.$team._index";
import * as lessonRoute from "../../app/routes/teams.$team.lessons.$id._index";
import * as lessonsRoute from "../../app/routes/teams.$team.lessons._index";
import * as reflectionRoute from "../../app/routes/teams.$team.reflections.$id._index";
import * as reflectionsRoute from "../../app/routes/teams.$team.reflections._index";
import * as notesRoute from "../../app/routes/teams.$team.sessions.$id.notes";
import { browserRequest, callRoute, createCoalition, createPerson, sessionFor } from "../fixtures";
import { writeLesson } from "../fixtures/lessons";
import { writeReflection } from "../fixtures/reflections";
import { insertAction, insertEvaluation, insertNote, insertSession } from "../fixtures/session-rows";

// Intervision notes are confidential (DESIGN.md §3): only the session's participants — its facilitator and
// the invitees who said yes, the case bringer among them — read or write the notes, the take-away, the
// follow-up actions and the evaluations. Everyone else gets 404 and changes nothing, and nothing of the
// notes turns up anywhere else: not in the team's reflections or lessons, their search, or the team's home.

type Reader =
  | "anonymous"
  | "admin"
  | "funder"
  | "otherFacilitator"
  | "teammate"
  | "pending"
  | "declined"
  | "participant"
  | "facilitator"
  | "caseBringer";
const readers: Reader[] = [
  "anonymous",
  "admin",
  "funder",
  "otherFacilitator",
  "teammate",
  "pending",
  "declined",
  "participant",
  "facilitator",
  "caseBringer",
];
const participants: Reader[] = ["participant", "facilitator", "caseBringer"];
const isParticipant = (reader: Reader) => participants.includes(reader);

// Words as the Dutch full-text search indexes them: one token each.
const marker = {
  note: "vertrouwelijkfasekenmerk",
  takeaway: "vertrouwelijkmeeneemkenmerk",
  action: "vertrouwelijkactiekenmerk",
  evaluation: "vertrouwelijkevaluatiekenmerk",
};
const allMarkers = Object.values(marker);

let team: Awaited<ReturnType<typeof createCoalition>>;
const cookie: Partial<Record<Reader, string>> = {};
const id = {} as Record<Exclude<Reader, "anonymous">, string>;
let session: string;
let actionId: string;
let reflectionFromSession: string;
let lessonFromSession: string;

beforeAll(async () => {
  team = await createCoalition();
  const other = await createCoalition();
  const people = {
    caseBringer: await createPerson({ team }),
    facilitator: await createPerson({ team, role: "facilitator" }),
    participant: await createPerson({ team }),
    declined: await createPerson({ team }),
    pending: await createPerson({ team }),
    teammate: await createPerson({ team, role: "facilitator" }),
    otherFacilitator: await createPerson({ team: other, role: "facilitator" }),
    funder: await createPerson({ accountRole: "funder" }),
    admin: await createPerson({ accountRole: "admin" }),
  };
  for (const [reader, person] of Object.entries(people)) {
    id[reader as keyof typeof id] = person.id;
    cookie[reader as Reader] = await sessionFor(person);
  }
  session = await insertSession({
    coalitionId: team.id,
    facilitatorId: id.facilitator,
    caseBringerId: id.caseBringer,
    method: "roddelmethode",
    invitees: [
      { personId: id.caseBringer, rsvp: "yes" },
      { personId: id.participant, rsvp: "yes" },
      { personId: id.declined, rsvp: "no" },
      { personId: id.pending, rsvp: "pending" },
    ],
    takeaway: `Ik neem mee dat ik eerder moet vragen ${marker.takeaway}`,
  });
  await insertNote(session, 0, `Wat de inbrenger vertelde ${marker.note}`, id.facilitator);
  actionId = await insertAction(session, { ownerId: id.participant, what: `Bellen met de wijkagent ${marker.action}`, dueOn: "2026-04-01" });
  await insertEvaluation(session, id.caseBringer, 4, `Het roddelen hielp ${marker.evaluation}`);

  // What a participant chose to share afterwards, linked to the session, without the notes' words.
  reflectionFromSession = await writeReflection(id.caseBringer, team.id, {
    title: "Na de intervisie",
    text: "Ik vraag voortaan eerder om hulp. controlekenmerk",
    visibility: "network",
  });
  await db().updateTable("reflection").set({ session_id: session }).where("id", "=", reflectionFromSession).execute();
  lessonFromSession = await writeLesson(id.participant, team.id, { statement: "Vraag op tijd om hulp", text: "controlekenmerk", visibility: "network" });
  await db().insertInto("lesson_session").values({ lesson_id: lessonFromSession, session_id: session }).execute();
});

const notesPath = () => `/teams/${team.slug}/sessions/${session}/notes`;

function notesPage(reader: Reader, slug = team.slug) {
  return callRoute(notesRoute.loader, {
    request: browserRequest(`/teams/${slug}/sessions/${session}/notes`, { cookie: cookie[reader] }),
    params: { team: slug, id: session },
  });
}

function post(reader: Reader, form: Record<string, string>) {
  return callRoute(notesRoute.action, {
    request: browserRequest(notesPath(), { cookie: cookie[reader], form }),
    params: { team: team.slug, id: session },
  });
}

/** Everything kept in the session, to prove that a refused write changed nothing. */
async function stateOfSession() {
  const [row, notes, actions, evaluations] = await Promise.all([
    db().selectFrom("intervision_session").where("id", "=", session).select(["takeaway_text", "version", "takeaway_version", "case_bringer_id"]).executeTakeFirst(),
    db().selectFrom("session_note").where("session_id", "=", session).select(["phase", "body_text", "version"]).orderBy("phase").execute(),
    db().selectFrom("session_action").where("session_id", "=", session).select(["id", "what", "owner_id", "done_at"]).orderBy("id").execute(),
    db()
      .selectFrom("session_evaluation")
      .where("session_id", "=", session)
      .select(["person_id", "score", "comment"])
      .orderBy("person_id")
      .execute(),
  ]);
  return JSON.stringify({ row, notes, actions, evaluations });
}

function expectNotAllowed(reader: Reader, response: Response) {
  if (reader === "anonymous") {
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(/^\/login/);
  } else {
    expect(response.status).toBe(404);
  }
}

describe("reading the notes page", () => {
  it.each(readers)("for the %s", async (reader) => {
    const response = await notesPage(reader);
    if (!isParticipant(reader)) {
      expectNotAllowed(reader, response);
      const text = await response.text();
      for (const word of allMarkers) expect(text).not.toContain(word);
      return;
    }
    expect(response.status).toBe(200);
    const text = await response.text();
    // A participant reads all of it: notes, take-away, actions and everyone's evaluation.
    for (const word of allMarkers) expect(text).toContain(word);
    const data = JSON.parse(text);
    expect(data.session.caseBringerName).toBeTruthy();
    expect(data.evaluations).toHaveLength(1);
  });

  it("is 404 for a participant who asks for it under another coalition's address", async () => {
    const elsewhere = await createCoalition();
    await db()
      .insertInto("membership")
      .values({ coalition_id: elsewhere.id, person_id: id.participant, role: "member", perspective: "resident", organisation_id: null })
      .execute();
    expect((await notesPage("participant", elsewhere.slug)).status).toBe(404);
  });

  it("is 404 for an address that is not a session", async () => {
    const response = await callRoute(notesRoute.loader, {
      request: browserRequest(`/teams/${team.slug}/sessions/niet-een-id/notes`, { cookie: cookie.facilitator }),
      params: { team: team.slug, id: "niet-een-id" },
    });
    expect(response.status).toBe(404);
  });
});

const writes: [string, () => Record<string, string>][] = [
  ["phase notes", () => ({ intent: "note", phase: "0", version: "1", bodyText: "Overgenomen" })],
  ["notes of a phase without notes yet", () => ({ intent: "note", phase: "2", version: "0", bodyText: "Overgenomen" })],
  ["the take-away", () => ({ intent: "takeaway", version: "1", takeawayText: "Overgenomen" })],
  ["a follow-up action", () => ({ intent: "action", owner: id.participant, what: "Overgenomen", dueOn: "2026-05-01" })],
  ["an action ticked off", () => ({ intent: "action-done", actionId, done: "true" })],
  ["an evaluation", () => ({ intent: "evaluation", score: "1", comment: "Overgenomen" })],
];

describe.each(writes)("writing %s", (_what, form) => {
  it.each(readers.filter((reader) => !isParticipant(reader)))("is refused to the %s, and nothing changes", async (reader) => {
    const before = await stateOfSession();
    expectNotAllowed(reader, await post(reader, form()));
    expect(await stateOfSession()).toBe(before);
  });
});

describe("nothing of the notes leaves the session by itself", () => {
  const contentReaders: Reader[] = readers.filter((reader) => reader !== "anonymous" && reader !== "admin");

  it.each(readers)("the team's reflections and their search, for the %s", async (reader) => {
    for (const query of ["", ...allMarkers.map((word) => `?q=${word}`)]) {
      const response = await callRoute(reflectionsRoute.loader, {
        request: browserRequest(`/teams/${team.slug}/reflections${query}`, { cookie: cookie[reader] }),
        params: { team: team.slug },
      });
      if (!contentReaders.includes(reader)) {
        expect(response.status).toBe(reader === "anonymous" ? 302 : 404);
        continue;
      }
      const data = await response.json();
      // A search echoes its own words back in `filters`; what was found is in `page`.
      const shown = query ? JSON.stringify(data.page) : JSON.stringify(data);
      for (const word of allMarkers) expect(shown).not.toContain(word);
      if (query) expect(data.page.items).toEqual([]);
    }
  });

  it.each(readers)("the team's lessons and their search, for the %s", async (reader) => {
    for (const query of ["", ...allMarkers.map((word) => `?q=${word}`)]) {
      const response = await callRoute(lessonsRoute.loader, {
        request: browserRequest(`/teams/${team.slug}/lessons${query}`, { cookie: cookie[reader] }),
        params: { team: team.slug },
      });
      if (!contentReaders.includes(reader)) {
        expect(response.status).toBe(reader === "anonymous" ? 302 : 404);
        continue;
      }
      const data = await response.json();
      // A search echoes its own words back in `filters`; what was found is in `page`.
      const shown = query ? JSON.stringify(data.page) : JSON.stringify(data);
      for (const word of allMarkers) expect(shown).not.toContain(word);
      if (query) expect(data.page.items).toEqual([]);
    }
  });

  it("while the search itself works (a control word is found)", async () => {
    const response = await callRoute(reflectionsRoute.loader, {
      request: browserRequest(`/teams/${team.slug}/reflections?q=controlekenmerk`, { cookie: cookie.teammate }),
      params: { team: team.slug },
    });
    expect((await response.json()).page.items.map((item: { id: string }) => item.id)).toEqual([reflectionFromSession]);
  });

  it.each(readers)("the team's home, for the %s", async (reader) => {
    const response = await callRoute(teamRoute.loader, {
      request: browserRequest(`/teams/${team.slug}`, { cookie: cookie[reader] }),
      params: { team: team.slug },
    });
    if (reader === "anonymous") return expect(response.status).toBe(302);
    const text = await response.text();
    for (const word of [marker.note, marker.takeaway, marker.evaluation]) expect(text).not.toContain(word);
    // A follow-up action shows on the home of the person who owns it, and of nobody else.
    expect(text.includes(marker.action)).toBe(reader === "participant");
  });

  it.each(readers)("a reflection and a lesson written from the session, for the %s", async (reader) => {
    const pages = [
      await callRoute(reflectionRoute.loader, {
        request: browserRequest(`/teams/${team.slug}/reflections/${reflectionFromSession}`, { cookie: cookie[reader] }),
        params: { team: team.slug, id: reflectionFromSession },
      }),
      await callRoute(lessonRoute.loader, {
        request: browserRequest(`/teams/${team.slug}/lessons/${lessonFromSession}`, { cookie: cookie[reader] }),
        params: { team: team.slug, id: lessonFromSession },
      }),
    ];
    for (const response of pages) {
      if (!contentReaders.includes(reader)) {
        expect(response.status).toBe(reader === "anonymous" ? 302 : 404);
        continue;
      }
      expect(response.status).toBe(200);
      const text = await response.text();
      for (const word of allMarkers) expect(text).not.toContain(word);
      expect(text).not.toContain(session);
      const data = JSON.parse(text);
      const origins = "reflection" in data ? [data.reflection.fromSession].filter(Boolean) : data.lesson.fromSessions;
      // "Uit een intervisie van …": method and date, for those who may know the session took place.
      if (reader === "otherFacilitator") {
        expect(origins).toEqual([]);
      } else {
        expect(origins).toEqual([{ method: "roddelmethode", methodName: { nl: "Roddelmethode", en: "Gossip method" }, startsAt: "2026-03-10T18:30:00.000Z" }]);
      }
    }
  });
});
