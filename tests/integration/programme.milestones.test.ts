import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../db/db.server";
import type { MilestoneStatus } from "../../db/schema";
import { requireUser } from "../../app/auth/permissions.server";
import { programmeMilestones, parseProgrammeMilestoneFilters } from "../../app/domain/programme/programme-milestones.server";
import * as route from "../../app/routes/programme.milestones";
import { browserRequest, callRoute, createCoalition, createPerson, sessionFor } from "../fixtures";
import { writeMilestone } from "../fixtures/milestones";
import { countQueries } from "../fixtures/queries";
import { renderPage } from "../fixtures/render";

// /programme/milestones: plan versus reality across all coalitions, for the funder (who reads every team's
// milestones always, DESIGN.md §3); the admin, members and facilitators get 404.

const TODAY = "2026-09-01";

let utrecht: Awaited<ReturnType<typeof createCoalition>>;
let voorst: Awaited<ReturnType<typeof createCoalition>>;
const cookie: Record<"funder" | "admin" | "member" | "facilitator", string> = { funder: "", admin: "", member: "", facilitator: "" };
const id: Record<string, string> = {};

/** A status change as the app records it: the history row, and the milestone's new status (and target). */
async function change(
  milestoneId: string,
  by: string,
  input: { from: MilestoneStatus; to: MilestoneStatus; reason: string; at: string; previousTarget?: string; newTarget?: string },
) {
  await db()
    .insertInto("milestone_status_change")
    .values({
      milestone_id: milestoneId,
      from_status: input.from,
      to_status: input.to,
      reason: input.reason,
      previous_target_date: input.previousTarget ?? null,
      new_target_date: input.newTarget ?? null,
      changed_by: by,
      changed_at: new Date(input.at),
    })
    .execute();
  await db()
    .updateTable("milestone")
    .set({ status: input.to, ...(input.newTarget ? { target_date: input.newTarget } : {}) })
    .where("id", "=", milestoneId)
    .execute();
}

beforeAll(async () => {
  utrecht = await createCoalition({ name: "Utrecht Overvecht" });
  voorst = await createCoalition({ name: "Voorst" });
  const ans = await createPerson({ team: utrecht, name: "Ans Jansen" });
  const bram = await createPerson({ team: voorst, name: "Bram de Vries", role: "facilitator" });
  cookie.member = await sessionFor(ans);
  cookie.facilitator = await sessionFor(bram);
  cookie.funder = await sessionFor(await createPerson({ accountRole: "funder" }));
  cookie.admin = await sessionFor(await createPerson({ accountRole: "admin" }));

  // Utrecht: one still planned, one adjusted twice (now overdue on TODAY), one achieved, one deleted.
  id.planned = await writeMilestone(ans.id, utrecht.id, { title: "Buurtkamer open", visibility: "team", targetDate: "2027-03-01", ownerId: ans.id });
  id.adjusted = await writeMilestone(ans.id, utrecht.id, { title: "Vijf werkplaatsen gehouden", visibility: "team", targetDate: "2026-04-01" });
  await change(id.adjusted, ans.id, {
    from: "planned",
    to: "adjusted",
    reason: "Zomervakantie: bewoners pas in het najaar beschikbaar",
    at: "2026-03-20T10:00:00Z",
    previousTarget: "2026-04-01",
    newTarget: "2026-06-15",
  });
  await change(id.adjusted, ans.id, {
    from: "adjusted",
    to: "adjusted",
    reason: "Locatie viel weg",
    at: "2026-06-10T10:00:00Z",
    previousTarget: "2026-06-15",
    newTarget: "2026-08-20",
  });
  id.achieved = await writeMilestone(ans.id, utrecht.id, { title: "Startbijeenkomst gehouden", visibility: "network", targetDate: "2026-06-01" });
  await change(id.achieved, ans.id, { from: "planned", to: "in_progress", reason: "Uitnodigingen verstuurd", at: "2026-05-01T08:00:00Z" });
  // 22:30 UTC on 31 May is 00:30 on 1 June in Amsterdam: the achieved day is 1 June.
  await change(id.achieved, ans.id, { from: "in_progress", to: "achieved", reason: "Veertig mensen kwamen", at: "2026-05-31T22:30:00Z" });
  id.deleted = await writeMilestone(ans.id, utrecht.id, { title: "Weggegooide mijlpaal", visibility: "team", targetDate: "2026-01-01" });
  await db().updateTable("milestone").set({ deleted_at: new Date() }).where("id", "=", id.deleted).execute();

  // Voorst: one in progress and overdue on TODAY, one dropped (past its target, but not open, so not overdue).
  id.inProgress = await writeMilestone(bram.id, voorst.id, { title: "Dorpsgesprek", visibility: "team", targetDate: "2026-08-01" });
  await change(id.inProgress, bram.id, { from: "planned", to: "in_progress", reason: "Gestart", at: "2026-07-01T08:00:00Z" });
  id.dropped = await writeMilestone(bram.id, voorst.id, { title: "Website", visibility: "team", targetDate: "2026-05-01" });
  await change(id.dropped, bram.id, { from: "planned", to: "dropped", reason: "Geen budget", at: "2026-04-01T08:00:00Z" });
});

