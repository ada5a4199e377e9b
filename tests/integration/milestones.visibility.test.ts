import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../db/db.server";
import type { MilestoneStatus, SharedVisibility } from "../../db/schema";
import { requireUser } from "../../app/auth/permissions.server";
import { milestoneSummary, recentMilestoneChanges } from "../../app/domain/milestones/milestones.server";
import * as detailRoute from "../../app/routes/teams.$team.milestones.$id._index";
import * as editRoute from "../../app/routes/teams.$team.milestones.$id.edit";
import * as listRoute from "../../app/routes/teams.$team.milestones._index";
import * as newRoute from "../../app/routes/teams.$team.milestones.new";
import { browserRequest, callRoute, createCoalition, createPerson, sessionFor } from "../fixtures";
import { milestoneState, writeMilestone } from "../fixtures/milestones";

// DESIGN.md §3 for milestones: the team and the funder always read them, the rest of the programme only
// when shared with the network; the admin reads no content. Any team member changes the status; only the
// facilitators, the owner and the creator edit the details. The wrong reader gets 404 and changes nothing.

type Reader = "creator" | "owner" | "teammate" | "facilitator" | "otherMember" | "funder" | "admin" | "anonymous";
const readers: Reader[] = ["otherMember", "funder", "admin", "anonymous", "teammate", "owner", "facilitator", "creator"];
const visibilities: SharedVisibility[] = ["team", "network"];

const mayRead: Record<SharedVisibility, Reader[]> = {
  team: ["creator", "owner", "teammate", "facilitator", "funder"],
  network: ["creator", "owner", "teammate", "facilitator", "funder", "otherMember"],
};
const mayChangeStatus: Reader[] = ["creator", "owner", "teammate", "facilitator"];
const mayEdit: Reader[] = ["creator", "owner", "facilitator"];

let team: Awaited<ReturnType<typeof createCoalition>>;
const cookie: Partial<Record<Reader, string>> = {};
const milestoneId = {} as Record<SharedVisibility, string>;

beforeAll(async () => {
  team = await createCoalition();
  const other = await createCoalition();
  const people = {
    creator: await createPerson({ team, role: "member" }),
    owner: await createPerson({ team, role: "member" }),
    teammate: await createPerson({ team, role: "member" }),
    facilitator: await createPerson({ team, role: "facilitator" }),
    otherMember: await createPerson({ team: other, role: "facilitator" }),
    funder: await createPerson({ accountRole: "funder" }),
    admin: await createPerson({ accountRole: "admin" }),
  };
  for (const [reader, person] of Object.entries(people)) cookie[reader as Reader] = await sessionFor(person);
  for (const visibility of visibilities) {
    milestoneId[visibility] = await writeMilestone(people.creator.id, team.id, {
      title: `Mijlpaal ${visibility}`,
      visibility,
      ownerId: people.owner.id,
    });
  }
});

function get(path: string, reader: Reader) {
  return browserRequest(path, { cookie: cookie[reader] });
}

function post(path: string, reader: Reader, form: Record<string, string>) {
  return browserRequest(path, { cookie: cookie[reader], form });
}

async function currentVersion(id: string): Promise<number> {
  return (await db().selectFrom("milestone").where("id", "=", id).select("version").executeTakeFirstOrThrow()).version;
}

