import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../db/db.server";
import type { SharedVisibility } from "../../db/schema";
import * as detailRoute from "../../app/routes/teams.$team.lessons.$id._index";
import * as editRoute from "../../app/routes/teams.$team.lessons.$id.edit";
import * as listRoute from "../../app/routes/teams.$team.lessons._index";
import * as newRoute from "../../app/routes/teams.$team.lessons.new";
import * as trashRoute from "../../app/routes/teams.$team.lessons.trash";
import { browserRequest, callRoute, createCoalition, createPerson, sessionFor } from "../fixtures";
import { writeLesson } from "../fixtures/lessons";

// Who reads a lesson follows its visibility (DESIGN.md §3); who changes it is its author and the coalition's
// facilitators (§2). Every kind of reader tries every way in: the list, the search, the lesson's page, the
// edit page, saving an edit and deleting. The wrong reader gets 404 and changes nothing.

type Reader = "author" | "teammate" | "facilitator" | "otherMember" | "funder" | "admin" | "anonymous";
const readers: Reader[] = ["anonymous", "admin", "funder", "otherMember", "teammate", "facilitator", "author"];
const visibilities: SharedVisibility[] = ["team", "network"];

const mayRead: Record<SharedVisibility, Reader[]> = {
  team: ["author", "teammate", "facilitator"],
  network: ["author", "teammate", "facilitator", "otherMember", "funder"],
};
/** A teammate reads a lesson but does not change someone else's: the author and the facilitators do. */
const mayEdit: Reader[] = ["author", "facilitator"];

let team: Awaited<ReturnType<typeof createCoalition>>;
let authorId: string;
const cookie: Partial<Record<Reader, string>> = {};
const lessonId = {} as Record<SharedVisibility, string>;
const marker = {} as Record<SharedVisibility, string>;

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
  authorId = people.author.id;
  for (const [reader, person] of Object.entries(people)) cookie[reader as Reader] = await sessionFor(person);
  for (const visibility of visibilities) {
    marker[visibility] = `buurtcontacten${visibility}kenmerk`;
    lessonId[visibility] = await writeLesson(authorId, team.id, {
      statement: `Les ${visibility}`,
      text: `Over de buurtcontacten ${marker[visibility]}`,
      visibility,
    });
  }
});

function get(path: string, reader: Reader) {
  return browserRequest(path, { cookie: cookie[reader] });
}

async function listed(reader: Reader, query = ""): Promise<string[] | number> {
  const response = await callRoute(listRoute.loader, {
    request: get(`/teams/${team.slug}/lessons${query}`, reader),
    params: { team: team.slug },
  });
  if (response.status !== 200) return response.status;
  const data = await response.json();
  return data.page.items.map((item: { id: string }) => item.id);
}

async function stored(id: string) {
  return db().selectFrom("lesson").where("id", "=", id).select(["statement", "visibility", "version", "deleted_at"]).executeTakeFirstOrThrow();
}

describe.each(visibilities)("a %s lesson", (visibility) => {
  const readable = (reader: Reader) => mayRead[visibility].includes(reader);

  it.each(readers)("in the team's lessons, for the %s", async (reader) => {
    const ids = await listed(reader);
    if (reader === "anonymous") return expect(ids).toBe(302);
    if (reader === "admin") return expect(ids).toBe(404);
    expect((ids as string[]).includes(lessonId[visibility])).toBe(readable(reader));
  });

  it.each(readers)("in the team's search, for the %s", async (reader) => {
    const ids = await listed(reader, `?q=${marker[visibility]}`);
    if (reader === "anonymous") return expect(ids).toBe(302);
    if (reader === "admin") return expect(ids).toBe(404);
    expect(ids).toEqual(readable(reader) ? [lessonId[visibility]] : []);
  });

  it.each(readers)("on its own page, for the %s", async (reader) => {
    const response = await callRoute(detailRoute.loader, {
      request: get(`/teams/${team.slug}/lessons/${lessonId[visibility]}`, reader),
      params: { team: team.slug, id: lessonId[visibility] },
    });
    const expected = reader === "anonymous" ? 302 : readable(reader) ? 200 : 404;
    expect(response.status).toBe(expected);
    if (expected === 200) {
      const data = await response.json();
      expect(JSON.stringify(data)).toContain(marker[visibility]);
      expect(data.lesson.canEdit).toBe(mayEdit.includes(reader));
    }
  });

  it.each(readers)("opened for editing by the %s", async (reader) => {
    const response = await callRoute(editRoute.loader, {
      request: get(`/teams/${team.slug}/lessons/${lessonId[visibility]}/edit`, reader),
      params: { team: team.slug, id: lessonId[visibility] },
    });
    expect(response.status).toBe(reader === "anonymous" ? 302 : mayEdit.includes(reader) ? 200 : 404);
  });

  it.each(readers)("saved after editing by the %s", async (reader) => {
    const id = await writeLesson(authorId, team.id, { statement: "Voor de bewerking", visibility });
    const response = await callRoute(editRoute.action, {
      request: browserRequest(`/teams/${team.slug}/lessons/${id}/edit`, {
        cookie: cookie[reader],
        form: { version: "1", statement: `Bewerkt door ${reader}`, visibility: visibility === "team" ? "network" : "team" },
      }),
      params: { team: team.slug, id },
    });
    const row = await stored(id);
    if (mayEdit.includes(reader)) {
      expect(response.status).toBe(302);
      expect(row).toMatchObject({ statement: `Bewerkt door ${reader}`, version: 2 });
      return;
    }
    expect(response.status).toBe(reader === "anonymous" ? 302 : 404);
    if (reader === "anonymous") expect(response.headers.get("Location")).toMatch(/^\/login/);
    expect(row).toMatchObject({ statement: "Voor de bewerking", visibility, version: 1, deleted_at: null });
  });

  it.each(readers)("deleted by the %s", async (reader) => {
    const id = await writeLesson(authorId, team.id, { statement: "Blijft misschien", visibility });
    const response = await callRoute(detailRoute.action, {
      request: browserRequest(`/teams/${team.slug}/lessons/${id}`, { cookie: cookie[reader], form: { intent: "delete" } }),
      params: { team: team.slug, id },
    });
    const row = await stored(id);
    if (mayEdit.includes(reader)) {
      expect(response.status).toBe(302);
      expect(row.deleted_at).not.toBeNull();
      return;
    }
    expect(response.status).toBe(reader === "anonymous" ? 302 : 404);
    expect(row.deleted_at).toBeNull();
  });
});