function load(query = "", who?: keyof typeof cookie) {
  return callRoute(route.loader, { request: browserRequest(`/programme/milestones${query}`, { cookie: who ? cookie[who] : undefined }) });
}

async function funder() {
  return requireUser(browserRequest("/programme/milestones", { cookie: cookie.funder }));
}

const titles = (data: Awaited<ReturnType<typeof programmeMilestones>>) =>
  data.coalitions.flatMap((c) => c.milestones.map((m) => m.title)).sort();

describe("the funder's milestone overview", () => {
  it("groups every coalition's milestones with planned, target and achieved dates and each adjustment with its reason", async () => {
    const response = await load("", "funder");
    expect(response.status).toBe(200);
    const data = await response.json();
    expect(data.coalitions.map((c: { name: string }) => c.name)).toEqual(["Utrecht Overvecht", "Voorst"]);
    expect(data.total).toBe(5);
    const [u, v] = data.coalitions;
    expect(u.milestones.map((m: { title: string }) => m.title)).toEqual(["Startbijeenkomst gehouden", "Vijf werkplaatsen gehouden", "Buurtkamer open"]);
    expect(v.milestones.map((m: { title: string }) => m.title)).toEqual(["Website", "Dorpsgesprek"]);

    const achieved = u.milestones.find((m: { id: string }) => m.id === id.achieved);
    expect(achieved).toMatchObject({
      status: "achieved",
      plannedDate: "2026-06-01",
      targetDate: "2026-06-01",
      achievedDate: "2026-06-01",
      adjustments: [],
      href: `/teams/${utrecht.slug}/milestones/${id.achieved}`,
    });

    const adjusted = u.milestones.find((m: { id: string }) => m.id === id.adjusted);
    expect(adjusted).toMatchObject({ status: "adjusted", plannedDate: "2026-04-01", targetDate: "2026-08-20", achievedDate: null });
    expect(adjusted.adjustments).toEqual([
      expect.objectContaining({
        reason: "Zomervakantie: bewoners pas in het najaar beschikbaar",
        previousTargetDate: "2026-04-01",
        newTargetDate: "2026-06-15",
        changedByName: "Ans Jansen",
        changedAt: "2026-03-20T10:00:00.000Z",
      }),
      expect.objectContaining({ reason: "Locatie viel weg", previousTargetDate: "2026-06-15", newTargetDate: "2026-08-20" }),
    ]);

    expect(u.milestones.find((m: { id: string }) => m.id === id.planned)).toMatchObject({ ownerName: "Ans Jansen", achievedDate: null });
  });

  it("never lists a deleted milestone", async () => {
    const data = await (await load("", "funder")).json();
    expect(JSON.stringify(data)).not.toContain("Weggegooide mijlpaal");
    expect(JSON.stringify(data)).not.toContain(id.deleted);
  });

  it("marks open milestones past their target as overdue on the given day in Amsterdam", async () => {
    const data = await programmeMilestones(await funder(), {}, TODAY);
    const overdue = data.coalitions.flatMap((c) => c.milestones.filter((m) => m.overdue).map((m) => m.title)).sort();
    expect(overdue).toEqual(["Dorpsgesprek", "Vijf werkplaatsen gehouden"]);
  });

  it("filters by coalition", async () => {
    const data = await (await load(`?coalition=${voorst.slug}`, "funder")).json();
    expect(data.filters).toEqual({ coalition: voorst.slug });
    expect(data.coalitions.map((c: { slug: string }) => c.slug)).toEqual([voorst.slug]);
    expect(data.total).toBe(2);
    expect(data.options.map((o: { slug: string }) => o.slug).sort()).toEqual([utrecht.slug, voorst.slug].sort());
  });

  it("filters by status, and by overdue on a fixed day", async () => {
    const user = await funder();
    expect(titles(await programmeMilestones(user, { status: "achieved" }, TODAY))).toEqual(["Startbijeenkomst gehouden"]);
    expect(titles(await programmeMilestones(user, { status: "dropped" }, TODAY))).toEqual(["Website"]);
    expect(titles(await programmeMilestones(user, { status: "overdue" }, TODAY))).toEqual(["Dorpsgesprek", "Vijf werkplaatsen gehouden"]);
    // Before any target date nothing is overdue; the dropped one never is.
    expect(titles(await programmeMilestones(user, { status: "overdue" }, "2026-01-01"))).toEqual([]);
    expect(titles(await programmeMilestones(user, { coalition: utrecht.slug, status: "overdue" }, TODAY))).toEqual(["Vijf werkplaatsen gehouden"]);
  });

  it("ignores malformed filters and unknown coalitions", async () => {
    expect(parseProgrammeMilestoneFilters(new URLSearchParams("status=gewonnen&coalition="))).toEqual({ coalition: undefined, status: undefined });
    expect(parseProgrammeMilestoneFilters(new URLSearchParams(`status=overdue&coalition=${"x".repeat(200)}`))).toEqual({
      coalition: undefined,
      status: "overdue",
    });
    const data = await (await load("?coalition=bestaat-niet&status=gewonnen", "funder")).json();
    expect(data.total).toBe(5);
    expect(data.coalitions).toHaveLength(2);
  });
});

