import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../db/db.server";
import * as listRoute from "../../app/routes/teams.$team.sessions._index";
import * as newRoute from "../../app/routes/teams.$team.sessions.new";
import { browserRequest, callRoute, createCoalition, createPerson, sessionFor } from "../fixtures";
import {
  scheduleSession,
  sessionAction,
  sessionForm,
  sessionPageFor,
  slotsOf,
  submitNewSession,
  type SlotInput,
} from "../fixtures/sessions";

// The availability poll: invitees answer per candidate time (yes / if need be / no), change their answers
// while the poll is open, and see everyone's tallies; only the session's facilitator confirms a time, after
// which the poll is closed and a "yes" for the confirmed time counts as coming. Only a time someone can
// make is suggested. And the scheduling form refuses bad input field by field, saving nothing.

let team: Awaited<ReturnType<typeof createCoalition>>;
const people = {} as Record<"facilitator" | "ans" | "bram" | "cor" | "coFacilitator" | "otherFacilitator" | "funder", { id: string; name: string }>;
const cookie = {} as Record<keyof typeof people, string>;
let sessionId: string;
let slotIds: string[];

const times: SlotInput[] = [
  { date: "2027-02-02", start: "19:30", end: "21:30" },
  { date: "2027-02-04", start: "10:00", end: "12:00" },
  { date: "2027-02-09", start: "14:00", end: "16:00" },
];

beforeAll(async () => {
  team = await createCoalition();
  const other = await createCoalition();
  people.facilitator = await createPerson({ team, role: "facilitator", name: "Fenna Begeleider" });
  people.ans = await createPerson({ team, name: "Ans Jansen" });
  people.bram = await createPerson({ team, name: "Bram de Vries" });
  people.cor = await createPerson({ team, name: "Cor Niet-Uitgenodigd" });
  people.coFacilitator = await createPerson({ team, role: "facilitator", name: "Gerda Ook-Begeleider" });
  people.otherFacilitator = await createPerson({ team: other, role: "facilitator" });
  people.funder = await createPerson({ accountRole: "funder" });
  for (const [key, person] of Object.entries(people)) cookie[key as keyof typeof people] = await sessionFor(person);
  sessionId = await scheduleSession(team, cookie.facilitator, {
    invitees: [people.ans.id, people.bram.id],
    slots: times,
    blankRows: 5,
  });
  slotIds = (await slotsOf(sessionId)).map((slot) => slot.id);
});

async function poll(who: keyof typeof people) {
  const response = await sessionPageFor(team, sessionId, cookie[who]);
  expect(response.status).toBe(200);
  const data = await response.json();
  return data.page;
}

function vote(who: keyof typeof people, answers: Record<number, "yes" | "maybe" | "no">) {
  return sessionAction(team, sessionId, cookie[who], [
    ["intent", "vote"],
    ...Object.entries(answers).map(([index, answer]): [string, string] => [`answers.${slotIds[Number(index)]}`, answer]),
  ]);
}

const names = (people: { name: string }[]) => people.map((person) => person.name);

