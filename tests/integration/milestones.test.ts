import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../db/db.server";
import type { MilestoneStatus } from "../../db/schema";
import { requireUser, type Team, type User } from "../../app/auth/permissions.server";
import { getMilestone, listMilestones, milestoneSummary, recentMilestoneChanges } from "../../app/domain/milestones/milestones.server";
import { todayInAmsterdam } from "../../app/i18n/dates";
import * as detailRoute from "../../app/routes/teams.$team.milestones.$id._index";
import * as editRoute from "../../app/routes/teams.$team.milestones.$id.edit";
import * as listRoute from "../../app/routes/teams.$team.milestones._index";
import * as newRoute from "../../app/routes/teams.$team.milestones.new";
import { browserRequest, callRoute, createCoalition, createPerson, sessionFor } from "../fixtures";
import { milestoneState, writeMilestone } from "../fixtures/milestones";

let team: Awaited<ReturnType<typeof createCoalition>>;
let member: { id: string; name: string };
let colleague: { id: string; name: string };
let memberCookie: string;
let colleagueCookie: string;
let facilitatorCookie: string;

beforeAll(async () => {
  team = await createCoalition();
  member = await createPerson({ team, name: "Ans Jansen" });
  colleague = await createPerson({ team, name: "Bram de Vries" });
  memberCookie = await sessionFor(member);
  colleagueCookie = await sessionFor(colleague);
  facilitatorCookie = await sessionFor(await createPerson({ team, role: "facilitator" }));
});

function idFrom(response: Response): string {
  return response.headers.get("Location")!.split("/").pop()!;
}

function add(form: Record<string, string>, cookie = memberCookie) {
  return callRoute(newRoute.action, {
    request: browserRequest(`/teams/${team.slug}/milestones/new`, { cookie, form }),
    params: { team: team.slug },
  });
}

function changeStatus(id: string, form: Record<string, string>, cookie = memberCookie) {
  return callRoute(detailRoute.action, {
    request: browserRequest(`/teams/${team.slug}/milestones/${id}`, { cookie, form }),
    params: { team: team.slug, id },
  });
}

function editDetails(id: string, form: Record<string, string>, cookie = memberCookie) {
  return callRoute(editRoute.action, {
    request: browserRequest(`/teams/${team.slug}/milestones/${id}/edit`, { cookie, form }),
    params: { team: team.slug, id },
  });
}

async function detail(id: string, cookie = memberCookie) {
  const response = await callRoute(detailRoute.loader, {
    request: browserRequest(`/teams/${team.slug}/milestones/${id}`, { cookie }),
    params: { team: team.slug, id },
  });
  expect(response.status).toBe(200);
  return response.json();
}

const dayBefore = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - 864e5).toISOString().slice(0, 10);

