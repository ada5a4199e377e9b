import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../db/db.server";
import { lastMonths, type ProgrammeDashboard } from "../../app/domain/programme/programme-dashboard.server";
import { amsterdamTimeToUtc, todayInAmsterdam } from "../../app/i18n/dates";
import * as route from "../../app/routes/programme._index";
import * as activityRoute from "../../app/routes/programme.export.activity[.csv]";
import { browserRequest, callRoute, createCoalition, createPerson, sessionFor } from "../fixtures";
import { rowsOf } from "../fixtures/csv";
import { writeLesson } from "../fixtures/lessons";
import { writeMilestone } from "../fixtures/milestones";
import { writeReflection } from "../fixtures/reflections";
import { renderPage } from "../fixtures/render";
import { insertSession } from "../fixtures/session-rows";

// /programme, computed by hand on a small programme (DESIGN.md §3): figures count team and network items,
// never private or deleted ones; a perspective with fewer than 3 people in a coalition gets no figure of its
// own; the only words are lessons shared with the network, for the funder alone.

const months = lastMonths(todayInAmsterdam());
const [first, , , , , , , fourAgo, threeAgo, twoAgo, lastMonth, thisMonth] = months;
const at = (month: string, day = "15") => `${month}-${day}T12:00:00Z`;

const marker = {
  privateReflection: "persoonlijkkenmerkdashboard",
  teamReflection: "teamreflectiekenmerkdashboard",
  teamLesson: "teamleskenmerkdashboard",
  deletedLesson: "weggegooidkenmerkdashboard",
  sessionTitle: "intervisietitelkenmerkdashboard",
};

let utrecht: Awaited<ReturnType<typeof createCoalition>>;
let voorst: Awaited<ReturnType<typeof createCoalition>>;
let empty: Awaited<ReturnType<typeof createCoalition>>;
const cookie: Record<"funder" | "admin" | "member" | "facilitator", string> = { funder: "", admin: "", member: "", facilitator: "" };
const lesson: Record<string, string> = {};

async function dated(table: "reflection" | "lesson", id: string, createdAt: string | Date) {
  await sql`update ${sql.table(table)} set created_at = ${createdAt}::timestamptz where id = ${id}`.execute(db());
}

