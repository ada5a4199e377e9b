import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../db/db.server";
import * as detailRoute from "../../app/routes/teams.$team.reflections.$id._index";
import * as editRoute from "../../app/routes/teams.$team.reflections.$id.edit";
import * as listRoute from "../../app/routes/teams.$team.reflections._index";
import * as newRoute from "../../app/routes/teams.$team.reflections.new";
import * as trashRoute from "../../app/routes/teams.$team.reflections.trash";
import { browserRequest, callRoute, createCoalition, createPerson, sessionFor } from "../fixtures";

let team: Awaited<ReturnType<typeof createCoalition>>;
let author: string;
let teammate: string;
let themeId: string;

const doc = (text: string) =>
  JSON.stringify({
    root: {
      type: "root",
      version: 1,
      direction: null,
      format: "",
      indent: 0,
      children: [
        {
          type: "paragraph",
          version: 1,
          direction: null,
          format: "",
          indent: 0,
          textFormat: 0,
          textStyle: "",
          children: [{ type: "text", version: 1, text, format: 0, detail: 0, mode: "normal", style: "" }],
        },
      ],
    },
  });

beforeAll(async () => {
  team = await createCoalition();
  author = await sessionFor(await createPerson({ team }));
  teammate = await sessionFor(await createPerson({ team }));
  themeId = (await db().selectFrom("theme").where("slug", "=", "vertrouwen").select("id").executeTakeFirstOrThrow()).id;
});

async function write(form: Record<string, string>, cookie = author) {
  return callRoute(newRoute.action, {
    request: browserRequest(`/teams/${team.slug}/reflections/new`, { cookie, form }),
    params: { team: team.slug },
  });
}

function idFrom(response: Response): string {
  return response.headers.get("Location")!.split("/").pop()!;
}

describe("writing a reflection", () => {
  it("saves title, rich text, date, themes and visibility, and shows it on its page", async () => {
    const response = await write({ title: "Eerste bijeenkomst", body: doc("We dronken koffie."), happenedOn: "2026-11-01", themes: themeId, visibility: "team" });
    expect(response.status).toBe(302);
    const page = await callRoute(detailRoute.loader, {
      request: browserRequest(response.headers.get("Location")!, { cookie: teammate }),
      params: { team: team.slug, id: idFrom(response) },
    });
    const data = await page.json();
    expect(data.reflection).toMatchObject({ title: "Eerste bijeenkomst", happenedOn: "2026-11-01", visibility: "team" });
    expect(data.reflection.themes.map((t: { slug: string }) => t.slug)).toEqual(["vertrouwen"]);
    expect(JSON.stringify(data.reflection.body)).toContain("We dronken koffie.");
  });

  it("without JavaScript turns the textarea's plain text into rich text, paragraph by paragraph", async () => {
    const response = await write({ title: "Zonder script", bodyText: "Eerste alinea.\n\nTweede alinea.", happenedOn: "2026-11-02", visibility: "private" });
    const row = await db().selectFrom("reflection").where("id", "=", idFrom(response)).select(["body", "body_text"]).executeTakeFirstOrThrow();
    const body = row.body as { root: { children: { type: string }[] } };
    expect(body.root.children.filter((c) => c.type === "paragraph")).toHaveLength(2);
    expect(row.body_text).toContain("Eerste alinea.");
    expect(row.body_text).toContain("Tweede alinea.");
  });

  it("with bad input says what is wrong per field, keeps the text and saves nothing", async () => {
    const before = await db().selectFrom("reflection").select("id").execute();
    const response = await write({ title: "", bodyText: "Mijn woorden blijven.", happenedOn: "2150-01-01", visibility: "iedereen" });
    expect(response.status).toBe(400);
    const data = await response.json();
    expect(data.result.error).toMatchObject({
      title: ["error.required"],
      happenedOn: ["error.dateFuture"],
      visibility: ["error.choose"],
    });
    expect(JSON.stringify(data.body)).toContain("Mijn woorden blijven.");
    expect(await db().selectFrom("reflection").select("id").execute()).toHaveLength(before.length);
  });

  it("refuses a document with a javascript: link and saves nothing", async () => {
    const hostile = JSON.stringify({
      root: {
        type: "root", version: 1, direction: null, format: "", indent: 0,
        children: [{ type: "paragraph", version: 1, direction: null, format: "", indent: 0, children: [
          { type: "link", version: 1, url: "javascript:alert(1)", direction: null, format: "", indent: 0, children: [
            { type: "text", version: 1, text: "klik", format: 0, detail: 0, mode: "normal", style: "" },
          ] },
        ] }],
      },
    });
    const response = await write({ title: "Link", body: hostile, happenedOn: "2026-11-02", visibility: "team" });
    expect(response.status).toBe(400);
    expect(JSON.stringify((await response.json()).result.error.body)).toMatch(/richtext\./);
  });

  it("is only for members of the team", async () => {
    const outsider = await sessionFor(await createPerson({ accountRole: "funder" }));
    const response = await write({ title: "Fonds", bodyText: "x", happenedOn: "2026-11-02", visibility: "network" }, outsider);
    expect(response.status).toBe(404);
  });
});