describe("adding a milestone", () => {
  it("stores the target date as the planned date too, and starts the timeline at 'planned' with the reason", async () => {
    const response = await add({
      title: "Vijf werkplaatsen gehouden",
      descriptionText: "Bewoners en Synthese ontwerpen samen.",
      targetDate: "2027-05-01",
      owner: colleague.id,
      visibility: "network",
      reason: "Afgesproken op de startbijeenkomst",
    });
    expect(response.status).toBe(302);
    const data = await detail(idFrom(response));
    expect(data.milestone).toMatchObject({
      title: "Vijf werkplaatsen gehouden",
      status: "planned",
      plannedDate: "2027-05-01",
      targetDate: "2027-05-01",
      ownerName: "Bram de Vries",
      visibility: "network",
      overdue: false,
    });
    expect(JSON.stringify(data.milestone.description)).toContain("Bewoners en Synthese ontwerpen samen.");
    expect(data.history).toHaveLength(1);
    expect(data.history[0]).toMatchObject({
      fromStatus: null,
      toStatus: "planned",
      reason: "Afgesproken op de startbijeenkomst",
      changedByName: "Ans Jansen",
    });
  });

  it("without a typed reason records 'Opgenomen in het plan van aanpak', and the description may stay empty", async () => {
    const response = await add({ title: "Buurtkamer open", descriptionText: "", targetDate: "2027-01-15", owner: "", visibility: "team", reason: "" });
    expect(response.status).toBe(302);
    const { milestone, history } = await milestoneState(idFrom(response));
    expect(milestone.owner_id).toBeNull();
    expect(milestone.description_text).toBe("");
    expect(history.map((h) => [h.from_status, h.to_status, h.reason])).toEqual([[null, "planned", "Opgenomen in het plan van aanpak"]]);
  });

  it("with bad input says what is wrong per field, keeps the description and saves nothing", async () => {
    const before = await db().selectFrom("milestone").select("id").execute();
    const response = await add({ title: "", descriptionText: "Mijn woorden blijven.", targetDate: "2027-02-30", visibility: "private" });
    expect(response.status).toBe(400);
    const data = await response.json();
    expect(data.result.error).toMatchObject({ title: ["error.required"], targetDate: ["error.date"], visibility: ["error.choose"] });
    expect(JSON.stringify(data.description)).toContain("Mijn woorden blijven.");
    expect(await db().selectFrom("milestone").select("id").execute()).toHaveLength(before.length);
  });

  it("refuses an owner from outside the team", async () => {
    const outsider = await createPerson({ team: await createCoalition() });
    const before = await db().selectFrom("milestone").select("id").execute();
    const response = await add({ title: "Met een vreemde trekker", targetDate: "2027-02-01", owner: outsider.id, visibility: "team" });
    expect(response.status).toBe(400);
    expect((await response.json()).result.error).toMatchObject({ owner: ["milestone.error.ownerNotMember"] });
    expect(await db().selectFrom("milestone").select("id").execute()).toHaveLength(before.length);
  });
});