describe("scheduling", () => {
  it("stores the form's filled rows as candidate times, in UTC, skipping blank rows", async () => {
    const slots = await slotsOf(sessionId);
    expect(slots).toHaveLength(3);
    // 2 February is winter time (UTC+1).
    expect(slots[0].starts_at.toISOString()).toBe("2027-02-02T18:30:00.000Z");
    expect(slots[0].ends_at.toISOString()).toBe("2027-02-02T20:30:00.000Z");
    const invitees = await db().selectFrom("session_invitee").where("session_id", "=", sessionId).select("person_id").execute();
    expect(invitees.map((row) => row.person_id).sort()).toEqual([people.ans.id, people.bram.id].sort());
  });

  it("adds a time without JavaScript: the form comes back with one more row and everything typed, nothing saved", async () => {
    const before = await db().selectFrom("intervision_session").select("id").execute();
    const typed = sessionForm({ title: "Intervisie in april", invitees: [people.ans.id], slots: times.slice(0, 1) });
    const addTime = JSON.stringify({ type: "insert", payload: { name: "slots", defaultValue: { date: "", start: "", end: "" } } });
    const response = await submitNewSession(team, cookie.facilitator, [...typed, ["__intent__", addTime]]);
    expect(response.status).toBe(200);
    const reply = await response.json();
    expect(reply.result.initialValue.title).toBe("Intervisie in april");
    expect(reply.result.initialValue.invitees).toEqual(people.ans.id);
    expect(reply.result.initialValue.slots).toHaveLength(2);
    expect(reply.result.initialValue.slots[0]).toEqual(times[0]);
    // Not an attempt to save: no "at least two times" yet.
    expect(reply.result.error?.slots ?? null).toBeNull();
    expect(await db().selectFrom("intervision_session").select("id").execute()).toHaveLength(before.length);
  });

  it("shows the form to the team's facilitators only", async () => {
    const load = (who: keyof typeof people) =>
      callRoute(newRoute.loader, { request: browserRequest(`/teams/${team.slug}/sessions/new`, { cookie: cookie[who] }), params: { team: team.slug } });
    expect((await load("facilitator")).status).toBe(200);
    for (const who of ["ans", "otherFacilitator", "funder"] as const) expect((await load(who)).status).toBe(404);
  });

  it("offers the team's active members, not the facilitator who schedules", async () => {
    const response = await callRoute(newRoute.loader, {
      request: browserRequest(`/teams/${team.slug}/sessions/new`, { cookie: cookie.facilitator }),
      params: { team: team.slug },
    });
    const data = await response.json();
    const offered = data.candidates.map((c: { id: string }) => c.id);
    expect(offered).toContain(people.ans.id);
    expect(offered).not.toContain(people.facilitator.id);
    expect(offered).not.toContain(people.otherFacilitator.id);
  });

  it("refuses a member who posts the form, and saves nothing", async () => {
    const before = await db().selectFrom("intervision_session").select("id").execute();
    const response = await submitNewSession(team, cookie.ans, sessionForm({ invitees: [people.bram.id], slots: times }));
    expect(response.status).toBe(404);
    expect(await db().selectFrom("intervision_session").select("id").execute()).toHaveLength(before.length);
  });
});