describe("two people editing the same reflection", () => {
  it("does not let the second save overwrite the first: it shows both versions, then saves the merge", async () => {
    const created = await write({ title: "Gedeeld", bodyText: "Origineel", happenedOn: "2026-11-03", visibility: "team" });
    const id = idFrom(created);
    const path = `/teams/${team.slug}/reflections/${id}/edit`;
    const save = (form: Record<string, string>) =>
      callRoute(editRoute.action, { request: browserRequest(path, { cookie: author, form }), params: { team: team.slug, id } });
    const base = { happenedOn: "2026-11-03", visibility: "team" };

    // The author has the page open in two tabs, both at version 1.
    const first = await save({ ...base, version: "1", title: "Gedeeld", bodyText: "Versie uit tab één" });
    expect(first.status).toBe(302);
    const second = await save({ ...base, version: "1", title: "Gedeeld", bodyText: "Versie uit tab twee" });
    expect(second.status).toBe(409);
    const conflict = await second.json();
    expect(JSON.stringify(conflict.current.body)).toContain("Versie uit tab één");
    expect(JSON.stringify(conflict.body)).toContain("Versie uit tab twee");
    expect(conflict.current.version).toBe(2);
    const stored = await db().selectFrom("reflection").where("id", "=", id).select("body_text").executeTakeFirstOrThrow();
    expect(stored.body_text).toContain("tab één");

    const merged = await save({ ...base, version: String(conflict.current.version), title: "Gedeeld", bodyText: "Tab één en tab twee" });
    expect(merged.status).toBe(302);
    const after = await db().selectFrom("reflection").where("id", "=", id).select(["body_text", "version"]).executeTakeFirstOrThrow();
    expect(after).toEqual({ body_text: "Tab één en tab twee", version: 3 });
  });
});

describe("the trash", () => {
  it("takes a deleted reflection out of every list, and the author restores it within 30 days", async () => {
    const id = idFrom(await write({ title: "Weg en terug", bodyText: "Bijna kwijt", happenedOn: "2026-11-04", visibility: "team" }));
    const byTeammate = await callRoute(detailRoute.action, {
      request: browserRequest(`/teams/${team.slug}/reflections/${id}`, { cookie: teammate, form: { intent: "delete" } }),
      params: { team: team.slug, id },
    });
    expect(byTeammate.status).toBe(404);

    await callRoute(detailRoute.action, {
      request: browserRequest(`/teams/${team.slug}/reflections/${id}`, { cookie: author, form: { intent: "delete" } }),
      params: { team: team.slug, id },
    });
    const gone = await callRoute(detailRoute.loader, {
      request: browserRequest(`/teams/${team.slug}/reflections/${id}`, { cookie: author }),
      params: { team: team.slug, id },
    });
    expect(gone.status).toBe(404);

    const trash = async (cookie: string) =>
      (await (await callRoute(trashRoute.loader, { request: browserRequest(`/teams/${team.slug}/reflections/trash`, { cookie }), params: { team: team.slug } })).json()).items.map((i: { id: string }) => i.id);
    expect(await trash(author)).toContain(id);
    expect(await trash(teammate)).not.toContain(id);

    const stolen = await callRoute(trashRoute.action, {
      request: browserRequest(`/teams/${team.slug}/reflections/trash`, { cookie: teammate, form: { id } }),
      params: { team: team.slug },
    });
    expect(stolen.status).toBe(404);

    const restored = await callRoute(trashRoute.action, {
      request: browserRequest(`/teams/${team.slug}/reflections/trash`, { cookie: author, form: { id } }),
      params: { team: team.slug },
    });
    expect(restored.status).toBe(302);
    const back = await callRoute(detailRoute.loader, {
      request: browserRequest(`/teams/${team.slug}/reflections/${id}`, { cookie: teammate }),
      params: { team: team.slug, id },
    });
    expect(back.status).toBe(200);
  });

  it("no longer restores after 30 days", async () => {
    const id = idFrom(await write({ title: "Te laat", bodyText: "Lang geleden", happenedOn: "2026-11-04", visibility: "private" }));
    await db().updateTable("reflection").set({ deleted_at: new Date(Date.now() - 31 * 864e5) }).where("id", "=", id).execute();
    const response = await callRoute(trashRoute.action, {
      request: browserRequest(`/teams/${team.slug}/reflections/trash`, { cookie: author, form: { id } }),
      params: { team: team.slug },
    });
    expect(response.status).toBe(404);
  });
});

