import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../db/db.server";
import type { ProgrammeDashboard } from "../../app/domain/programme/programme-dashboard.server";
import * as route from "../../app/routes/programme._index";
import { browserRequest, callRoute, createCoalition, createPerson, sessionFor } from "../fixtures";
import { writeLesson } from "../fixtures/lessons";
import { writeReflection } from "../fixtures/reflections";

// A server process keeps the dashboard it counted and reuses it while nothing it counts has changed: any
// change committed to what the dashboard counts shows on the very next request.

let team: Awaited<ReturnType<typeof createCoalition>>;
let authorId = "";
let funder = "";

beforeAll(async () => {
  team = await createCoalition({ name: "Deventer Keizerslanden" });
  const people = await Promise.all(["Anna", "Bram", "Cor"].map((name) => createPerson({ team, name, perspective: "resident" })));
  authorId = people[0].id;
  funder = await sessionFor(await createPerson({ accountRole: "funder" }));
});

async function ours(): Promise<ProgrammeDashboard["coalitions"][number]> {
  const response = await callRoute(route.loader, { request: browserRequest("/programme", { cookie: funder }) });
  expect(response.status).toBe(200);
  const data: ProgrammeDashboard = await response.json();
  return data.coalitions.find((c) => c.id === team.id)!;
}

describe("the dashboard after a change", () => {
  it("counts a reflection shared with the network on the next request, and stops when it is made private", async () => {
    expect((await ours()).totals.reflections).toBe(0);
    expect((await ours()).totals.reflections).toBe(0);
    const id = await writeReflection(authorId, team.id, { title: "Nieuw", text: "x", visibility: "network" });
    const after = await ours();
    expect(after.totals.reflections).toBe(1);
    expect(after.byPerspective.find((p) => p.perspective === "resident")?.contributions).toBe(1);
    expect(after.lastActivity).not.toBeNull();
    await db().updateTable("reflection").set({ visibility: "private" }).where("id", "=", id).execute();
    expect((await ours()).totals.reflections).toBe(0);
  });

  it("shows a new lesson shared with the network at once", async () => {
    await ours();
    await writeLesson(authorId, team.id, { statement: "Een verse les voor het netwerk", visibility: "network" });
    expect((await ours()).latestLessons.map((l) => l.statement)).toEqual(["Een verse les voor het netwerk"]);
  });

  it("counts members again when an account is deactivated, but not when someone signs in", async () => {
    expect((await ours()).members).toBe(3);
    await db().updateTable("person").set({ last_login_at: new Date() }).where("id", "=", authorId).execute();
    expect((await ours()).members).toBe(3);
    await db().updateTable("person").set({ deactivated_at: new Date() }).where("id", "=", authorId).execute();
    expect((await ours()).members).toBe(2);
  });
});