describe("bad input on the scheduling form: a message on the field, nothing saved", () => {
  const valid = () => ({ invitees: [people.ans.id], slots: times.slice(0, 2) });
  const cases: [string, () => ReturnType<typeof sessionForm>, string, string][] = [
    ["fewer than two times", () => sessionForm({ ...valid(), slots: times.slice(0, 1), blankRows: 7 }), "slots", "session.error.tooFewSlots"],
    [
      "more than eight times",
      () =>
        sessionForm({
          ...valid(),
          slots: Array.from({ length: 9 }, (_, day) => ({ date: `2027-03-${String(day + 10).padStart(2, "0")}`, start: "10:00", end: "11:00" })),
        }),
      "slots",
      "session.error.tooManySlots",
    ],
    [
      "an end before the start",
      () => sessionForm({ ...valid(), slots: [times[0], { date: "2027-02-05", start: "16:00", end: "15:00" }] }),
      "slots[1].end",
      "session.error.endBeforeStart",
    ],
    [
      "a time without its end",
      () => sessionForm({ ...valid(), slots: [times[0], { date: "2027-02-05", start: "16:00", end: "" }] }),
      "slots[1].end",
      "error.required",
    ],
    [
      "a time the clocks skip",
      () => sessionForm({ ...valid(), slots: [times[0], { date: "2027-03-28", start: "02:30", end: "04:00" }] }),
      "slots[1].start",
      "session.error.skippedHour",
    ],
    ["no invitees", () => sessionForm({ ...valid(), invitees: [] }), "invitees", "session.error.invitees"],
    ["a javascript: link", () => sessionForm({ ...valid(), videoUrl: "javascript:alert(1)" }), "videoUrl", "session.error.videoUrl"],
    ["an ftp link", () => sessionForm({ ...valid(), videoUrl: "ftp://video.example/room" }), "videoUrl", "session.error.videoUrl"],
    ["neither place nor link", () => sessionForm({ ...valid(), place: "" }), "place", "session.error.where"],
    ["no title", () => sessionForm({ ...valid(), title: "  " }), "title", "error.required"],
    ["an unknown method", () => sessionForm({ ...valid(), method: "bestaat-niet" }), "method", "error.choose"],
  ];

  it.each(cases)("%s", async (_, form, field, message) => {
    const before = await db().selectFrom("intervision_session").select("id").execute();
    const slotsBefore = await db().selectFrom("session_slot").select("id").execute();
    const response = await submitNewSession(team, cookie.facilitator, form());
    expect(response.status).toBe(400);
    const reply = await response.json();
    expect(reply.result.error[field]).toContain(message);
    expect(await db().selectFrom("intervision_session").select("id").execute()).toHaveLength(before.length);
    expect(await db().selectFrom("session_slot").select("id").execute()).toHaveLength(slotsBefore.length);
  });

  it("refuses an invitee from another coalition", async () => {
    const response = await submitNewSession(team, cookie.facilitator, sessionForm({ ...valid(), invitees: [people.otherFacilitator.id] }));
    expect(response.status).toBe(400);
    expect((await response.json()).result.error.invitees).toContain("session.error.invitees");
  });

  it("accepts a video link instead of a place", async () => {
    const response = await submitNewSession(team, cookie.facilitator, sessionForm({ ...valid(), place: "", videoUrl: "https://meet.example/intervisie" }));
    expect(response.status).toBe(302);
  });
});

