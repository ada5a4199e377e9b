import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { db } from "../../db/db.server";
import { getUser, requireTeamReader } from "../../app/auth/permissions.server";
import { openActionsFor } from "../../app/domain/sessions/notes/session-notes.server";
import { todayInAmsterdam } from "../../app/i18n/dates";
import * as methodRoute from "../../app/routes/methods.$method";
import * as methodsRoute from "../../app/routes/methods._index";
import * as teamRoute from "../../app/routes/teams.$team._index";
import * as lessonRoute from "../../app/routes/teams.$team.lessons.$id._index";
import * as newLessonRoute from "../../app/routes/teams.$team.lessons.new";
import * as reflectionRoute from "../../app/routes/teams.$team.reflections.$id._index";
import * as newReflectionRoute from "../../app/routes/teams.$team.reflections.new";
import * as notesRoute from "../../app/routes/teams.$team.sessions.$id.notes";
import { BASE, browserRequest, callRoute, createCoalition, createPerson, sessionFor } from "../fixtures";
import { insertAction, insertSession } from "../fixtures/session-rows";

// Holding an intervision session on its notes page: notes per phase of the method (no save lost to another's),
// the case bringer's take-away, follow-up actions that reach their owner's team home, and the closing
// evaluation; and afterwards a participant turning the take-away into a reflection or a lesson.

type Person = "facilitator" | "caseBringer" | "participant" | "teammate";
let team: Awaited<ReturnType<typeof createCoalition>>;
const id = {} as Record<Person, string>;
const cookie = {} as Record<Person, string>;
let session: string;

beforeAll(async () => {
  team = await createCoalition();
  const people = {
    facilitator: await createPerson({ team, role: "facilitator", name: "Fenna Begeleider" }),
    caseBringer: await createPerson({ team, name: "Ibrahim Inbrenger" }),
    participant: await createPerson({ team, name: "Dirk Deelnemer" }),
    teammate: await createPerson({ team, name: "Tina Teamlid" }),
  };
  for (const [who, person] of Object.entries(people)) {
    id[who as Person] = person.id;
    cookie[who as Person] = await sessionFor(person);
  }
  session = await newSession({ caseBringer: true });
});

function newSession(options: { caseBringer: boolean }) {
  return insertSession({
    coalitionId: team.id,
    facilitatorId: id.facilitator,
    caseBringerId: options.caseBringer ? id.caseBringer : null,
    method: "incidentmethode",
    invitees: [
      { personId: id.caseBringer, rsvp: "yes" },
      { personId: id.participant, rsvp: "yes" },
    ],
  });
}

const notesPath = (sessionId = session) => `/teams/${team.slug}/sessions/${sessionId}/notes`;

async function notes(who: Person, sessionId = session) {
  const response = await callRoute(notesRoute.loader, {
    request: browserRequest(notesPath(sessionId), { cookie: cookie[who] }),
    params: { team: team.slug, id: sessionId },
  });
  expect(response.status).toBe(200);
  return response.json();
}

function post(who: Person, form: Record<string, string>, sessionId = session) {
  return callRoute(notesRoute.action, {
    request: browserRequest(notesPath(sessionId), { cookie: cookie[who], form }),
    params: { team: team.slug, id: sessionId },
  });
}

async function note(phase: number, sessionId = session) {
  return db()
    .selectFrom("session_note")
    .where("session_id", "=", sessionId)
    .where("phase", "=", phase)
    .select(["body_text", "version", "updated_by"])
    .executeTakeFirst();
}

/** The person's open actions on the team's home, as openActionsFor gives them (today: a day in Amsterdam). */
async function openActions(who: Person, today?: string) {
  const user = (await getUser(new Request(BASE, { headers: { Cookie: cookie[who] } })))!;
  return openActionsFor(user, await requireTeamReader(user, team.slug), today);
}