beforeAll(async () => {
  utrecht = await createCoalition({ name: "Utrecht Overvecht" });
  voorst = await createCoalition({ name: "Voorst Twello" });
  empty = await createCoalition({ name: "Zutphen Noord" });
  const [r1, r2, r3] = await Promise.all(
    ["Ria", "Rob", "Roos"].map((name) => createPerson({ team: utrecht, name, perspective: "resident" })),
  );
  const p1 = await createPerson({ team: utrecht, name: "Petra", perspective: "professional" });
  const f = await createPerson({ team: utrecht, name: "Fenna", role: "facilitator", perspective: "volunteer" });
  const v1 = await createPerson({ team: voorst, name: "Vera", perspective: "resident" });
  await createPerson({ team: voorst, name: "Vince", perspective: "resident" });
  cookie.member = await sessionFor(r1);
  cookie.facilitator = await sessionFor(f);
  cookie.funder = await sessionFor(await createPerson({ accountRole: "funder" }));
  cookie.admin = await sessionFor(await createPerson({ accountRole: "admin" }));

  // Utrecht's reflections: two this month and one two months ago count; private, deleted and old ones don't.
  await dated("reflection", await writeReflection(r1.id, utrecht.id, { title: "Team", text: "x", visibility: "team" }), at(thisMonth, "01"));
  await dated("reflection", await writeReflection(r2.id, utrecht.id, { title: "Netwerk", text: "x", visibility: "network" }), at(thisMonth, "01"));
  await dated(
    "reflection",
    await writeReflection(r3.id, utrecht.id, { title: marker.privateReflection, text: marker.privateReflection, visibility: "private" }),
    at(thisMonth, "01"),
  );
  await dated(
    "reflection",
    await writeReflection(p1.id, utrecht.id, { title: marker.teamReflection, text: marker.teamReflection, visibility: "team" }),
    at(twoAgo),
  );
  const deleted = await writeReflection(r1.id, utrecht.id, { title: "Weg", text: "x", visibility: "team" });
  await db().updateTable("reflection").set({ deleted_at: new Date() }).where("id", "=", deleted).execute();
  const old = await writeReflection(r1.id, utrecht.id, { title: "Oud", text: "x", visibility: "network" });
  await dated("reflection", old, new Date(amsterdamTimeToUtc(`${first}-01`, "00:00")!.getTime() - 60_000));

  // Utrecht's lessons: A1–A4 shared with the network, one team-only, one deleted.
  lesson.a1 = await writeLesson(r1.id, utrecht.id, { statement: "Gedeelde les A1", visibility: "network" });
  await dated("lesson", lesson.a1, at(thisMonth, "01"));
  const teamLesson = await writeLesson(p1.id, utrecht.id, { statement: marker.teamLesson, text: marker.teamLesson, visibility: "team" });
  await dated("lesson", teamLesson, at(thisMonth, "01"));
  const deletedLesson = await writeLesson(r2.id, utrecht.id, { statement: marker.deletedLesson, visibility: "network" });
  await db().updateTable("lesson").set({ deleted_at: new Date() }).where("id", "=", deletedLesson).execute();
  lesson.a2 = await writeLesson(f.id, utrecht.id, { statement: "Gedeelde les A2", visibility: "network" });
  await dated("lesson", lesson.a2, at(twoAgo));
  lesson.a3 = await writeLesson(f.id, utrecht.id, { statement: "Gedeelde les A3", visibility: "network" });
  await dated("lesson", lesson.a3, at(threeAgo));
  lesson.a4 = await writeLesson(f.id, utrecht.id, { statement: "Gedeelde les A4", visibility: "network" });
  await dated("lesson", lesson.a4, at(fourAgo));

  // Utrecht's sessions: one held two months ago; a future, a cancelled and a polling one are not held.
  const facilitatorId = f.id;
  await insertSession({ coalitionId: utrecht.id, facilitatorId, title: marker.sessionTitle, startsAt: new Date(at(twoAgo)) });
  await insertSession({ coalitionId: utrecht.id, facilitatorId, startsAt: new Date(Date.now() + 30 * 864e5) });
  await insertSession({ coalitionId: utrecht.id, facilitatorId, status: "cancelled", startsAt: new Date(at(twoAgo, "16")) });
  await insertSession({ coalitionId: utrecht.id, facilitatorId, status: "polling" });

  // Utrecht's milestones: one of each status, a planned one past its target (overdue), and a deleted one.
  const future = "2099-01-01";
  for (const status of ["achieved", "in_progress", "adjusted", "dropped"] as const) {
    await writeMilestone(f.id, utrecht.id, { title: `Mijlpaal ${status}`, visibility: "team", status, targetDate: future });
  }
  await writeMilestone(f.id, utrecht.id, { title: "Te laat", visibility: "team", status: "planned", targetDate: "2020-01-01" });
  const gone = await writeMilestone(f.id, utrecht.id, { title: "Weg", visibility: "team", status: "achieved" });
  await db().updateTable("milestone").set({ deleted_at: new Date() }).where("id", "=", gone).execute();

  // Voorst: two members; a reflection last month, and two around the Amsterdam midnight that starts the window.
  await dated("reflection", await writeReflection(v1.id, voorst.id, { title: "Vorige maand", text: "x", visibility: "team" }), at(lastMonth));
  const windowStart = amsterdamTimeToUtc(`${first}-01`, "00:30")!;
  await dated("reflection", await writeReflection(v1.id, voorst.id, { title: "Net binnen", text: "x", visibility: "team" }), windowStart);
  await dated(
    "reflection",
    await writeReflection(v1.id, voorst.id, { title: "Net buiten", text: "x", visibility: "team" }),
    new Date(windowStart.getTime() - 3600_000),
  );
  // A private reflection written just now is not activity the funder may know of.
  await writeReflection(v1.id, voorst.id, { title: marker.privateReflection, text: marker.privateReflection, visibility: "private" });
});