describe("proposing a lesson", () => {
  it.each(readers)("is for the team's members and facilitators: the %s", async (reader) => {
    const member = ["author", "teammate", "facilitator"].includes(reader);
    const page = await callRoute(newRoute.loader, { request: get(`/teams/${team.slug}/lessons/new`, reader), params: { team: team.slug } });
    expect(page.status).toBe(reader === "anonymous" ? 302 : member ? 200 : 404);

    const statement = `Voorstel van ${reader} ${Math.random()}`;
    const save = await callRoute(newRoute.action, {
      request: browserRequest(`/teams/${team.slug}/lessons/new`, { cookie: cookie[reader], form: { statement, visibility: "network" } }),
      params: { team: team.slug },
    });
    expect(save.status).toBe(reader === "anonymous" ? 302 : member ? 302 : 404);
    const rows = await db().selectFrom("lesson").where("statement", "=", statement).select("id").execute();
    expect(rows).toHaveLength(member ? 1 : 0);
  });

  it.each(readers)("the list offers 'Nieuwe les' only to members: the %s", async (reader) => {
    const response = await callRoute(listRoute.loader, { request: get(`/teams/${team.slug}/lessons`, reader), params: { team: team.slug } });
    if (reader === "anonymous" || reader === "admin") return expect(response.status).toBe(reader === "anonymous" ? 302 : 404);
    expect((await response.json()).canWrite).toBe(["author", "teammate", "facilitator"].includes(reader));
  });
});

describe("the lessons' trash", () => {
  it.each(readers)("is a page for the team's members only: the %s", async (reader) => {
    const response = await callRoute(trashRoute.loader, { request: get(`/teams/${team.slug}/lessons/trash`, reader), params: { team: team.slug } });
    expect(response.status).toBe(reader === "anonymous" ? 302 : ["author", "teammate", "facilitator"].includes(reader) ? 200 : 404);
  });

  it.each(readers)("restores a deleted lesson only for its author and the facilitators: the %s", async (reader) => {
    const id = await writeLesson(authorId, team.id, { statement: "Weggegooid", visibility: "network" });
    await db().updateTable("lesson").set({ deleted_at: new Date() }).where("id", "=", id).execute();
    const response = await callRoute(trashRoute.action, {
      request: browserRequest(`/teams/${team.slug}/lessons/trash`, { cookie: cookie[reader], form: { id } }),
      params: { team: team.slug },
    });
    const row = await stored(id);
    if (mayEdit.includes(reader)) {
      expect(response.status).toBe(302);
      expect(row.deleted_at).toBeNull();
      return;
    }
    expect(response.status).toBe(reader === "anonymous" ? 302 : 404);
    expect(row.deleted_at).not.toBeNull();
  });
});

describe("a lesson asked for under another coalition's address", () => {
  it("is 404 even for its author", async () => {
    const other = await createCoalition();
    const response = await callRoute(detailRoute.loader, {
      request: get(`/teams/${other.slug}/lessons/${lessonId.network}`, "author"),
      params: { team: other.slug, id: lessonId.network },
    });
    expect(response.status).toBe(404);
    const edit = await callRoute(editRoute.loader, {
      request: get(`/teams/${other.slug}/lessons/${lessonId.network}/edit`, "author"),
      params: { team: other.slug, id: lessonId.network },
    });
    expect(edit.status).toBe(404);
  });

  it("is 404 for an id that is not an id", async () => {
    const response = await callRoute(detailRoute.loader, {
      request: get(`/teams/${team.slug}/lessons/niet-een-id`, "author"),
      params: { team: team.slug, id: "niet-een-id" },
    });
    expect(response.status).toBe(404);
  });
});