describe("how the overview is read and shown", () => {
  it("takes three queries however many milestones: coalitions, milestones, and all their history at once", async () => {
    const user = await funder();
    const queries = await countQueries(async () => {
      const data = await programmeMilestones(user, {}, TODAY);
      expect(data.total).toBe(5);
    });
    expect(queries).toBe(3);
  });

  it("renders per coalition a table with planned, target and achieved dates and the adjustment reasons", async () => {
    const data = await (await load("?coalition=" + utrecht.slug, "funder")).json();
    const html = await renderPage(route.default, data);
    expect(html).toContain('<label for="filter-coalition">Coalitie</label>');
    expect(html).toContain('<label for="filter-status">Status</label>');
    expect(html).toContain(">Utrecht Overvecht</a></h2>");
    expect(html).toContain('<th scope="col">Behaald op</th>');
    expect(html).toContain(`href="/teams/${utrecht.slug}/milestones/${id.adjusted}"`);
    expect(html).toContain("Zomervakantie: bewoners pas in het najaar beschikbaar");
    expect(html).toContain("Locatie viel weg");
    expect(html).toContain('<time dateTime="2026-04-01">1 april 2026</time>');
    expect(html).toContain('<time dateTime="2026-08-20">20 augustus 2026</time>');
    expect(html).toContain('<time dateTime="2026-06-01">1 juni 2026</time>');
    expect(html).not.toContain("Dorpsgesprek"); // Voorst is only a choice in the filter
  });
});

describe("who may open /programme/milestones", () => {
  it("the admin gets 404: milestones are team content, and the admin reads none", async () => {
    const response = await load("", "admin");
    expect(response.status).toBe(404);
  });

  it.each(["member", "facilitator"] as const)("a %s gets 404", async (who) => {
    const response = await load("", who);
    expect(response.status).toBe(404);
  });

  it("an anonymous visitor is sent to /login", async () => {
    const response = await load("?status=overdue");
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/login?redirectTo=${encodeURIComponent("/programme/milestones?status=overdue")}`);
  });
});
