import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../db/db.server";
import {
  canRead,
  getUser,
  requireAdmin,
  requireMembership,
  requireTeamReader,
  type User,
  type Visibility,
} from "../../app/auth/permissions.server";
import * as indexRoute from "../../app/routes/_index";
import * as programmeRoute from "../../app/routes/programme._index";
import * as teamRoute from "../../app/routes/teams.$team._index";
import { browserRequest, callRoute, createCoalition, createPerson, sessionFor } from "../fixtures";

type Cast = Record<"member" | "facilitator" | "otherMember" | "otherFacilitator" | "funder" | "admin" | "twoTeams", User>;
let team: Awaited<ReturnType<typeof createCoalition>>;
let other: Awaited<ReturnType<typeof createCoalition>>;
let cast: Cast;
const cookies: Record<string, string> = {};

async function userFor(person: { id: string }, key: string): Promise<User> {
  cookies[key] = await sessionFor(person);
  return (await getUser(browserRequest("/", { cookie: cookies[key] })))!;
}

async function status(promise: Promise<unknown>): Promise<number | "ok"> {
  try {
    await promise;
    return "ok";
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

beforeAll(async () => {
  team = await createCoalition();
  other = await createCoalition();
  const twoTeams = await createPerson({ team });
  await db().insertInto("membership").values({ coalition_id: other.id, person_id: twoTeams.id, role: "member", perspective: "volunteer", organisation_id: null }).execute();
  cast = {
    member: await userFor(await createPerson({ team, role: "member" }), "member"),
    facilitator: await userFor(await createPerson({ team, role: "facilitator" }), "facilitator"),
    otherMember: await userFor(await createPerson({ team: other, role: "member" }), "otherMember"),
    otherFacilitator: await userFor(await createPerson({ team: other, role: "facilitator" }), "otherFacilitator"),
    funder: await userFor(await createPerson({ accountRole: "funder" }), "funder"),
    admin: await userFor(await createPerson({ accountRole: "admin" }), "admin"),
    twoTeams: await userFor(twoTeams, "twoTeams"),
  };
});

describe("requireMembership", () => {
  it("lets a coalition's own members in, and nobody else (404, as if it did not exist)", async () => {
    expect(await status(requireMembership(cast.member, team.slug))).toBe("ok");
    expect(await status(requireMembership(cast.facilitator, team.slug))).toBe("ok");
    for (const outsider of [cast.otherMember, cast.otherFacilitator, cast.funder, cast.admin]) {
      expect(await status(requireMembership(outsider, team.slug))).toBe(404);
    }
    expect(await status(requireMembership(cast.member, "bestaat-niet"))).toBe(404);
  });

  it("with role facilitator refuses members of the team and facilitators of another team", async () => {
    expect(await status(requireMembership(cast.facilitator, team.slug, "facilitator"))).toBe("ok");
    expect(await status(requireMembership(cast.member, team.slug, "facilitator"))).toBe(404);
    expect(await status(requireMembership(cast.otherFacilitator, team.slug, "facilitator"))).toBe(404);
    expect(await status(requireMembership(cast.admin, team.slug, "facilitator"))).toBe(404);
  });
});

describe("requireAdmin", () => {
  it("refuses everyone but the admin", async () => {
    expect(() => requireAdmin(cast.admin)).not.toThrow();
    for (const who of [cast.member, cast.facilitator, cast.funder]) {
      expect(await status(Promise.resolve().then(() => requireAdmin(who)))).toBe(404);
    }
  });
});

describe("requireTeamReader", () => {
  it("answers 404 for a coalition that does not exist", async () => {
    expect(await status(requireTeamReader(cast.member, "bestaat-niet"))).toBe(404);
  });
});

describe("canRead: the visibility rule of DESIGN.md §3", () => {
  const item = (visibility: Visibility, authorId: string) => ({ visibility, authorId, coalitionId: team.id });

  it("private: the author alone — not the facilitator, not the funder, not the admin", () => {
    const mine = item("private", cast.member.id);
    expect(canRead(cast.member, mine)).toBe(true);
    for (const who of [cast.facilitator, cast.otherMember, cast.funder, cast.admin]) expect(canRead(who, mine)).toBe(false);
  });

  it("team: the coalition's members and facilitators, not other coalitions, the funder or the admin", () => {
    const shared = item("team", cast.member.id);
    expect(canRead(cast.facilitator, shared)).toBe(true);
    for (const who of [cast.otherMember, cast.otherFacilitator, cast.funder, cast.admin]) expect(canRead(who, shared)).toBe(false);
  });

  it("network: every coalition and the funder, not the admin", () => {
    const network = item("network", cast.member.id);
    for (const who of [cast.facilitator, cast.otherMember, cast.funder, cast.twoTeams]) expect(canRead(who, network)).toBe(true);
    expect(canRead(cast.admin, network)).toBe(false);
  });
});

describe("the pages of this issue", () => {
  it("send each role home from /: funder to /programme, a one-team member to the team, others to /teams", async () => {
    const home = async (key: string) =>
      (await callRoute(indexRoute.loader, { request: browserRequest("/", { cookie: cookies[key] }) })).headers.get("Location");
    expect(await home("funder")).toBe("/programme");
    expect(await home("member")).toBe(`/teams/${team.slug}`);
    expect(await home("twoTeams")).toBe("/teams");
    expect(await home("admin")).toBe("/teams");
    const anonymous = await callRoute(indexRoute.loader, { request: browserRequest("/") });
    expect(anonymous.headers.get("Location")).toBe("/login?redirectTo=%2F");
  });

  it("/programme is for the funder and the admin, 404 for members and facilitators", async () => {
    const open = async (key: string) =>
      (await callRoute(programmeRoute.loader, { request: browserRequest("/programme", { cookie: cookies[key] }) })).status;
    expect(await open("funder")).toBe(200);
    expect(await open("admin")).toBe(200);
    expect(await open("member")).toBe(404);
    expect(await open("facilitator")).toBe(404);
  });

  it("/teams/:team shows an unknown coalition as 404 and asks anonymous visitors to log in", async () => {
    const missing = await callRoute(teamRoute.loader, {
      request: browserRequest("/teams/bestaat-niet", { cookie: cookies.member }),
      params: { team: "bestaat-niet" },
    });
    expect(missing.status).toBe(404);
    const anonymous = await callRoute(teamRoute.loader, { request: browserRequest(`/teams/${team.slug}`), params: { team: team.slug } });
    expect(anonymous.status).toBe(302);
  });
});
