import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../db/db.server";
import * as answerRoute from "../../app/routes/answer.$token";
import { BASE, callRoute, createCoalition, createPerson, lastMailTo, linkIn, sessionFor } from "../fixtures";
import { postForm, scheduleSession, sessionAction, slotsOf } from "../fixtures/sessions";

// The poll's one reminder to who has not answered, and the personal link in it that answers without signing in:
// opening it changes nothing, it answers only its own person's poll, and it ends.

let team: Awaited<ReturnType<typeof createCoalition>>;
let facilitator: Awaited<ReturnType<typeof createPerson>>;
let answered: Awaited<ReturnType<typeof createPerson>>;
let silent: Awaited<ReturnType<typeof createPerson>>;
let other: Awaited<ReturnType<typeof createPerson>>;
let sessionId: string;
let otherSessionId: string;

const times = [
  { date: "2027-11-02", start: "19:00", end: "21:00" },
  { date: "2027-11-04", start: "19:00", end: "21:00" },
];

beforeAll(async () => {
  team = await createCoalition();
  facilitator = await createPerson({ team, role: "facilitator" });
  answered = await createPerson({ team, name: "Ans Antwoordt" });
  silent = await createPerson({ team, name: "Sam Stil" });
  other = await createPerson({ team, name: "Olga Ander" });
  const cookie = await sessionFor(facilitator);
  sessionId = await scheduleSession(team, cookie, { title: "Najaarsintervisie", invitees: [answered.id, silent.id], slots: times });
  otherSessionId = await scheduleSession(team, cookie, { title: "Andere intervisie", invitees: [other.id, silent.id], slots: times });
  const [first] = await slotsOf(sessionId);
  await sessionAction(team, sessionId, await sessionFor(answered), [["intent", "vote"], [`answers.${first.id}`, "yes"]]);
});

const answerGet = (token: string) => callRoute(answerRoute.loader, { request: new Request(`${BASE}/answer/${token}`), params: { token } });
const answerPost = (token: string, entries: [string, string][]) =>
  callRoute(answerRoute.action, { request: postForm(`/answer/${token}`, undefined, entries), params: { token } });
const votesOf = (personId: string) => db().selectFrom("slot_vote").where("person_id", "=", personId).select(["slot_id", "answer"]).execute();

let token: string;

describe("the poll reminder", () => {
  it("is refused to anyone but the session's facilitator", async () => {
    const response = await sessionAction(team, sessionId, await sessionFor(answered), [["intent", "remindPoll"]]);
    expect(response.status).toBe(404);
    expect((await lastMailTo(silent.email))?.subject).not.toContain("Herinnering");
  });

  it("reaches only who has not answered, with a personal link, and goes once", async () => {
    const cookie = await sessionFor(facilitator);
    const first = await sessionAction(team, sessionId, cookie, [["intent", "remindPoll"]]);
    expect(first.status).toBe(302);
    const mail = await lastMailTo(silent.email);
    expect(mail?.subject).toBe("Herinnering: wanneer kunt u? – Najaarsintervisie");
    token = linkIn(mail!.body_text, "/answer/").split("/")[2];
    expect((await lastMailTo(answered.email))?.subject ?? "").not.toContain("Herinnering");
    const second = await sessionAction(team, sessionId, cookie, [["intent", "remindPoll"]]);
    expect(second.status).toBe(400);
    const mails = await db().selectFrom("email_outbox").where("to_address", "=", silent.email).where("subject", "like", "Herinnering%").execute();
    expect(mails).toHaveLength(1);
    // Only the hash is kept.
    expect(await db().selectFrom("answer_token").where("id_hash", "=", token).execute()).toHaveLength(0);
  });
});

describe("answering from the mail", () => {
  it("opening the link shows the times and changes nothing", async () => {
    const response = await answerGet(token);
    expect(response.status).toBe(200);
    const page = await response.json();
    expect(page.slots).toHaveLength(2);
    await answerGet(token);
    expect(await votesOf(silent.id)).toEqual([]);
  });

  it("answers only its own person's poll: another session's times are not taken, an unknown link is 404", async () => {
    const otherSlots = await slotsOf(otherSessionId);
    const wrong = await answerPost(token, otherSlots.map((slot) => [`answers.${slot.id}`, "yes"]));
    expect(wrong.status).toBe(400);
    expect(await votesOf(silent.id)).toEqual([]);
    expect((await answerGet("onbekend-token")).status).toBe(404);
    expect((await answerPost("onbekend-token", [])).status).toBe(404);
  });

  it("the button records the answers of the link's person", async () => {
    const [first, second] = await slotsOf(sessionId);
    const response = await answerPost(token, [[`answers.${first.id}`, "no"], [`answers.${second.id}`, "maybe"]]);
    expect(response.status).toBe(200);
    const votes = await votesOf(silent.id);
    expect(votes.map((v) => v.answer).sort()).toEqual(["maybe", "no"]);
    expect(await votesOf(other.id)).toEqual([]);
  });

  it("an expired link opens nothing and answers nothing", async () => {
    await db().updateTable("answer_token").set({ expires_at: new Date(Date.now() - 1000) }).where("person_id", "=", silent.id).execute();
    expect((await answerGet(token)).status).toBe(404);
    const [first] = await slotsOf(sessionId);
    expect((await answerPost(token, [[`answers.${first.id}`, "yes"]])).status).toBe(404);
  });
});