describe("changing the status", () => {
  let id: string;
  beforeAll(async () => {
    id = await writeMilestone(member.id, team.id, { title: "Gezamenlijk overleg ingericht", visibility: "team", targetDate: "2027-04-01" });
  });

  it("without a reason is refused with a field error, and neither the milestone nor its history changes", async () => {
    for (const reason of [undefined, "", "   \n  "]) {
      const before = await milestoneState(id);
      const form: Record<string, string> = { version: String(before.milestone.version), status: "in_progress" };
      if (reason !== undefined) form.reason = reason;
      const response = await changeStatus(id, form);
      expect(response.status).toBe(400);
      expect((await response.json()).result.error).toMatchObject({ reason: ["milestone.error.reasonRequired"] });
      expect(await milestoneState(id)).toEqual(before);
    }
  });

  it("with a reason over 500 characters is refused and changes nothing", async () => {
    const before = await milestoneState(id);
    const response = await changeStatus(id, { version: String(before.milestone.version), status: "in_progress", reason: "x".repeat(501) });
    expect(response.status).toBe(400);
    expect((await response.json()).result.error).toMatchObject({ reason: ["milestone.error.reasonTooLong"] });
    expect(await milestoneState(id)).toEqual(before);
  });

  it("to 'adjusted' without a new target date is refused (together with a missing reason) and changes nothing", async () => {
    const before = await milestoneState(id);
    const withReason = await changeStatus(id, { version: String(before.milestone.version), status: "adjusted", reason: "Later", newTargetDate: "" });
    expect(withReason.status).toBe(400);
    expect((await withReason.json()).result.error).toMatchObject({ newTargetDate: ["milestone.error.newTargetDateRequired"] });
    const withoutReason = await changeStatus(id, { version: String(before.milestone.version), status: "adjusted" });
    expect((await withoutReason.json()).result.error).toMatchObject({
      reason: ["milestone.error.reasonRequired"],
      newTargetDate: ["milestone.error.newTargetDateRequired"],
    });
    expect(await milestoneState(id)).toEqual(before);
  });

  it("to the status it already has is refused", async () => {
    const before = await milestoneState(id);
    const response = await changeStatus(id, { version: String(before.milestone.version), status: "planned", reason: "Nog steeds gepland" });
    expect(response.status).toBe(400);
    expect((await response.json()).result.error).toMatchObject({ status: ["milestone.error.sameStatus"] });
    expect(await milestoneState(id)).toEqual(before);
  });

  it("records who, when, from, to and why, and leaves the dates alone", async () => {
    const before = await milestoneState(id);
    const response = await changeStatus(
      id,
      { version: String(before.milestone.version), status: "in_progress", reason: "Eerste overleg gepland met alle partners" },
      colleagueCookie,
    );
    expect(response.status).toBe(302);
    const data = await detail(id);
    expect(data.milestone).toMatchObject({ status: "in_progress", plannedDate: "2027-04-01", targetDate: "2027-04-01", version: before.milestone.version + 1 });
    expect(data.history.at(-1)).toMatchObject({
      fromStatus: "planned",
      toStatus: "in_progress",
      reason: "Eerste overleg gepland met alle partners",
      previousTargetDate: null,
      newTargetDate: null,
      changedByName: "Bram de Vries",
    });
    expect(Date.now() - Date.parse(data.history.at(-1).changedAt)).toBeLessThan(60_000);
  });

  it("to 'adjusted' moves the target date, keeps the planned date, and records the previous and the new target", async () => {
    const first = await milestoneState(id);
    const response = await changeStatus(id, {
      version: String(first.milestone.version),
      status: "adjusted",
      reason: "De gemeente schuift het budget door",
      newTargetDate: "2027-09-01",
    });
    expect(response.status).toBe(302);
    const second = await milestoneState(id);
    expect(second.history).toHaveLength(first.history.length + 1);

    // A second adjustment starts from the first one's date; the plan still says April.
    const again = await changeStatus(id, {
      version: String(second.milestone.version),
      status: "adjusted",
      reason: "Zomervakantie",
      newTargetDate: "2027-10-15",
    });
    expect(again.status).toBe(302);
    const data = await detail(id);
    expect(data.milestone).toMatchObject({ status: "adjusted", plannedDate: "2027-04-01", targetDate: "2027-10-15" });
    expect(data.history.slice(-2).map((h: Record<string, unknown>) => [h.fromStatus, h.toStatus, h.previousTargetDate, h.newTargetDate])).toEqual([
      ["in_progress", "adjusted", "2027-04-01", "2027-09-01"],
      ["adjusted", "adjusted", "2027-09-01", "2027-10-15"],
    ]);
  });

  it("to 'adjusted' with the same target date is refused", async () => {
    const before = await milestoneState(id);
    const response = await changeStatus(id, {
      version: String(before.milestone.version),
      status: "adjusted",
      reason: "Toch niet",
      newTargetDate: "2027-10-15",
    });
    expect(response.status).toBe(400);
    expect((await response.json()).result.error).toMatchObject({ newTargetDate: ["milestone.error.sameTargetDate"] });
    expect(await milestoneState(id)).toEqual(before);
  });

  it("from a stale form is refused with a clear conflict, changes nothing, and succeeds once resent from the current version", async () => {
    const start = await milestoneState(id);
    const version = String(start.milestone.version);
    // Two people have the page open; the first records "achieved".
    const first = await changeStatus(id, { version, status: "achieved", reason: "Het overleg draait" }, colleagueCookie);
    expect(first.status).toBe(302);
    const afterFirst = await milestoneState(id);

    const stale = await changeStatus(id, { version, status: "dropped", reason: "Geen tijd meer" });
    expect(stale.status).toBe(409);
    const reply = await stale.json();
    expect(reply.conflict).toEqual({ status: "achieved" });
    expect(reply.result.initialValue).toMatchObject({ reason: "Geen tijd meer" }); // the typed reason stays in the form
    expect(await milestoneState(id)).toEqual(afterFirst);

    const resent = await changeStatus(id, { version: String(afterFirst.milestone.version), status: "dropped", reason: "Geen tijd meer" });
    expect(resent.status).toBe(302);
    expect((await milestoneState(id)).milestone.status).toBe("dropped");
  });
});