describe("searching the team's log", () => {
  it("uses Dutch stemming: 'samenwerking' finds 'samenwerkingen'", async () => {
    const id = idFrom(await write({ title: "Buurtavond", bodyText: "Alle samenwerkingen in de wijk kwamen aan bod.", happenedOn: "2026-11-05", visibility: "team" }));
    const response = await callRoute(listRoute.loader, {
      request: browserRequest(`/teams/${team.slug}/reflections?q=samenwerking`, { cookie: teammate }),
      params: { team: team.slug },
    });
    const ids = (await response.json()).page.items.map((i: { id: string }) => i.id);
    expect(ids).toContain(id);
  });

  it("filters by theme, period and visibility, newest first", async () => {
    const old = idFrom(await write({ title: "Oud", bodyText: "a", happenedOn: "2025-01-10", themes: themeId, visibility: "team" }));
    const recent = idFrom(await write({ title: "Nieuw", bodyText: "b", happenedOn: "2026-10-10", themes: themeId, visibility: "team" }));
    const list = async (query: string) =>
      (await (await callRoute(listRoute.loader, { request: browserRequest(`/teams/${team.slug}/reflections${query}`, { cookie: author }), params: { team: team.slug } })).json()).page.items.map((i: { id: string }) => i.id);
    const byTheme = await list("?theme=vertrouwen");
    expect(byTheme.indexOf(recent)).toBeLessThan(byTheme.indexOf(old));
    expect(await list("?theme=vertrouwen&from=2026-01-01")).not.toContain(old);
    expect(await list("?theme=vertrouwen&to=2025-12-31")).toEqual(expect.arrayContaining([old]));
    expect(await list("?visibility=private")).not.toContain(recent);
    expect(await list("?page=abc&from=gisteren")).toContain(recent);
  });
});

describe("editing without JavaScript", () => {
  it("keeps the formatting of a text the person did not change in the textarea", async () => {
    const formatted = JSON.stringify({
      root: { type: "root", version: 1, direction: null, format: "", indent: 0, children: [
        { type: "heading", tag: "h2", version: 1, direction: null, format: "", indent: 0, children: [
          { type: "text", version: 1, text: "Kopje", format: 0, detail: 0, mode: "normal", style: "" },
        ] },
        { type: "paragraph", version: 1, direction: null, format: "", indent: 0, textFormat: 0, textStyle: "", children: [
          { type: "text", version: 1, text: "Vet", format: 1, detail: 0, mode: "normal", style: "" },
        ] },
      ] },
    });
    const id = idFrom(await write({ title: "Opmaak", body: formatted, happenedOn: "2026-11-06", visibility: "team" }));
    const path = `/teams/${team.slug}/reflections/${id}/edit`;
    const page = await (await callRoute(editRoute.loader, { request: browserRequest(path, { cookie: author }), params: { team: team.slug, id } })).json();
    const { plainTextForTextarea } = await import("../../app/richtext/from-plain-text");
    const textarea = plainTextForTextarea(page.reflection.body);
    const saved = await callRoute(editRoute.action, {
      request: browserRequest(path, {
        cookie: author,
        form: { version: "1", title: "Opmaak, nieuwe titel", bodyText: textarea, happenedOn: "2026-11-06", visibility: "team" },
      }),
      params: { team: team.slug, id },
    });
    expect(saved.status).toBe(302);
    const row = await db().selectFrom("reflection").where("id", "=", id).select(["title", "body"]).executeTakeFirstOrThrow();
    expect(row.title).toBe("Opmaak, nieuwe titel");
    expect(JSON.stringify(row.body)).toContain('"tag":"h2"');
    expect(JSON.stringify(row.body)).toContain('"format":1');
  });
});
