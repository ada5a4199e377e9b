import { beforeAll, describe, expect, it } from "vitest";
import * as frameRoute from "../../app/routes/teams.$team";
import type { WaitingItem } from "../../app/domain/coalitions/team-home.server";
import { browserRequest, callRoute, createCoalition, createPerson, sessionFor } from "../fixtures";
import { insertAction, insertSession } from "../fixtures/session-rows";
import { scheduleSession, sessionAction, slotsOf } from "../fixtures/sessions";

// What waits for a person in their coalition, as the coalition's frame counts it for its navigation and the
// overview lists it: a poll they are asked to answer and have not, a coming intervision they take part in
// (to prepare, or first to say whether they come) and an action of theirs past its date. Never anything of
// an intervision the person is not in, and nothing at all outside their own coalition.

type Who = "facilitator" | "member" | "teammate" | "outsider" | "funder";
let team: Awaited<ReturnType<typeof createCoalition>>;
const id = {} as Record<Who, string>;
const cookie = {} as Record<Who, string>;
let pollId: string;
let comingId: string;
let actionId: string;

beforeAll(async () => {
  team = await createCoalition();
  const other = await createCoalition();
  const people = {
    facilitator: await createPerson({ team, role: "facilitator", name: "Fenna Begeleider" }),
    member: await createPerson({ team, name: "Mila Deelnemer" }),
    teammate: await createPerson({ team, name: "Tom Niet-Uitgenodigd" }),
    outsider: await createPerson({ team: other, name: "Olga Elders" }),
    funder: await createPerson({ accountRole: "funder" }),
  };
  for (const [who, person] of Object.entries(people)) {
    id[who as Who] = person.id;
    cookie[who as Who] = await sessionFor(person);
  }
  pollId = await scheduleSession(team, cookie.facilitator, {
    title: "Intervisie in de zomer",
    invitees: [id.member],
    slots: [
      { date: "2030-06-03", start: "19:30", end: "21:30" },
      { date: "2030-06-05", start: "10:00", end: "12:00" },
    ],
  });
  comingId = await insertSession({
    coalitionId: team.id,
    facilitatorId: id.facilitator,
    title: "Intervisie over de buurtavond",
    startsAt: new Date("2030-03-10T18:30:00Z"),
    caseBringerId: id.member,
    invitees: [{ personId: id.member, rsvp: "yes" }],
  });
  const past = await insertSession({
    coalitionId: team.id,
    facilitatorId: id.facilitator,
    startsAt: new Date("2026-03-10T18:30:00Z"),
    invitees: [{ personId: id.member, rsvp: "yes" }],
  });
  actionId = await insertAction(past, { ownerId: id.member, what: "De wijkagent bellen", dueOn: "2026-04-15", createdBy: id.facilitator });
  await insertAction(past, { ownerId: id.member, what: "Nog even de tijd", dueOn: "2099-01-01", createdBy: id.facilitator });
});

async function waiting(who: Who): Promise<WaitingItem[]> {
  const response = await callRoute(frameRoute.loader, {
    request: browserRequest(`/teams/${team.slug}`, { cookie: cookie[who] }),
    params: { team: team.slug },
  });
  expect(response.status).toBe(200);
  return (await response.json()).waiting;
}

async function vote(who: Who) {
  const slots = await slotsOf(pollId);
  const response = await sessionAction(team, pollId, cookie[who], [
    ["intent", "vote"],
    ...slots.map((slot): [string, string] => [`answers.${slot.id}`, "yes"]),
  ]);
  expect(response.status).toBe(302);
}

describe("what waits for a person in their coalition", () => {
  it("shows the invited member their open poll, the intervision they bring a case to and their action past its date", async () => {
    const items = await waiting("member");
    expect(items).toEqual([
      { kind: "poll", sessionId: pollId, title: "Intervisie in de zomer" },
      {
        kind: "prepare",
        sessionId: comingId,
        title: "Intervisie over de buurtavond",
        startsAt: "2030-03-10T18:30:00.000Z",
        caseBringer: true,
        answerFirst: false,
      },
      expect.objectContaining({ kind: "overdue", id: actionId, what: "De wijkagent bellen", dueOn: "2026-04-15" }),
    ]);
  });

  it("shows nothing of those intervisions to a teammate who is not invited, nor to anyone outside the coalition", async () => {
    expect(await waiting("teammate")).toEqual([]);
    expect(await waiting("outsider")).toEqual([]);
    expect(await waiting("funder")).toEqual([]);
  });

  it("lets the facilitator's poll go once they have answered it, while it still waits for the member", async () => {
    const before = await waiting("facilitator");
    expect(before.map((item) => item.kind === "overdue" ? item.id : item.sessionId)).toEqual([pollId, comingId]);
    await vote("facilitator");
    expect((await waiting("facilitator")).map((item) => item.kind)).toEqual(["prepare"]);
    expect((await waiting("member")).map((item) => item.kind)).toEqual(["poll", "prepare", "overdue"]);
  });

  it("lets the member's poll go once they have answered it", async () => {
    await vote("member");
    expect((await waiting("member")).map((item) => item.kind)).toEqual(["prepare", "overdue"]);
  });

  it("asks an invitee who has not said whether they come to say so first, and forgets an intervision they said no to", async () => {
    const later = await insertSession({
      coalitionId: team.id,
      facilitatorId: id.facilitator,
      startsAt: new Date("2030-04-10T18:30:00Z"),
      invitees: [
        { personId: id.teammate, rsvp: "pending" },
        { personId: id.member, rsvp: "no" },
      ],
    });
    expect(await waiting("teammate")).toEqual([expect.objectContaining({ kind: "prepare", sessionId: later, answerFirst: true, caseBringer: false })]);
    expect((await waiting("member")).some((item) => item.kind === "prepare" && item.sessionId === later)).toBe(false);
  });
});