function load(who?: keyof typeof cookie) {
  return callRoute(route.loader, { request: browserRequest("/programme", { cookie: who ? cookie[who] : undefined }) });
}

async function dashboard(who: "funder" | "admin"): Promise<ProgrammeDashboard> {
  const response = await load(who);
  expect(response.status).toBe(200);
  return response.json();
}

const byName = (data: ProgrammeDashboard, name: string) => data.coalitions.find((c) => c.name === name)!;

describe("the programme dashboard, computed by hand", () => {
  it("lists every coalition by name, with members by perspective", async () => {
    const data = await dashboard("funder");
    expect(data.coalitions.map((c) => c.name)).toEqual(["Utrecht Overvecht", "Voorst Twello", "Zutphen Noord"]);
    expect(byName(data, "Utrecht Overvecht").byPerspective.map((p) => [p.perspective, p.members])).toEqual([
      ["resident", 3],
      ["volunteer", 1],
      ["professional", 1],
      ["municipality", 0],
      ["board", 0],
    ]);
    expect(byName(data, "Utrecht Overvecht").members).toBe(5);
  });

  it("counts reflections, sessions held and lessons per month over 12 months: no private, deleted, older or future ones", async () => {
    const data = await dashboard("funder");
    expect(data.months).toEqual(months);
    const utrechtMonths = Object.fromEntries(byName(data, "Utrecht Overvecht").activity.map((m) => [m.month, m]));
    expect(utrechtMonths[thisMonth]).toEqual({ month: thisMonth, reflections: 2, sessions: 0, lessons: 2 });
    expect(utrechtMonths[twoAgo]).toEqual({ month: twoAgo, reflections: 1, sessions: 1, lessons: 1 });
    expect(utrechtMonths[threeAgo]).toEqual({ month: threeAgo, reflections: 0, sessions: 0, lessons: 1 });
    expect(utrechtMonths[fourAgo]).toEqual({ month: fourAgo, reflections: 0, sessions: 0, lessons: 1 });
    expect(byName(data, "Utrecht Overvecht").totals).toEqual({ reflections: 3, sessions: 1, lessons: 5 });
    expect(data.peak).toBe(4);
  });

  it("places items by the month in Amsterdam: 00:30 on the first day of the window counts, 23:30 the evening before does not", async () => {
    const voorstMonths = byName(await dashboard("funder"), "Voorst Twello").activity;
    expect(voorstMonths[0]).toEqual({ month: first, reflections: 1, sessions: 0, lessons: 0 });
    expect(voorstMonths.find((m) => m.month === lastMonth)?.reflections).toBe(1);
    expect(voorstMonths.reduce((sum, m) => sum + m.reflections, 0)).toBe(2);
  });

  it("breaks down what was written by perspective only where the perspective has at least 3 people", async () => {
    const data = await dashboard("funder");
    expect(byName(data, "Utrecht Overvecht").byPerspective).toEqual([
      { perspective: "resident", members: 3, contributions: 3 },
      { perspective: "volunteer", members: 1, contributions: null },
      { perspective: "professional", members: 1, contributions: null },
      { perspective: "municipality", members: 0, contributions: null },
      { perspective: "board", members: 0, contributions: null },
    ]);
    expect(byName(data, "Voorst Twello").byPerspective.every((p) => p.contributions === null)).toBe(true);
  });

  it("counts milestones achieved, in progress, adjusted and overdue (not deleted ones)", async () => {
    const data = await dashboard("funder");
    expect(byName(data, "Utrecht Overvecht").milestones).toEqual({ achieved: 1, inProgress: 1, adjusted: 1, overdue: 1, total: 5 });
    expect(byName(data, "Voorst Twello").milestones).toEqual({ achieved: 0, inProgress: 0, adjusted: 0, overdue: 0, total: 0 });
  });

  it("shows the last activity the funder may know of: not a private reflection written later", async () => {
    const data = await dashboard("funder");
    expect(byName(data, "Voorst Twello").lastActivity).toBe(new Date(at(lastMonth)).toISOString());
    expect(byName(data, "Zutphen Noord").lastActivity).toBeNull();
  });

  it("shows each coalition's three latest lessons shared with the network, newest first", async () => {
    const data = await dashboard("funder");
    expect(byName(data, "Utrecht Overvecht").latestLessons).toEqual(
      ["a1", "a2", "a3"].map((key) => ({
        id: lesson[key],
        statement: `Gedeelde les ${key.toUpperCase()}`,
        href: `/teams/${utrecht.slug}/lessons/${lesson[key]}`,
      })),
    );
    expect(byName(data, "Voorst Twello").latestLessons).toEqual([]);
  });

  it("never sends team-only, private, deleted or session text to the funder's page", async () => {
    const data = await dashboard("funder");
    const html = await renderPage(route.default, data);
    expect(html).toContain("Gedeelde les A1");
    expect(html).toContain("<caption>Activiteit per maand: Utrecht Overvecht</caption>");
    expect(html).toContain("Professional: minder dan 3 mensen, niet uitgesplitst");
    for (const word of Object.values(marker)) expect(html + JSON.stringify(data)).not.toContain(word);
  });

  it("gives the admin the figures without any text", async () => {
    const data = await dashboard("admin");
    expect(byName(data, "Utrecht Overvecht").totals).toEqual({ reflections: 3, sessions: 1, lessons: 5 });
    expect(data.coalitions.every((c) => c.latestLessons.length === 0)).toBe(true);
    const html = await renderPage(route.default, data);
    expect(html).not.toContain("Gedeelde les");
    expect(html).not.toContain("/programme/export/");
    expect(html).toContain("Als beheerder ziet u alleen aantallen, geen teksten.");
  });
});