describe("notes per phase", () => {
  it("name the roles the method asks for: the case bringer and the timekeeper the facilitator assigned", async () => {
    expect((await notes("participant")).session).toMatchObject({ caseBringerName: "Ibrahim Inbrenger", timekeeperName: null });
    const timed = await insertSession({
      coalitionId: team.id,
      facilitatorId: id.facilitator,
      timekeeperId: id.participant,
      invitees: [{ personId: id.participant, rsvp: "yes" }],
    });
    expect((await notes("participant", timed)).session.timekeeperName).toBe("Dirk Deelnemer");
  });

  it("shows the method's phases as sections, each with what happens and its minutes", async () => {
    const data = await notes("participant");
    expect(data.phases.length).toBe(7);
    expect(data.phases[1]).toMatchObject({ index: 1, minutes: 10, name: { nl: "Het incident vertellen" }, note: null });
    expect(data.phases[1].what.nl).toBeTruthy();
  });

  it("saves the notes of one phase on their own, and a second save builds on the first", async () => {
    const first = await post("participant", { intent: "note", phase: "1", version: "0", bodyText: "De inbrenger vertelde over de buurtavond." });
    expect(first.status).toBe(302);
    expect(first.headers.get("Location")).toBe(`${notesPath()}#phase-2`);
    expect(await note(1)).toEqual({ body_text: "De inbrenger vertelde over de buurtavond.", version: 1, updated_by: id.participant });
    expect(await note(0)).toBeUndefined();

    const second = await post("facilitator", { intent: "note", phase: "1", version: "1", bodyText: "Aangevuld door de gespreksleider." });
    expect(second.status).toBe(302);
    expect(await note(1)).toEqual({ body_text: "Aangevuld door de gespreksleider.", version: 2, updated_by: id.facilitator });

    const data = await notes("caseBringer");
    expect(data.phases[1].note).toMatchObject({ version: 2, updatedByName: "Fenna Begeleider" });
    expect(JSON.stringify(data.phases[1].note.body)).toContain("Aangevuld door de gespreksleider.");
    expect(data.phases[2].note).toBeNull();
  });

  it("takes the editor's JSON as well as the plain textarea", async () => {
    const state = {
      root: { type: "root", version: 1, direction: null, format: "", indent: 0, children: [
        { type: "paragraph", version: 1, direction: null, format: "", indent: 0, textFormat: 0, textStyle: "", children: [
          { type: "text", version: 1, text: "Vetgedrukt inzicht", format: 1, detail: 0, mode: "normal", style: "" },
        ] },
      ] },
    };
    const response = await post("caseBringer", { intent: "note", phase: "3", version: "0", body: JSON.stringify(state) });
    expect(response.status).toBe(302);
    expect((await note(3))?.body_text).toBe("Vetgedrukt inzicht");
  });

  it("refuse an @mention, even of a participant: notes never leave the session, not even as a notification", async () => {
    const mention = { type: "mention", version: 1, personId: "0b5f7c1e-2a3d-4e5f-8a9b-0c1d2e3f4a5b", text: "@Iemand", format: 0, detail: 0, mode: "token", style: "" };
    const state = { root: { type: "root", children: [{ type: "paragraph", children: [mention] }] } };
    const response = await post("caseBringer", { intent: "note", phase: "2", version: "0", body: JSON.stringify(state) });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain("richtext.invalid");
    expect(await note(2)).toBeUndefined();
  });

  it("on a stale save shows both versions, keeps the typed text and overwrites nothing", async () => {
    // Both start from version 1 of phase 4; the facilitator saves first.
    expect((await post("facilitator", { intent: "note", phase: "4", version: "0", bodyText: "Eerste versie." })).status).toBe(302);
    expect((await post("facilitator", { intent: "note", phase: "4", version: "1", bodyText: "Versie van de gespreksleider." })).status).toBe(302);
    const stale = await post("participant", { intent: "note", phase: "4", version: "1", bodyText: "Mijn eigen aantekening." });
    expect(stale.status).toBe(409);
    const reply = await stale.json();
    expect(reply).toMatchObject({ intent: "note", phase: 4 });
    expect(JSON.stringify(reply.body)).toContain("Mijn eigen aantekening.");
    expect(reply.conflict.current).toMatchObject({ version: 2, updatedByName: "Fenna Begeleider" });
    expect(JSON.stringify(reply.conflict.current.body)).toContain("Versie van de gespreksleider.");
    expect(await note(4)).toMatchObject({ body_text: "Versie van de gespreksleider.", version: 2 });

    // Saving again from the version now shown goes through.
    const merged = await post("participant", { intent: "note", phase: "4", version: "2", bodyText: "Samengevoegd." });
    expect(merged.status).toBe(302);
    expect(await note(4)).toMatchObject({ body_text: "Samengevoegd.", version: 3 });
  });

  it("treats notes that someone else started first as a conflict too", async () => {
    expect((await post("facilitator", { intent: "note", phase: "5", version: "0", bodyText: "Wie het eerst komt." })).status).toBe(302);
    const late = await post("caseBringer", { intent: "note", phase: "5", version: "0", bodyText: "Ik begon tegelijk." });
    expect(late.status).toBe(409);
    expect(JSON.stringify((await late.json()).body)).toContain("Ik begon tegelijk.");
    expect(await note(5)).toMatchObject({ body_text: "Wie het eerst komt.", version: 1 });
  });

  it("refuses a phase the method does not have and bad input, saving nothing", async () => {
    expect((await post("facilitator", { intent: "note", phase: "7", version: "0", bodyText: "Buiten de methode" })).status).toBe(404);
    expect(await note(7)).toBeUndefined();
    const malformed = await post("facilitator", { intent: "note", phase: "-1", version: "0", bodyText: "Negatief" });
    expect(malformed.status).toBe(400);
    const badLink = await post("facilitator", {
      intent: "note",
      phase: "6",
      version: "0",
      body: JSON.stringify({
        root: { type: "root", version: 1, direction: null, format: "", indent: 0, children: [
          { type: "paragraph", version: 1, direction: null, format: "", indent: 0, children: [
            { type: "link", version: 1, url: "javascript:alert(1)", direction: null, format: "", indent: 0, children: [
              { type: "text", version: 1, text: "klik", format: 0, detail: 0, mode: "normal", style: "" },
            ] },
          ] },
        ] },
      }),
    });
    expect(badLink.status).toBe(400);
    expect((await badLink.json()).result.error.body).toEqual(["richtext.badLink"]);
    expect(await note(6)).toBeUndefined();
  });
});

