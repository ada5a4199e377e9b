import type { KyselyPlugin } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, useDatabase } from "../../db/db.server";
import { requestScope } from "../../app/auth/request-scope.server";
import * as frameRoute from "../../app/routes/teams.$team";
import * as homeRoute from "../../app/routes/teams.$team._index";
import { browserRequest, callRoute, createCoalition, createPerson, sessionFor } from "../fixtures";
import { writeReflection } from "../fixtures/reflections";
import { insertAction, insertSession } from "../fixtures/session-rows";

// Opening a team's home runs the coalition frame's loader and the home's in one page request, where they share
// one statement. Each person must see exactly what they see when each loader runs alone (a later data request),
// and never a teammate's private reflection.

type Who = "member" | "teammate" | "funder";
let team: Awaited<ReturnType<typeof createCoalition>>;
const cookie = {} as Record<Who, string>;

beforeAll(async () => {
  team = await createCoalition();
  const people = {
    member: await createPerson({ team, name: "Mila Deelnemer" }),
    teammate: await createPerson({ team, role: "facilitator", name: "Tom Teamgenoot" }),
    funder: await createPerson({ accountRole: "funder" }),
  };
  for (const [who, person] of Object.entries(people)) cookie[who as Who] = await sessionFor(person);
  await writeReflection(people.member.id, team.id, { title: "Alleen voor mij", text: "Mijn eigen aantekening.", visibility: "private" });
  await writeReflection(people.teammate.id, team.id, { title: "Voor het team", text: "Wat ons opviel.", visibility: "team" });
  const past = await insertSession({
    coalitionId: team.id,
    facilitatorId: people.teammate.id,
    startsAt: new Date("2026-03-10T18:30:00Z"),
    invitees: [{ personId: people.member.id, rsvp: "yes" }],
  });
  await insertAction(past, { ownerId: people.member.id, what: "De wijkagent bellen", dueOn: "2026-04-15", createdBy: people.teammate.id });
});

// Counts the statements sent, to show that the frame's look at what waits rides along with the home's statement.
let statements = 0;
const counting: KyselyPlugin = {
  transformQuery: (args) => (statements++, args.node),
  transformResult: async (args) => args.result,
};
let plain: ReturnType<typeof db>;
beforeAll(() => {
  plain = db();
  useDatabase(plain.withPlugin(counting));
});
afterAll(() => useDatabase(plain));

function load(loader: typeof frameRoute.loader | typeof homeRoute.loader, who: Who) {
  return callRoute(loader, { request: browserRequest(`/teams/${team.slug}`, { cookie: cookie[who] }), params: { team: team.slug } }).then(
    (response) => response.json(),
  );
}

describe("the team home opened as one page", () => {
  for (const who of ["member", "teammate", "funder"] as Who[]) {
    it(`shows the ${who} the same as its loaders do alone`, async () => {
      const alone = [await load(frameRoute.loader, who), await load(homeRoute.loader, who)];
      const together = await requestScope.run(new Map(), () => Promise.all([load(frameRoute.loader, who), load(homeRoute.loader, who)]));
      expect(together).toEqual(alone);
    });
  }

  it("sends no statement for the frame beyond the home's own", async () => {
    statements = 0;
    await requestScope.run(new Map(), () => load(homeRoute.loader, "member"));
    const homeAlone = statements;
    statements = 0;
    await requestScope.run(new Map(), () => Promise.all([load(frameRoute.loader, "member"), load(homeRoute.loader, "member")]));
    expect(statements).toBe(homeAlone);
  });

  it("keeps a private reflection to its author", async () => {
    const titles = async (who: Who) => {
      const [, home] = await requestScope.run(new Map(), () => Promise.all([load(frameRoute.loader, who), load(homeRoute.loader, who)]));
      return home.home.activity.map((item: { title: string }) => item.title).sort();
    };
    expect(await titles("member")).toEqual(["Alleen voor mij", "Voor het team"]);
    expect(await titles("teammate")).toEqual(["Voor het team"]);
    expect(await titles("funder")).toEqual([]);
  });

  it("lists the member's action past its date in what waits and on the home", async () => {
    const [frame, home] = await requestScope.run(new Map(), () => Promise.all([load(frameRoute.loader, "member"), load(homeRoute.loader, "member")]));
    expect(frame.waiting.map((item: { what?: string }) => item.what)).toEqual(["De wijkagent bellen"]);
    expect(home.home.actions.map((action: { what: string; overdue: boolean }) => [action.what, action.overdue])).toEqual([["De wijkagent bellen", true]]);
  });
});