describe("who may open /programme", () => {
  it.each(["member", "facilitator"] as const)("a %s gets 404", async (who) => {
    expect((await load(who)).status).toBe(404);
  });

  it("an anonymous visitor is sent to /login", async () => {
    const response = await load();
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/login?redirectTo=${encodeURIComponent("/programme")}`);
  });
});

describe("/programme/export/activity.csv", () => {
  const download = (who?: keyof typeof cookie) =>
    callRoute(activityRoute.loader, { request: browserRequest("/programme/export/activity.csv", { cookie: who ? cookie[who] : undefined }) });

  it("gives the funder one row per coalition and month, the same figures as the dashboard", async () => {
    const response = await download("funder");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="leernetwerk-activiteit-\d{4}-\d{2}-\d{2}\.csv"$/);
    const { text, header, rows } = await rowsOf(response);
    expect(header).toEqual(["Coalitie", "Maand", "Reflecties", "Gehouden intervisies", "Lessen"]);
    expect(rows).toHaveLength(3 * 12);
    expect(rows).toContainEqual(["Utrecht Overvecht", twoAgo, "1", "1", "1"]);
    expect(rows).toContainEqual(["Utrecht Overvecht", thisMonth, "2", "0", "2"]);
    expect(rows).toContainEqual(["Voorst Twello", first, "1", "0", "0"]);
    for (const word of Object.values(marker)) expect(text).not.toContain(word);
  });

  it.each(["admin", "member", "facilitator"] as const)("answers 404 to the %s", async (who) => {
    expect((await download(who)).status).toBe(404);
  });
});