describe("the case bringer's take-away", () => {
  async function takeaway(sessionId = session) {
    return db().selectFrom("intervision_session").where("id", "=", sessionId).select(["takeaway_text", "takeaway_version as version"]).executeTakeFirstOrThrow();
  }

  it("is not made stale by changes to the session itself (confirming, moving, choosing a case bringer)", async () => {
    const { version } = await takeaway();
    await db().updateTable("intervision_session").set({ version: sql<number>`version + 5` }).where("id", "=", session).execute();
    const response = await post("caseBringer", { intent: "takeaway", version: String(version), takeawayText: "Nog steeds van mij." });
    expect(response.status).toBe(302);
    expect((await takeaway()).takeaway_text).toBe("Nog steeds van mij.");
  });

  it("is written by the case bringer and read by every participant", async () => {
    expect((await notes("caseBringer")).canWriteTakeaway).toBe(true);
    expect((await notes("participant")).canWriteTakeaway).toBe(false);
    expect((await notes("facilitator")).canWriteTakeaway).toBe(false);
    const { version } = await takeaway();
    const response = await post("caseBringer", { intent: "takeaway", version: String(version), takeawayText: "Ik vraag eerder om hulp." });
    expect(response.status).toBe(302);
    expect(await takeaway()).toEqual({ takeaway_text: "Ik vraag eerder om hulp.", version: version + 1 });
    for (const who of ["participant", "facilitator"] as const) {
      const data = await notes(who);
      expect(data.session.hasTakeaway).toBe(true);
      expect(JSON.stringify(data.session.takeaway)).toContain("Ik vraag eerder om hulp.");
    }
  });

  it.each(["participant", "facilitator"] as const)("is not written by another participant (the %s): 404, nothing changed", async (who) => {
    const before = await takeaway();
    const response = await post(who, { intent: "takeaway", version: String(before.version), takeawayText: "Overschreven" });
    expect(response.status).toBe(404);
    expect(await takeaway()).toEqual(before);
  });

  it("is written by any participant while no case bringer is set", async () => {
    const open = await newSession({ caseBringer: false });
    expect((await notes("participant", open)).canWriteTakeaway).toBe(true);
    const response = await post("participant", { intent: "takeaway", version: "1", takeawayText: "Samen opgeschreven." }, open);
    expect(response.status).toBe(302);
    expect((await takeaway(open)).takeaway_text).toBe("Samen opgeschreven.");
  });

  it("keeps the typed text on a stale save", async () => {
    const before = await takeaway();
    const stale = await post("caseBringer", { intent: "takeaway", version: String(before.version - 1), takeawayText: "Oude basis, nieuwe tekst." });
    expect(stale.status).toBe(409);
    const reply = await stale.json();
    expect(JSON.stringify(reply.takeaway)).toContain("Oude basis, nieuwe tekst.");
    expect(reply.conflict.current.version).toBe(before.version);
    expect(await takeaway()).toEqual(before);
  });
});