describe("the poll", () => {
  it("shows every candidate time with no answers yet", async () => {
    const page = await poll("ans");
    expect(page.view).toBe("invited");
    expect(page.poll.open).toBe(true);
    expect(page.poll.slots.map((slot: { id: string }) => slot.id)).toEqual(slotIds);
    expect(page.poll.slots.every((slot: { mine: string | null }) => slot.mine === null)).toBe(true);
    // The facilitator proposed the times; "not answered" lists the invited, as "Uitgenodigd" does.
    expect(names(page.poll.notAnswered)).toEqual(["Ans Jansen", "Bram de Vries"]);
    expect(page.poll.suggestedSlotId).toBeNull();
    expect((await poll("facilitator")).poll.suggestedSlotId).toBeNull();
  });

  it("records an invitee's answers, and the list of sessions stops asking for them", async () => {
    const waiting = async () => {
      const list = await callRoute(listRoute.loader, {
        request: browserRequest(`/teams/${team.slug}/sessions`, { cookie: cookie.ans }),
        params: { team: team.slug },
      });
      return (await list.json()).upcoming.find((row: { id: string }) => row.id === sessionId).pollWaiting;
    };
    expect(await waiting()).toBe(true);
    expect((await vote("ans", { 0: "yes", 1: "maybe", 2: "no" })).status).toBe(302);
    expect(await waiting()).toBe(false);
    const page = await poll("ans");
    expect(page.poll.slots.map((slot: { mine: string }) => slot.mine)).toEqual(["yes", "maybe", "no"]);
  });

  it("lets the invitee change an answer, keeping one answer per time", async () => {
    expect((await vote("ans", { 0: "no" })).status).toBe(302);
    const page = await poll("ans");
    expect(page.poll.slots.map((slot: { mine: string }) => slot.mine)).toEqual(["no", "maybe", "no"]);
    const rows = await db().selectFrom("slot_vote").where("person_id", "=", people.ans.id).select("slot_id").execute();
    expect(rows).toHaveLength(3);
  });

  it("shows everyone invited the tallies, with who answered what", async () => {
    await vote("bram", { 0: "maybe", 1: "yes", 2: "yes" });
    await vote("facilitator", { 1: "yes", 2: "maybe" });
    const page = await poll("bram");
    const [first, second, third] = page.poll.slots;
    expect(names(first.answers.yes)).toEqual([]);
    expect(names(first.answers.maybe)).toEqual(["Bram de Vries"]);
    expect(names(first.answers.no)).toEqual(["Ans Jansen"]);
    expect(names(second.answers.yes)).toEqual(["Fenna Begeleider", "Bram de Vries"]);
    expect(names(second.answers.maybe)).toEqual(["Ans Jansen"]);
    expect(names(third.answers.yes)).toEqual(["Bram de Vries"]);
    expect(page.poll.notAnswered).toEqual([]);
  });

  it("shows the facilitator and the invited the same people under Uitgenodigd and Nog niet geantwoord", async () => {
    const late = await scheduleSession(team, cookie.facilitator, { invitees: [people.ans.id, people.bram.id], slots: times.slice(0, 2) });
    const [first] = await slotsOf(late);
    await sessionAction(team, late, cookie.ans, [["intent", "vote"], [`answers.${first.id}`, "yes"]]);
    for (const who of ["facilitator", "ans", "bram"] as const) {
      const page = (await (await sessionPageFor(team, late, cookie[who])).json()).page;
      expect(names(page.invitees)).toEqual(["Ans Jansen", "Bram de Vries"]);
      expect(page.invitees.map((i: { answered: boolean }) => i.answered)).toEqual([true, false]);
      expect(names(page.poll.notAnswered)).toEqual(["Bram de Vries"]);
    }
  });

  it("never suggests a time nobody can make", async () => {
    const nobody = await scheduleSession(team, cookie.facilitator, { invitees: [people.ans.id, people.bram.id], slots: times.slice(0, 2) });
    const slots = await slotsOf(nobody);
    const suggestion = async () => (await (await sessionPageFor(team, nobody, cookie.facilitator)).json()).page.poll.suggestedSlotId;
    expect(await suggestion()).toBeNull();
    await sessionAction(team, nobody, cookie.ans, [["intent", "vote"], ...slots.map((slot): [string, string] => [`answers.${slot.id}`, "no"])]);
    expect(await suggestion()).toBeNull();
    await sessionAction(team, nobody, cookie.bram, [["intent", "vote"], [`answers.${slots[1].id}`, "maybe"]]);
    expect(await suggestion()).toBe(slots[1].id);
  });

  it("suggests the time most can make to the facilitator (most yes, then most yes or if need be)", async () => {
    expect((await poll("facilitator")).poll.suggestedSlotId).toBe(slotIds[1]);
    // An invitee sees the tallies, not the facilitator's controls.
    const page = await poll("ans");
    expect(page.manage).toBe(false);
    expect(page.poll.suggestedSlotId).toBeNull();
  });

  it("refuses votes from people not invited: a team member, another coalition's facilitator, the funder", async () => {
    for (const who of ["cor", "otherFacilitator", "funder"] as const) {
      expect((await vote(who, { 0: "yes" })).status).toBe(404);
    }
    const strangers = await db()
      .selectFrom("slot_vote")
      .where("person_id", "in", [people.cor.id, people.otherFacilitator.id, people.funder.id])
      .select("slot_id")
      .execute();
    expect(strangers).toEqual([]);
  });

  it("refuses an answer that is not one of yes, if need be, no", async () => {
    const response = await sessionAction(team, sessionId, cookie.ans, [
      ["intent", "vote"],
      [`answers.${slotIds[0]}`, "misschien"],
    ]);
    expect(response.status).toBe(400);
    expect((await poll("ans")).poll.slots[0].mine).toBe("no");
  });
});