describe("the status history", () => {
  let id: string;
  beforeAll(async () => {
    id = await writeMilestone(member.id, team.id, { title: "Geschiedenis", visibility: "team" });
  });

  it("refuses a direct UPDATE through Kysely", async () => {
    const before = await milestoneState(id);
    await expect(
      db().updateTable("milestone_status_change").set({ reason: "Herschreven" }).where("milestone_id", "=", id).execute(),
    ).rejects.toThrow(/append-only/);
    expect(await milestoneState(id)).toEqual(before);
  });

  it("refuses a direct DELETE through Kysely", async () => {
    const before = await milestoneState(id);
    await expect(db().deleteFrom("milestone_status_change").where("milestone_id", "=", id).execute()).rejects.toThrow(/append-only/);
    expect(await milestoneState(id)).toEqual(before);
  });

  it("is never updated or deleted by any route or domain function", () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const file = path.join(dir, name);
        if (statSync(file).isDirectory()) walk(file);
        else if (/\.(ts|tsx)$/.test(name)) files.push(file);
      }
    };
    walk(path.resolve("app"));
    walk(path.resolve("db"));
    const writers = files.filter((file) => {
      const source = readFileSync(file, "utf8");
      return (
        /(updateTable|deleteFrom)\(\s*["'`]milestone_status_change/.test(source) ||
        /\b(update|delete\s+from)\s+"?milestone_status_change\b/i.test(source)
      );
    });
    expect(files.length).toBeGreaterThan(10);
    // The one exception is an erasure: a departing person's name leaves the history (the milestones' hand-over to
    // the stand-in) and an erased milestone takes its history with it (the departure made final), under a
    // setting the trigger checks (tests/integration/departures.test.ts).
    expect(writers.map((file) => path.relative(process.cwd(), file)).sort()).toEqual([
      path.join("app", "domain", "milestones", "personal-data.server.ts"),
      path.join("app", "domain", "privacy", "departures.server.ts"),
    ]);
  });
});