describe("follow-up actions", () => {
  async function actionCount() {
    return (await db().selectFrom("session_action").where("session_id", "=", session).select("id").execute()).length;
  }

  it("are added for a participant, with what and by when, and listed on the notes page", async () => {
    const response = await post("facilitator", { intent: "action", owner: id.participant, what: "De wijkagent bellen", dueOn: "2026-04-15" });
    expect(response.status).toBe(302);
    const data = await notes("caseBringer");
    expect(data.actions).toContainEqual(
      expect.objectContaining({ what: "De wijkagent bellen", dueOn: "2026-04-15", ownerName: "Dirk Deelnemer", doneAt: null }),
    );
  });

  it.each([
    ["someone who does not take part", () => ({ owner: id.teammate, what: "Iets doen" }), { owner: ["notes.action.error.owner"] }],
    ["no owner", () => ({ what: "Iets doen" }), { owner: ["error.choose"] }],
    ["nothing to do", () => ({ owner: id.participant, what: "   " }), { what: ["error.required"] }],
    ["a date that does not exist", () => ({ owner: id.participant, what: "Iets doen", dueOn: "2026-02-30" }), { dueOn: ["error.date"] }],
  ])("are refused for %s, per field and with nothing saved", async (_what, form, errors) => {
    const before = await actionCount();
    const response = await post("facilitator", { intent: "action", ...form() });
    expect(response.status).toBe(400);
    expect((await response.json()).result.error).toEqual(errors);
    expect(await actionCount()).toBe(before);
  });

  it("show on the team's home of their owner only, until they are done", async () => {
    const actionId = await insertAction(session, { ownerId: id.caseBringer, what: "Verslag sturen aan de coalitie", dueOn: "2026-05-01", createdBy: id.facilitator });
    const today = "2026-04-01";
    expect((await openActions("caseBringer", today)).map((a) => a.what)).toContain("Verslag sturen aan de coalitie");
    for (const who of ["facilitator", "participant", "teammate"] as const) {
      expect((await openActions(who, today)).map((a) => a.what)).not.toContain("Verslag sturen aan de coalitie");
    }
    const home = await callRoute(teamRoute.loader, { request: browserRequest(`/teams/${team.slug}`, { cookie: cookie.caseBringer }), params: { team: team.slug } });
    const actions = (await home.json()).home.actions;
    expect(actions).toContainEqual(
      expect.objectContaining({ id: actionId, what: "Verslag sturen aan de coalitie", dueOn: "2026-05-01", notesPath: notesPath() }),
    );

    // Ticked off by any participant: it leaves the owner's home; ticked back on, it returns.
    expect((await post("participant", { intent: "action-done", actionId, done: "true" })).status).toBe(302);
    expect((await openActions("caseBringer", today)).map((a) => a.id)).not.toContain(actionId);
    expect((await notes("facilitator")).actions.find((a: { id: string }) => a.id === actionId).doneAt).not.toBeNull();
    expect((await post("facilitator", { intent: "action-done", actionId, done: "false" })).status).toBe(302);
    expect((await openActions("caseBringer", today)).map((a) => a.id)).toContain(actionId);
  });

  it("of another session cannot be ticked off through this one", async () => {
    const elsewhere = await newSession({ caseBringer: false });
    const foreign = await insertAction(elsewhere, { ownerId: id.participant, what: "Elders" });
    expect((await post("facilitator", { intent: "action-done", actionId: foreign, done: "true" })).status).toBe(404);
    const row = await db().selectFrom("session_action").where("id", "=", foreign).select("done_at").executeTakeFirstOrThrow();
    expect(row.done_at).toBeNull();
  });

  it("are overdue once their day has passed in Amsterdam, not before", async () => {
    const due = await insertAction(session, { ownerId: id.participant, what: "Terugkoppelen aan de buurt", dueOn: "2026-03-09" });
    const overdue = async (now: Date) =>
      (await openActions("participant", todayInAmsterdam(now))).find((a) => a.id === due)?.overdue;
    // 23:30 UTC on 9 March is still 9 March in UTC, but already 10 March in Amsterdam (UTC+1).
    expect(await overdue(new Date("2026-03-09T22:30:00Z"))).toBe(false);
    expect(await overdue(new Date("2026-03-09T23:30:00Z"))).toBe(true);
    // Summer time: 22:30 UTC on 9 July is 00:30 on 10 July in Amsterdam (UTC+2).
    const summer = await insertAction(session, { ownerId: id.participant, what: "Zomeractie", dueOn: "2026-07-09" });
    const summerOverdue = async (now: Date) =>
      (await openActions("participant", todayInAmsterdam(now))).find((a) => a.id === summer)?.overdue;
    expect(await summerOverdue(new Date("2026-07-09T21:30:00Z"))).toBe(false);
    expect(await summerOverdue(new Date("2026-07-09T22:30:00Z"))).toBe(true);
  });

  it("leave the home of someone no longer taking part", async () => {
    const later = await insertSession({
      coalitionId: team.id,
      facilitatorId: id.facilitator,
      invitees: [{ personId: id.teammate, rsvp: "yes" }],
    });
    const actionId = await insertAction(later, { ownerId: id.teammate, what: "Iets voor later" });
    expect((await openActions("teammate")).map((a) => a.id)).toContain(actionId);
    await db().updateTable("session_invitee").set({ rsvp: "no" }).where("session_id", "=", later).where("person_id", "=", id.teammate).execute();
    expect((await openActions("teammate")).map((a) => a.id)).not.toContain(actionId);
  });
});