describe("confirming a time", () => {
  const confirm = (who: keyof typeof people, slot = slotIds[1]) =>
    sessionAction(team, sessionId, cookie[who], [
      ["intent", "confirm"],
      ["slotId", slot],
    ]);

  it("is refused to an invited member, an uninvited co-facilitator, another coalition's facilitator and the funder (404)", async () => {
    for (const who of ["ans", "cor", "coFacilitator", "otherFacilitator", "funder"] as const) {
      expect((await confirm(who)).status).toBe(404);
    }
    const session = await db().selectFrom("intervision_session").where("id", "=", sessionId).select("status").executeTakeFirstOrThrow();
    expect(session.status).toBe("polling");
  });

  it("refuses a time that is not one of this session's", async () => {
    const otherSession = await scheduleSession(team, cookie.facilitator, { invitees: [people.ans.id], slots: times.slice(0, 2) });
    const [foreignSlot] = await slotsOf(otherSession);
    expect((await confirm("facilitator", foreignSlot.id)).status).toBe(404);
  });

  it("by the facilitator fixes the time and closes the poll", async () => {
    const response = await confirm("facilitator");
    expect(response.status).toBe(302);
    const session = await db()
      .selectFrom("intervision_session")
      .where("id", "=", sessionId)
      .select(["status", "starts_at", "ends_at", "ical_sequence"])
      .executeTakeFirstOrThrow();
    expect(session.status).toBe("confirmed");
    expect(session.starts_at?.toISOString()).toBe("2027-02-04T09:00:00.000Z");
    expect(session.ends_at?.toISOString()).toBe("2027-02-04T11:00:00.000Z");
    expect(session.ical_sequence).toBe(0);
    const page = await poll("ans");
    expect(page.poll.open).toBe(false);
    expect(page.facts.status).toBe("confirmed");
  });

  it("cannot happen twice", async () => {
    const response = await confirm("facilitator", slotIds[0]);
    expect(response.status).toBe(400);
    expect((await response.json()).result.error[""]).toContain("session.error.notPolling");
  });

  it("after which votes are refused with a message, and nothing changes", async () => {
    const response = await vote("ans", { 0: "yes", 1: "yes" });
    expect(response.status).toBe(400);
    expect((await response.json()).result.error[""]).toContain("poll.closed");
    const page = await poll("ans");
    expect(page.poll.slots.map((slot: { mine: string }) => slot.mine)).toEqual(["no", "maybe", "no"]);
  });
});