describe("overdue, in Europe/Amsterdam", () => {
  let overdueTeam: Team;
  let reader: User;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const coalition = await createCoalition();
    overdueTeam = { id: coalition.id, slug: coalition.slug, name: coalition.name, place: "Ergens", description: "" };
    const person = await createPerson({ team: coalition });
    reader = await requireUser(browserRequest("/", { cookie: await sessionFor(person) }));
    const rows: [string, string, MilestoneStatus][] = [
      ["dueYesterday", "2026-03-10", "planned"],
      ["dueToday", "2026-03-11", "planned"],
      ["achievedLongAgo", "2026-01-01", "achieved"],
      ["droppedLongAgo", "2026-01-01", "dropped"],
      ["inProgressLate", "2026-02-01", "in_progress"],
      ["adjustedLate", "2026-03-01", "adjusted"],
      ["later", "2026-12-01", "in_progress"],
    ];
    for (const [name, targetDate, status] of rows) {
      ids[name] = await writeMilestone(person.id, coalition.id, { title: name, visibility: "team", targetDate, status });
    }
  });

  // 23:30 UTC on 10 March is already 00:30 on 11 March in Amsterdam (CET, UTC+1).
  const justAfterMidnightInAmsterdam = new Date("2026-03-10T23:30:00Z");

  it("uses the Amsterdam date, not the UTC date, around midnight", () => {
    expect(justAfterMidnightInAmsterdam.toISOString().slice(0, 10)).toBe("2026-03-10");
    expect(todayInAmsterdam(justAfterMidnightInAmsterdam)).toBe("2026-03-11");
    expect(todayInAmsterdam(new Date("2026-03-10T22:30:00Z"))).toBe("2026-03-10");
    // In summer time (UTC+2) the day turns at 22:00 UTC.
    expect(todayInAmsterdam(new Date("2026-07-10T22:30:00Z"))).toBe("2026-07-11");
  });

  it("marks a milestone due yesterday in Amsterdam as overdue, not one due today, and never an achieved or dropped one", async () => {
    const today = todayInAmsterdam(justAfterMidnightInAmsterdam);
    const { items, summary } = await listMilestones(reader, overdueTeam, {}, today);
    const overdue = Object.fromEntries(items.map((item) => [item.title, item.overdue]));
    expect(overdue).toEqual({
      achievedLongAgo: false,
      droppedLongAgo: false,
      inProgressLate: true,
      adjustedLate: true,
      dueYesterday: true,
      dueToday: false,
      later: false,
    });
    expect(summary).toEqual({ achieved: 1, inProgress: 2, overdue: 3, total: 7 });
    expect(await milestoneSummary(reader, overdueTeam, today)).toEqual(summary);
    expect((await getMilestone(reader, overdueTeam, ids.dueYesterday, today)).overdue).toBe(true);
    expect((await getMilestone(reader, overdueTeam, ids.dueToday, today)).overdue).toBe(false);
  });

  it("an hour earlier, still 10 March in Amsterdam, the milestone due that day is not overdue yet", async () => {
    const today = todayInAmsterdam(new Date("2026-03-10T22:30:00Z"));
    expect((await getMilestone(reader, overdueTeam, ids.dueYesterday, today)).overdue).toBe(false);
    expect((await milestoneSummary(reader, overdueTeam, today)).overdue).toBe(2);
  });

  it("filters on 'overdue' and on a status, ordered by target date", async () => {
    const today = todayInAmsterdam(justAfterMidnightInAmsterdam);
    const late = await listMilestones(reader, overdueTeam, { status: "overdue" }, today);
    expect(late.items.map((item) => item.title)).toEqual(["inProgressLate", "adjustedLate", "dueYesterday"]);
    const inProgress = await listMilestones(reader, overdueTeam, { status: "in_progress" }, today);
    expect(inProgress.items.map((item) => item.title)).toEqual(["inProgressLate", "later"]);
    expect(inProgress.summary.total).toBe(7); // the summary counts all, whatever the filter
  });

  it("on the page uses today's date in Amsterdam", async () => {
    const today = todayInAmsterdam();
    const coalition = await createCoalition();
    const person = await createPerson({ team: coalition });
    const cookie = await sessionFor(person);
    await writeMilestone(person.id, coalition.id, { title: "gisteren", visibility: "team", targetDate: dayBefore(today) });
    await writeMilestone(person.id, coalition.id, { title: "vandaag", visibility: "team", targetDate: today });
    const response = await callRoute(listRoute.loader, {
      request: browserRequest(`/teams/${coalition.slug}/milestones?status=nonsense`, { cookie }),
      params: { team: coalition.slug },
    });
    const data = await response.json();
    expect(data.items.map((item: { title: string; overdue: boolean }) => [item.title, item.overdue])).toEqual([
      ["gisteren", true],
      ["vandaag", false],
    ]);
    expect(data.summary).toMatchObject({ overdue: 1, total: 2 });
  });
});