describe("the closing evaluation", () => {
  async function evaluations() {
    return db()
      .selectFrom("session_evaluation")
      .where("session_id", "=", session)
      .select(["person_id", "score", "comment"])
      .orderBy("person_id")
      .execute();
  }

  it.each([
    ["0", { score: ["notes.evaluation.error.score"] }],
    ["6", { score: ["notes.evaluation.error.score"] }],
    ["3.5", { score: ["notes.evaluation.error.score"] }],
    ["drie", { score: ["notes.evaluation.error.score"] }],
  ])("refuses the score %s with a message at the score, saving nothing", async (score, errors) => {
    const before = await evaluations();
    const response = await post("participant", { intent: "evaluation", score, comment: "Het hielp." });
    expect(response.status).toBe(400);
    expect((await response.json()).result.error).toEqual(errors);
    expect(await evaluations()).toEqual(before);
  });

  it("says what is wrong per field when both are wrong", async () => {
    const response = await post("participant", { intent: "evaluation", comment: "" });
    expect(response.status).toBe(400);
    expect((await response.json()).result.error).toEqual({
      score: ["notes.evaluation.error.score"],
      comment: ["notes.evaluation.error.comment"],
    });
  });

  it.each(["1", "5"])("takes the score %s", async (score) => {
    const response = await post("caseBringer", { intent: "evaluation", score, comment: `Een ${score}.` });
    expect(response.status).toBe(302);
    expect((await evaluations()).find((e) => e.person_id === id.caseBringer)).toMatchObject({ score: Number(score) });
  });

  it("keeps one per person, changed by saving again, and shows everyone's to every participant", async () => {
    expect((await post("participant", { intent: "evaluation", score: "3", comment: "Goed, maar te kort." })).status).toBe(302);
    expect((await post("participant", { intent: "evaluation", score: "4", comment: "Achteraf toch heel nuttig." })).status).toBe(302);
    expect((await post("facilitator", { intent: "evaluation", score: "5", comment: "Fijne groep." })).status).toBe(302);
    const rows = await evaluations();
    expect(rows.filter((row) => row.person_id === id.participant)).toEqual([
      { person_id: id.participant, score: 4, comment: "Achteraf toch heel nuttig." },
    ]);
    const data = await notes("caseBringer");
    expect(data.evaluations.map((e: { name: string; score: number }) => [e.name, e.score])).toEqual(
      expect.arrayContaining([
        ["Dirk Deelnemer", 4],
        ["Fenna Begeleider", 5],
      ]),
    );
    expect((await notes("participant")).myEvaluation).toMatchObject({ score: 4, comment: "Achteraf toch heel nuttig." });
  });
});

