import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../db/db.server";
import type { Visibility } from "../../db/schema";
import * as detailRoute from "../../app/routes/teams.$team.reflections.$id._index";
import * as editRoute from "../../app/routes/teams.$team.reflections.$id.edit";
import * as listRoute from "../../app/routes/teams.$team.reflections._index";
import * as teamRoute from "../../app/routes/teams.$team._index";
import { browserRequest, callRoute, createCoalition, createPerson, sessionFor } from "../fixtures";
import { writeReflection } from "../fixtures/reflections";

// The visibility rule of DESIGN.md §3 for reflections, tried by every kind of reader on every way in:
// the log, the detail page, the edit page, commenting and the team's search. The wrong reader gets 404.

type Reader = "author" | "teammate" | "facilitator" | "otherMember" | "funder" | "admin" | "anonymous";
const readers: Reader[] = ["author", "teammate", "facilitator", "otherMember", "funder", "admin", "anonymous"];
const visibilities: Visibility[] = ["private", "team", "network"];

/** Who reads what (DESIGN.md §3): private the author alone; team its coalition; network everyone in the programme. */
const mayRead: Record<Visibility, Reader[]> = {
  private: ["author"],
  team: ["author", "teammate", "facilitator"],
  network: ["author", "teammate", "facilitator", "otherMember", "funder"],
};

let team: Awaited<ReturnType<typeof createCoalition>>;
const cookie: Partial<Record<Reader, string>> = {};
const reflectionId = {} as Record<Visibility, string>;
const marker = {} as Record<Visibility, string>;

beforeAll(async () => {
  team = await createCoalition();
  const other = await createCoalition();
  const people = {
    author: await createPerson({ team, role: "member" }),
    teammate: await createPerson({ team, role: "member" }),
    facilitator: await createPerson({ team, role: "facilitator" }),
    otherMember: await createPerson({ team: other, role: "facilitator" }),
    funder: await createPerson({ accountRole: "funder" }),
    admin: await createPerson({ accountRole: "admin" }),
  };
  for (const [reader, person] of Object.entries(people)) cookie[reader as Reader] = await sessionFor(person);
  for (const visibility of visibilities) {
    marker[visibility] = `samenwerkingen${visibility}kenmerk`;
    reflectionId[visibility] = await writeReflection(people.author.id, team.id, {
      title: `Titel ${visibility}`,
      text: `Over de samenwerkingen in de wijk ${marker[visibility]}`,
      visibility,
    });
  }
});

function get(path: string, reader: Reader) {
  return browserRequest(path, { cookie: cookie[reader] });
}

async function listed(reader: Reader, query = ""): Promise<string[] | number> {
  const response = await callRoute(listRoute.loader, {
    request: get(`/teams/${team.slug}/reflections${query}`, reader),
    params: { team: team.slug },
  });
  if (response.status !== 200) return response.status;
  const data = await response.json();
  return data.page.items.map((item: { id: string }) => item.id);
}

describe.each(visibilities)("a %s reflection", (visibility) => {
  const readable = (reader: Reader) => mayRead[visibility].includes(reader);

  it.each(readers)("in the team's log, for the %s", async (reader) => {
    const ids = await listed(reader);
    if (reader === "anonymous") return expect(ids).toBe(302);
    if (reader === "admin") return expect(ids).toBe(404);
    expect((ids as string[]).includes(reflectionId[visibility])).toBe(readable(reader));
  });

  it.each(readers)("in the team's search, for the %s", async (reader) => {
    const ids = await listed(reader, `?q=${marker[visibility]}`);
    if (reader === "anonymous") return expect(ids).toBe(302);
    if (reader === "admin") return expect(ids).toBe(404);
    expect(ids).toEqual(readable(reader) ? [reflectionId[visibility]] : []);
  });

  it.each(readers)("on its own page, for the %s", async (reader) => {
    const response = await callRoute(detailRoute.loader, {
      request: get(`/teams/${team.slug}/reflections/${reflectionId[visibility]}`, reader),
      params: { team: team.slug, id: reflectionId[visibility] },
    });
    const expected = reader === "anonymous" ? 302 : readable(reader) ? 200 : 404;
    expect(response.status).toBe(expected);
    if (expected === 200) expect(JSON.stringify(await response.json())).toContain(marker[visibility]);
  });

  it.each(readers)("on the team's home page, for the %s", async (reader) => {
    const response = await callRoute(teamRoute.loader, { request: get(`/teams/${team.slug}`, reader), params: { team: team.slug } });
    if (reader === "anonymous") return expect(response.status).toBe(302);
    const data = await response.json();
    if (reader === "admin") return expect(data.home).toBeNull();
    const ids = data.home.activity.filter((a: { kind: string }) => a.kind === "reflection").map((r: { id: string }) => r.id);
    expect(ids.includes(reflectionId[visibility])).toBe(readable(reader));
  });

  it.each(readers)("commented on by the %s", async (reader) => {
    const before = await db().selectFrom("reflection_comment").select("id").execute();
    const response = await callRoute(detailRoute.action, {
      request: browserRequest(`/teams/${team.slug}/reflections/${reflectionId[visibility]}`, {
        cookie: cookie[reader],
        form: { intent: "comment", comment: `Reactie van ${reader}` },
      }),
      params: { team: team.slug, id: reflectionId[visibility] },
    });
    const after = await db().selectFrom("reflection_comment").select("id").execute();
    if (reader === "anonymous") {
      expect(response.status).toBe(302);
      expect(response.headers.get("Location")).toMatch(/^\/login/);
    } else if (readable(reader)) {
      expect(response.status).toBe(302);
      expect(after.length).toBe(before.length + 1);
      return;
    } else {
      expect(response.status).toBe(404);
    }
    expect(after.length).toBe(before.length);
  });

  it.each(readers)("opened for editing by the %s", async (reader) => {
    const path = `/teams/${team.slug}/reflections/${reflectionId[visibility]}/edit`;
    const page = await callRoute(editRoute.loader, { request: get(path, reader), params: { team: team.slug, id: reflectionId[visibility] } });
    if (reader === "author") return expect(page.status).toBe(200);
    const save = await callRoute(editRoute.action, {
      request: browserRequest(path, {
        cookie: cookie[reader],
        form: { version: "1", title: "Overgenomen", bodyText: "Overgenomen", happenedOn: "2026-01-05", visibility: "network" },
      }),
      params: { team: team.slug, id: reflectionId[visibility] },
    });
    expect(page.status).toBe(reader === "anonymous" ? 302 : 404);
    expect(save.status).toBe(reader === "anonymous" ? 302 : 404);
    const row = await db().selectFrom("reflection").where("id", "=", reflectionId[visibility]).select(["title", "visibility"]).executeTakeFirstOrThrow();
    expect(row).toEqual({ title: `Titel ${visibility}`, visibility });
  });
});

describe("comments", () => {
  it("of a team reflection are not readable from another coalition", async () => {
    const response = await callRoute(detailRoute.loader, {
      request: get(`/teams/${team.slug}/reflections/${reflectionId.team}`, "otherMember"),
      params: { team: team.slug, id: reflectionId.team },
    });
    expect(response.status).toBe(404);
  });
});

describe("a reflection asked for under another coalition's address", () => {
  it("is 404 even for its author", async () => {
    const other = await createCoalition();
    const response = await callRoute(detailRoute.loader, {
      request: get(`/teams/${other.slug}/reflections/${reflectionId.network}`, "author"),
      params: { team: other.slug, id: reflectionId.network },
    });
    expect(response.status).toBe(404);
  });
});