describe("editing the details", () => {
  let id: string;
  beforeAll(async () => {
    id = await writeMilestone(member.id, team.id, { title: "Ontmoetingsplek", visibility: "team", targetDate: "2027-08-01", text: "Origineel" });
  });

  it("changes title, description, owner and visibility, but never the dates or the status", async () => {
    const before = await milestoneState(id);
    const response = await editDetails(id, {
      version: String(before.milestone.version),
      title: "Ontmoetingsplek in De Nude",
      descriptionText: "Een vaste plek voor dagbesteding.",
      owner: colleague.id,
      visibility: "network",
      targetDate: "2030-01-01",
      plannedDate: "2030-01-01",
      status: "achieved",
    });
    expect(response.status).toBe(302);
    const { milestone, history } = await milestoneState(id);
    expect(milestone).toMatchObject({
      title: "Ontmoetingsplek in De Nude",
      description_text: "Een vaste plek voor dagbesteding.",
      owner_id: colleague.id,
      visibility: "network",
      status: "planned",
      version: before.milestone.version + 1,
    });
    expect(milestone.target_date).toEqual(before.milestone.target_date);
    expect(milestone.planned_date).toEqual(before.milestone.planned_date);
    expect(history).toEqual(before.history);
  });

  it("by a teammate who is neither facilitator, owner nor creator is 404", async () => {
    const other = await createPerson({ team });
    const before = await milestoneState(id);
    const response = await editDetails(id, { version: String(before.milestone.version), title: "Gekaapt", visibility: "team" }, await sessionFor(other));
    expect(response.status).toBe(404);
    expect(await milestoneState(id)).toEqual(before);
  });

  it("does not let a stale save overwrite: 409 with both versions, the person's text kept, then saves the merge", async () => {
    const start = await milestoneState(id);
    const version = String(start.milestone.version);
    const base = { title: "Ontmoetingsplek in De Nude", owner: colleague.id, visibility: "network" };
    const first = await editDetails(id, { ...base, version, descriptionText: "Versie van de begeleider" }, facilitatorCookie);
    expect(first.status).toBe(302);
    const second = await editDetails(id, { ...base, version, descriptionText: "Versie van de maker" });
    expect(second.status).toBe(409);
    const conflict = await second.json();
    expect(JSON.stringify(conflict.current.description)).toContain("Versie van de begeleider");
    expect(JSON.stringify(conflict.description)).toContain("Versie van de maker");
    expect(conflict.current.version).toBe(start.milestone.version + 1);
    expect((await milestoneState(id)).milestone.description_text).toBe("Versie van de begeleider");

    const merged = await editDetails(id, { ...base, version: String(conflict.current.version), descriptionText: "Beide versies" });
    expect(merged.status).toBe(302);
    expect((await milestoneState(id)).milestone).toMatchObject({ description_text: "Beide versies", version: start.milestone.version + 2 });
  });
});

describe("recent milestone changes for the team's home page", () => {
  it("lists the latest changes, newest first, with milestone, from, to, reason, when and by whom", async () => {
    const coalition = await createCoalition();
    const person = await createPerson({ team: coalition, name: "Cor Bakker" });
    const cookie = await sessionFor(person);
    const homeTeam: Team = { id: coalition.id, slug: coalition.slug, name: coalition.name, place: "Ergens", description: "" };
    const id = await writeMilestone(person.id, coalition.id, { title: "Buurtnetwerk", visibility: "team" });
    const version = (await milestoneState(id)).milestone.version;
    const response = await callRoute(detailRoute.action, {
      request: browserRequest(`/teams/${coalition.slug}/milestones/${id}`, { cookie, form: { version: String(version), status: "in_progress", reason: "Gestart" } }),
      params: { team: coalition.slug, id },
    });
    expect(response.status).toBe(302);
    const user = await requireUser(browserRequest("/", { cookie }));
    const changes = await recentMilestoneChanges(user, homeTeam, 5);
    expect(changes.map((c) => [c.milestoneTitle, c.from, c.to, c.reason, c.changedByName])).toEqual([
      ["Buurtnetwerk", "planned", "in_progress", "Gestart", "Cor Bakker"],
      ["Buurtnetwerk", null, "planned", "Opgenomen in het plan van aanpak", "Cor Bakker"],
    ]);
    expect(changes[0].milestoneId).toBe(id);
    expect(changes[0].changedAt).toBeInstanceOf(Date);
    expect(await recentMilestoneChanges(user, homeTeam, 1)).toHaveLength(1);
  });
});