describe.each(visibilities)("a milestone shared with the %s", (visibility) => {
  const readable = (reader: Reader) => mayRead[visibility].includes(reader);
  const path = () => `/teams/${team.slug}/milestones/${milestoneId[visibility]}`;
  const params = () => ({ team: team.slug, id: milestoneId[visibility] });

  it.each(readers)("in the team's list, for the %s", async (reader) => {
    const response = await callRoute(listRoute.loader, { request: get(`/teams/${team.slug}/milestones`, reader), params: { team: team.slug } });
    if (reader === "anonymous") return expect(response.status).toBe(302);
    if (reader === "admin") return expect(response.status).toBe(404);
    expect(response.status).toBe(200);
    const data = await response.json();
    const ids = data.items.map((item: { id: string }) => item.id);
    expect(ids.includes(milestoneId[visibility])).toBe(readable(reader));
  });

  it.each(readers)("on its own page, for the %s", async (reader) => {
    const response = await callRoute(detailRoute.loader, { request: get(path(), reader), params: params() });
    const expected = reader === "anonymous" ? 302 : readable(reader) ? 200 : 404;
    expect(response.status).toBe(expected);
    if (expected !== 200) return;
    const data = await response.json();
    expect(data.milestone.title).toBe(`Mijlpaal ${visibility}`);
    expect(data.history.length).toBeGreaterThanOrEqual(1);
    expect(data.milestone.canUpdateStatus).toBe(mayChangeStatus.includes(reader));
    expect(data.milestone.canEdit).toBe(mayEdit.includes(reader));
  });

  it.each(readers)("its status changed by the %s", async (reader) => {
    const before = await milestoneState(milestoneId[visibility]);
    const next: MilestoneStatus = before.milestone.status === "in_progress" ? "achieved" : "in_progress";
    const response = await callRoute(detailRoute.action, {
      request: post(path(), reader, { version: String(before.milestone.version), status: next, reason: `Bijgewerkt door ${reader}` }),
      params: params(),
    });
    const after = await milestoneState(milestoneId[visibility]);
    if (mayChangeStatus.includes(reader)) {
      expect(response.status).toBe(302);
      expect(after.milestone.status).toBe(next);
      expect(after.history).toHaveLength(before.history.length + 1);
      expect(after.history.at(-1)).toMatchObject({ from_status: before.milestone.status, to_status: next, reason: `Bijgewerkt door ${reader}` });
      return;
    }
    if (reader === "anonymous") {
      expect(response.status).toBe(302);
      expect(response.headers.get("Location")).toMatch(/^\/login/);
    } else {
      expect(response.status).toBe(404);
    }
    expect(after).toEqual(before);
  });

  it.each(readers)("its status changed without a reason by the %s: still 404 for whoever may not change it", async (reader) => {
    const before = await milestoneState(milestoneId[visibility]);
    const response = await callRoute(detailRoute.action, {
      request: post(path(), reader, { version: String(before.milestone.version), status: "dropped", reason: "" }),
      params: params(),
    });
    expect(response.status).toBe(reader === "anonymous" ? 302 : mayChangeStatus.includes(reader) ? 400 : 404);
    expect(await milestoneState(milestoneId[visibility])).toEqual(before);
  });

  it.each(readers)("opened for editing by the %s", async (reader) => {
    const editPath = `${path()}/edit`;
    const page = await callRoute(editRoute.loader, { request: get(editPath, reader), params: params() });
    const before = await milestoneState(milestoneId[visibility]);
    const title = `Titel van ${reader}`;
    const save = await callRoute(editRoute.action, {
      request: post(editPath, reader, {
        version: String(await currentVersion(milestoneId[visibility])),
        title,
        descriptionText: "Overgenomen",
        owner: "",
        visibility: visibility === "team" ? "network" : "team",
      }),
      params: params(),
    });
    const after = await milestoneState(milestoneId[visibility]);
    if (mayEdit.includes(reader)) {
      expect(page.status).toBe(200);
      expect(save.status).toBe(302);
      expect(after.milestone.title).toBe(title);
      // Put the visibility and owner back for the readers after this one.
      await db()
        .updateTable("milestone")
        .set({ visibility, owner_id: before.milestone.owner_id })
        .where("id", "=", milestoneId[visibility])
        .execute();
      return;
    }
    const expected = reader === "anonymous" ? 302 : 404;
    expect(page.status).toBe(expected);
    expect(save.status).toBe(expected);
    expect(after).toEqual(before);
  });

  it.each(readers)("in the team's home-page figures and recent changes, for the %s", async (reader) => {
    if (reader === "anonymous") return;
    const user = await requireUser(get(`/teams/${team.slug}`, reader));
    const teamRow = { ...team, place: "Ergens", description: "" };
    const summary = await milestoneSummary(user, teamRow);
    const changes = await recentMilestoneChanges(user, teamRow, 50);
    const seen = changes.some((change) => change.milestoneId === milestoneId[visibility]);
    expect(seen).toBe(readable(reader));
    if (reader === "admin") expect(summary.total).toBe(0);
    if (reader === "otherMember") expect(summary.total).toBe(1); // only the network milestone
    if (mayRead.team.includes(reader)) expect(summary.total).toBe(2);
  });
});

describe("adding a milestone", () => {
  it.each(readers)("by the %s", async (reader) => {
    const path = `/teams/${team.slug}/milestones/new`;
    const page = await callRoute(newRoute.loader, { request: get(path, reader), params: { team: team.slug } });
    const before = await db().selectFrom("milestone").select("id").execute();
    const response = await callRoute(newRoute.action, {
      request: post(path, reader, { title: `Nieuw van ${reader}`, descriptionText: "", targetDate: "2027-06-01", owner: "", visibility: "team" }),
      params: { team: team.slug },
    });
    const after = await db().selectFrom("milestone").select("id").execute();
    if (mayChangeStatus.includes(reader)) {
      expect(page.status).toBe(200);
      expect(response.status).toBe(302);
      expect(after).toHaveLength(before.length + 1);
      return;
    }
    const expected = reader === "anonymous" ? 302 : 404;
    expect(page.status).toBe(expected);
    expect(response.status).toBe(expected);
    expect(after).toHaveLength(before.length);
  });
});

describe("a milestone asked for under another coalition's address", () => {
  it("is 404 even for its creator", async () => {
    const other = await createCoalition();
    const response = await callRoute(detailRoute.loader, {
      request: get(`/teams/${other.slug}/milestones/${milestoneId.network}`, "creator"),
      params: { team: other.slug, id: milestoneId.network },
    });
    expect(response.status).toBe(404);
  });

  it("cannot have its status changed from there", async () => {
    const other = await createCoalition();
    const before = await milestoneState(milestoneId.team);
    const response = await callRoute(detailRoute.action, {
      request: post(`/teams/${other.slug}/milestones/${milestoneId.team}`, "creator", {
        version: String(before.milestone.version),
        status: "dropped",
        reason: "Verkeerde coalitie",
      }),
      params: { team: other.slug, id: milestoneId.team },
    });
    expect(response.status).toBe(404);
    expect(await milestoneState(milestoneId.team)).toEqual(before);
  });
});