describe("after the session: a take-away turned into a reflection or a lesson", () => {
  const marker = "geheimeaantekeningkenmerk";

  beforeAll(async () => {
    await db()
      .updateTable("intervision_session")
      .set({ takeaway_text: `Wat ik meeneem ${marker}` })
      .where("id", "=", session)
      .execute();
  });

  async function newForm(route: typeof newReflectionRoute | typeof newLessonRoute, kind: string, who: Person) {
    const response = await callRoute(route.loader, {
      request: browserRequest(`/teams/${team.slug}/${kind}/new?session=${session}`, { cookie: cookie[who] }),
      params: { team: team.slug },
    });
    expect(response.status).toBe(200);
    return response.text();
  }

  it("offers the links on the notes page once there is a take-away", async () => {
    expect((await notes("participant")).session.hasTakeaway).toBe(true);
  });

  it.each([
    ["reflections", newReflectionRoute],
    ["lessons", newLessonRoute],
  ] as const)("the new %s form names the session for a participant, copies nothing from the notes", async (kind, route) => {
    const text = await newForm(route, kind, "participant");
    const data = JSON.parse(text);
    expect(data.fromSession).toMatchObject({ id: session, method: "incidentmethode" });
    expect(text).not.toContain(marker);
    expect(text).not.toContain("Samengevoegd");
    if (kind === "reflections") expect(data.body).toBeNull();
  });

  it.each([
    ["reflections", newReflectionRoute],
    ["lessons", newLessonRoute],
  ] as const)("the new %s form ignores ?session= for a team member who did not take part", async (kind, route) => {
    const text = await newForm(route, kind, "teammate");
    expect(JSON.parse(text).fromSession).toBeNull();
    expect(text).not.toContain(session);
  });

  function saveReflection(who: Person, form: Record<string, string>) {
    return callRoute(newReflectionRoute.action, {
      request: browserRequest(`/teams/${team.slug}/reflections/new?session=${session}`, { cookie: cookie[who], form }),
      params: { team: team.slug },
    });
  }

  function saveLesson(who: Person, form: Record<string, string>) {
    return callRoute(newLessonRoute.action, {
      request: browserRequest(`/teams/${team.slug}/lessons/new?session=${session}`, { cookie: cookie[who], form }),
      params: { team: team.slug },
    });
  }

  const reflectionForm = { title: "Eerder om hulp vragen", bodyText: "Wat ik zelf wil delen.", happenedOn: "2026-03-10", session: "" };
  const lessonForm = { statement: "Vraag op tijd om hulp", explanationText: "Zo zeiden we het samen.", session: "" };

  it("asks the visibility to be chosen: nothing is chosen for the writer, nothing saved without it", async () => {
    const reflections = await db().selectFrom("reflection").select("id").execute();
    const lessons = await db().selectFrom("lesson").select("id").execute();
    const refused = [await saveReflection("participant", { ...reflectionForm, session }), await saveLesson("participant", { ...lessonForm, session })];
    for (const response of refused) {
      expect(response.status).toBe(400);
      expect((await response.json()).result.error.visibility).toEqual(["error.choose"]);
    }
    expect(await db().selectFrom("reflection").select("id").execute()).toHaveLength(reflections.length);
    expect(await db().selectFrom("lesson").select("id").execute()).toHaveLength(lessons.length);
  });

  it("links the session to a participant's reflection, shown by method and date", async () => {
    const response = await saveReflection("participant", { ...reflectionForm, session, visibility: "team" });
    expect(response.status).toBe(302);
    const reflectionId = response.headers.get("Location")!.split("/").pop()!;
    const row = await db().selectFrom("reflection").where("id", "=", reflectionId).select(["session_id", "body_text", "visibility"]).executeTakeFirstOrThrow();
    expect(row).toEqual({ session_id: session, body_text: "Wat ik zelf wil delen.", visibility: "team" });
    const page = await callRoute(reflectionRoute.loader, {
      request: browserRequest(`/teams/${team.slug}/reflections/${reflectionId}`, { cookie: cookie.teammate }),
      params: { team: team.slug, id: reflectionId },
    });
    const data = await page.json();
    expect(data.reflection.fromSession).toEqual({ method: "incidentmethode", methodName: { nl: "Incidentmethode", en: "Incident method" }, startsAt: "2026-03-10T18:30:00.000Z" });
    expect(JSON.stringify(data)).not.toContain(marker);
  });

  it("links the session to a participant's lesson", async () => {
    const response = await saveLesson("caseBringer", { ...lessonForm, session, visibility: "network" });
    expect(response.status).toBe(302);
    const lessonId = response.headers.get("Location")!.split("/").pop()!;
    expect(await db().selectFrom("lesson_session").where("lesson_id", "=", lessonId).select("session_id").execute()).toEqual([{ session_id: session }]);
    const page = await callRoute(lessonRoute.loader, {
      request: browserRequest(`/teams/${team.slug}/lessons/${lessonId}`, { cookie: cookie.teammate }),
      params: { team: team.slug, id: lessonId },
    });
    expect((await page.json()).lesson.fromSessions).toEqual([{ method: "incidentmethode", methodName: { nl: "Incidentmethode", en: "Incident method" }, startsAt: "2026-03-10T18:30:00.000Z" }]);
  });

  it("does not link the session for a team member who did not take part (saved, silently unlinked)", async () => {
    const reflection = await saveReflection("teammate", { ...reflectionForm, title: "Niet deelgenomen", session, visibility: "team" });
    expect(reflection.status).toBe(302);
    const reflectionId = reflection.headers.get("Location")!.split("/").pop()!;
    expect((await db().selectFrom("reflection").where("id", "=", reflectionId).select("session_id").executeTakeFirstOrThrow()).session_id).toBeNull();

    const lesson = await saveLesson("teammate", { ...lessonForm, statement: "Niet deelgenomen", session, visibility: "team" });
    expect(lesson.status).toBe(302);
    const lessonId = lesson.headers.get("Location")!.split("/").pop()!;
    expect(await db().selectFrom("lesson_session").where("lesson_id", "=", lessonId).select("session_id").execute()).toEqual([]);
  });

  it("does not link a session of another coalition, even for its participant", async () => {
    const other = await createCoalition();
    await db()
      .insertInto("membership")
      .values({ coalition_id: other.id, person_id: id.participant, role: "member", perspective: "resident", organisation_id: null })
      .execute();
    const response = await callRoute(newReflectionRoute.action, {
      request: browserRequest(`/teams/${other.slug}/reflections/new`, {
        cookie: cookie.participant,
        form: { ...reflectionForm, title: "Elders", session, visibility: "team" },
      }),
      params: { team: other.slug },
    });
    expect(response.status).toBe(302);
    const reflectionId = response.headers.get("Location")!.split("/").pop()!;
    expect((await db().selectFrom("reflection").where("id", "=", reflectionId).select("session_id").executeTakeFirstOrThrow()).session_id).toBeNull();
  });
});

describe("the methods library", () => {
  it("is read by anyone signed in, a method at a time", async () => {
    const funder = await sessionFor(await createPerson({ accountRole: "funder" }));
    for (const who of [cookie.teammate, funder]) {
      const list = await callRoute(methodsRoute.loader, { request: browserRequest("/methods", { cookie: who }) });
      expect(list.status).toBe(200);
      const one = await callRoute(methodRoute.loader, {
        request: browserRequest("/methods/balintmethode", { cookie: who }),
        params: { method: "balintmethode" },
      });
      expect(one.status).toBe(200);
      expect((await one.json()).method).toMatchObject({ slug: "balintmethode", name: { nl: "Balintmethode" } });
    }
  });

  it("answers 404 for an unknown method and sends the anonymous to the login", async () => {
    const unknown = await callRoute(methodRoute.loader, {
      request: browserRequest("/methods/bestaat-niet", { cookie: cookie.teammate }),
      params: { method: "bestaat-niet" },
    });
    expect(unknown.status).toBe(404);
    expect((await callRoute(methodsRoute.loader, { request: browserRequest("/methods") })).status).toBe(302);
  });
});