describe("after confirmation: a yes for the confirmed time counts as coming", () => {
  const act = (who: keyof typeof people, entries: [string, string][]) => sessionAction(team, sessionId, cookie[who], entries);

  it("someone who said yes to the confirmed time comes without being asked again; the others are asked", async () => {
    // The second time was confirmed: Bram and the facilitator said yes to it, Ans "if need be".
    const bram = await poll("bram");
    expect(bram.role).toBe("participant");
    expect(bram.me.rsvp).toBe("yes");
    const ans = await poll("ans");
    expect(ans.role).toBe("invitee");
    expect(ans.me.rsvp).toBe("pending");
    const facilitator = await poll("facilitator");
    expect(facilitator.invitees.map((i: { name: string; rsvp: string }) => [i.name, i.rsvp])).toEqual([
      ["Ans Jansen", "pending"],
      ["Bram de Vries", "yes"],
    ]);
  });

  it("counts them in Aantal deelnemers, on the session and in the list", async () => {
    expect((await poll("ans")).facts.participants).toBe(2);
    const list = await callRoute(listRoute.loader, {
      request: browserRequest(`/teams/${team.slug}/sessions`, { cookie: cookie.cor }),
      params: { team: team.slug },
    });
    const item = (await list.json()).upcoming.find((row: { id: string }) => row.id === sessionId);
    expect(item.participants).toBe(2);
  });

  it("an invitee says they come and becomes a participant", async () => {
    expect((await act("ans", [["intent", "rsvp"], ["rsvp", "yes"]])).status).toBe(302);
    const page = await poll("ans");
    expect(page.role).toBe("participant");
    expect(page.facts.participants).toBe(3);
  });

  it("someone who said yes in the poll can still say they cannot come", async () => {
    expect((await act("bram", [["intent", "rsvp"], ["rsvp", "no"]])).status).toBe(302);
    const page = await poll("bram");
    expect(page.role).toBe("invitee");
    expect(page.me.rsvp).toBe("no");
    expect(page.facts.participants).toBe(2);
  });

  it("only someone who comes can volunteer to bring the case", async () => {
    const refused = await act("bram", [["intent", "volunteer"], ["volunteer", "yes"]]);
    expect(refused.status).toBe(400);
    expect((await act("ans", [["intent", "volunteer"], ["volunteer", "yes"]])).status).toBe(302);
    expect((await poll("ans")).me.volunteersCase).toBe(true);
    expect((await act("cor", [["intent", "volunteer"], ["volunteer", "yes"]])).status).toBe(404);
  });

  it("the facilitator sees the volunteers and picks the case bringer among those who come", async () => {
    const page = await poll("facilitator");
    expect(page.roleCandidates).toEqual([{ id: people.ans.id, name: "Ans Jansen", volunteersCase: true }]);
    const notComing = await act("facilitator", [["intent", "caseBringer"], ["caseBringer", people.bram.id]]);
    expect(notComing.status).toBe(400);
    expect((await act("ans", [["intent", "caseBringer"], ["caseBringer", people.ans.id]])).status).toBe(404);
    expect((await act("facilitator", [["intent", "caseBringer"], ["caseBringer", people.ans.id]])).status).toBe(302);
    expect((await poll("ans")).caseBringer).toEqual({ id: people.ans.id, name: "Ans Jansen" });
    // Bram is invited but not coming: he does not see who brings the case, nor who volunteered.
    const bram = await poll("bram");
    expect(bram.caseBringer).toBeNull();
    expect(bram.roleCandidates).toEqual([]);
  });

  it("the facilitator assigns the timekeeper among those who come, and the invited see who it is", async () => {
    const notComing = await act("facilitator", [["intent", "timekeeper"], ["timekeeper", people.bram.id]]);
    expect(notComing.status).toBe(400);
    expect((await notComing.json()).result.error.timekeeper).toContain("session.error.roleNotComing");
    expect((await act("ans", [["intent", "timekeeper"], ["timekeeper", people.ans.id]])).status).toBe(404);
    expect((await act("cor", [["intent", "timekeeper"], ["timekeeper", people.ans.id]])).status).toBe(404);
    expect((await act("facilitator", [["intent", "timekeeper"], ["timekeeper", people.ans.id]])).status).toBe(302);
    expect((await poll("bram")).timekeeper).toEqual({ id: people.ans.id, name: "Ans Jansen" });
    const stored = await db().selectFrom("intervision_session").where("id", "=", sessionId).select("timekeeper_id").executeTakeFirstOrThrow();
    expect(stored.timekeeper_id).toBe(people.ans.id);
  });

  it("saying no later withdraws the case bringer and the timekeeper", async () => {
    expect((await act("ans", [["intent", "rsvp"], ["rsvp", "no"]])).status).toBe(302);
    const session = await db()
      .selectFrom("intervision_session")
      .where("id", "=", sessionId)
      .select(["case_bringer_id", "timekeeper_id"])
      .executeTakeFirstOrThrow();
    expect(session).toEqual({ case_bringer_id: null, timekeeper_id: null });
    const invitation = await db()
      .selectFrom("session_invitee")
      .where("session_id", "=", sessionId)
      .where("person_id", "=", people.ans.id)
      .select(["rsvp", "volunteers_case"])
      .executeTakeFirstOrThrow();
    expect(invitation).toEqual({ rsvp: "no", volunteers_case: false });
  });

  it("RSVP is not possible while the time is still being polled", async () => {
    const polling = await scheduleSession(team, cookie.facilitator, { invitees: [people.ans.id], slots: times.slice(0, 2) });
    const response = await sessionAction(team, polling, cookie.ans, [["intent", "rsvp"], ["rsvp", "yes"]]);
    expect(response.status).toBe(400);
    expect((await response.json()).result.error[""]).toContain("session.error.rsvpBeforeConfirmed");
  });
});
