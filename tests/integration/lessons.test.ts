import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../db/db.server";
import { getUser, requireTeamReader } from "../../app/auth/permissions.server";
import { recentLessons } from "../../app/domain/lessons/lessons.server";
import * as detailRoute from "../../app/routes/teams.$team.lessons.$id._index";
import * as editRoute from "../../app/routes/teams.$team.lessons.$id.edit";
import * as listRoute from "../../app/routes/teams.$team.lessons._index";
import * as newRoute from "../../app/routes/teams.$team.lessons.new";
import * as trashRoute from "../../app/routes/teams.$team.lessons.trash";
import * as reflectionRoute from "../../app/routes/teams.$team.reflections.$id._index";
import { browserRequest, callRoute, createCoalition, createPerson, sessionFor, unique } from "../fixtures";
import { writeLesson } from "../fixtures/lessons";
import { writeReflection } from "../fixtures/reflections";

let team: Awaited<ReturnType<typeof createCoalition>>;
let other: Awaited<ReturnType<typeof createCoalition>>;
const ids = {} as Record<"author" | "teammate" | "facilitator", string>;
const cookies = {} as Record<"author" | "teammate" | "facilitator" | "otherMember" | "funder", string>;
let themeId: string;

beforeAll(async () => {
  team = await createCoalition();
  other = await createCoalition();
  const author = await createPerson({ team });
  const teammate = await createPerson({ team });
  const facilitator = await createPerson({ team, role: "facilitator" });
  Object.assign(ids, { author: author.id, teammate: teammate.id, facilitator: facilitator.id });
  cookies.author = await sessionFor(author);
  cookies.teammate = await sessionFor(teammate);
  cookies.facilitator = await sessionFor(facilitator);
  cookies.otherMember = await sessionFor(await createPerson({ team: other }));
  cookies.funder = await sessionFor(await createPerson({ accountRole: "funder" }));
  themeId = (await db().selectFrom("theme").where("slug", "=", "vertrouwen").select("id").executeTakeFirstOrThrow()).id;
});

const path = (rest = "") => `/teams/${team.slug}/lessons${rest}`;

function propose(form: Record<string, string | string[]>, cookie = cookies.author) {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(form)) for (const v of [value].flat()) body.append(name, v);
  const request = browserRequest(path("/new"), { cookie, form: {} });
  return callRoute(newRoute.action, {
    request: new Request(request.url, { method: "POST", headers: request.headers, body }),
    params: { team: team.slug },
  });
}

function idFrom(response: Response): string {
  return response.headers.get("Location")!.split("/").pop()!;
}

async function page(id: string, cookie: string) {
  return callRoute(detailRoute.loader, { request: browserRequest(path(`/${id}`), { cookie }), params: { team: team.slug, id } });
}

async function linksOf(id: string): Promise<string[]> {
  const rows = await db().selectFrom("lesson_reflection").where("lesson_id", "=", id).select("reflection_id").execute();
  return rows.map((r) => r.reflection_id).sort();
}

async function lessonCount(): Promise<number> {
  return (await db().selectFrom("lesson").select("id").execute()).length;
}

describe("turning a reflection into a lesson", () => {
  it("offers 'Maak er een les van' on a reflection to the team's members only", async () => {
    const reflection = await writeReflection(ids.teammate, team.id, { title: "Netwerkavond", text: "x", visibility: "network" });
    const flag = async (cookie: string) =>
      (
        await (
          await callRoute(reflectionRoute.loader, {
            request: browserRequest(`/teams/${team.slug}/reflections/${reflection}`, { cookie }),
            params: { team: team.slug, id: reflection },
          })
        ).json()
      ).canWrite;
    expect(await flag(cookies.author)).toBe(true);
    expect(await flag(cookies.facilitator)).toBe(true);
    expect(await flag(cookies.otherMember)).toBe(false);
    expect(await flag(cookies.funder)).toBe(false);
  });

  it("ticks the reflection (?from=) and its themes, and saves the lesson linked to it", async () => {
    const reflection = await writeReflection(ids.teammate, team.id, { title: "Koffie met de buren", text: "Vertrouwen groeit.", visibility: "team" });
    await db().insertInto("reflection_theme").values({ reflection_id: reflection, theme_id: themeId }).execute();
    const form = await callRoute(newRoute.loader, {
      request: browserRequest(path(`/new?from=${reflection}`), { cookie: cookies.author }),
      params: { team: team.slug },
    });
    const data = await form.json();
    expect(data.fromSource).toBe(reflection);
    expect(data.sourceThemes).toEqual([themeId]);
    expect(data.sources.map((s: { id: string }) => s.id)).toContain(reflection);

    const saved = await propose({
      statement: "Eerst elkaar leren kennen, dan pas plannen maken.",
      explanationText: "Dat bleek bij elke bijeenkomst.",
      themes: themeId,
      sources: reflection,
      visibility: "network",
    });
    expect(saved.status).toBe(302);
    const id = idFrom(saved);
    const lesson = (await (await page(id, cookies.teammate)).json()).lesson;
    expect(lesson).toMatchObject({ statement: "Eerst elkaar leren kennen, dan pas plannen maken.", visibility: "network", canEdit: false });
    expect(lesson.themes.map((t: { slug: string }) => t.slug)).toEqual(["vertrouwen"]);
    expect(lesson.sources).toEqual([{ id: reflection, title: "Koffie met de buren", happenedOn: "2026-11-02" }]);
    expect(JSON.stringify(lesson.explanation)).toContain("Dat bleek bij elke bijeenkomst.");
  });

  it("ignores ?from= for a reflection the person may not read, without saying anything about it", async () => {
    const title = unique("geheimetiteldiemniemandziet");
    const hidden = await writeReflection(ids.teammate, team.id, { title, text: "x", visibility: "private" });
    const form = await callRoute(newRoute.loader, {
      request: browserRequest(path(`/new?from=${hidden}`), { cookie: cookies.author }),
      params: { team: team.slug },
    });
    expect(form.status).toBe(200);
    const text = await form.text();
    expect(text).not.toContain(title);
    expect(text).not.toContain(hidden);
  });

  it("takes several sources and an explanation written in the editor", async () => {
    const a = await writeReflection(ids.author, team.id, { title: "Eigen log", text: "x", visibility: "private" });
    const b = await writeReflection(ids.teammate, team.id, { title: "Gedeeld", text: "x", visibility: "team" });
    const saved = await propose({ statement: "Twee bronnen", sources: [a, b], visibility: "team" });
    expect(saved.status).toBe(302);
    expect(await linksOf(idFrom(saved))).toEqual([a, b].sort());
  });
});

describe("proposing a lesson with bad input", () => {
  it("says what is wrong per field, keeps the explanation and saves nothing", async () => {
    const before = await lessonCount();
    const response = await propose({ statement: "   ", explanationText: "Mijn uitleg blijft staan.", visibility: "private" });
    expect(response.status).toBe(400);
    const data = await response.json();
    expect(data.result.error).toMatchObject({ statement: ["error.required"], visibility: ["error.choose"] });
    expect(JSON.stringify(data.explanation)).toContain("Mijn uitleg blijft staan.");
    expect(await lessonCount()).toBe(before);
  });

  it("refuses a statement longer than 280 characters", async () => {
    const before = await lessonCount();
    const response = await propose({ statement: "a".repeat(281), visibility: "team" });
    expect(response.status).toBe(400);
    expect((await response.json()).result.error).toEqual({ statement: ["lesson.error.statementLength"] });
    expect(await lessonCount()).toBe(before);
    expect((await propose({ statement: "b".repeat(280), visibility: "team" })).status).toBe(302);
  });

  it("refuses an explanation with a javascript: link", async () => {
    const hostile = JSON.stringify({
      root: { type: "root", version: 1, direction: null, format: "", indent: 0, children: [
        { type: "paragraph", version: 1, direction: null, format: "", indent: 0, children: [
          { type: "link", version: 1, url: "javascript:alert(1)", direction: null, format: "", indent: 0, children: [
            { type: "text", version: 1, text: "klik", format: 0, detail: 0, mode: "normal", style: "" },
          ] },
        ] },
      ] },
    });
    const before = await lessonCount();
    const response = await propose({ statement: "Met link", explanation: hostile, visibility: "team" });
    expect(response.status).toBe(400);
    expect((await response.json()).result.error.explanation).toEqual(["richtext.badLink"]);
    expect(await lessonCount()).toBe(before);
  });

  it.each([
    ["a reflection of another coalition", async () => writeReflection(ids.author, other.id, { title: "Elders", text: "x", visibility: "network" })],
    ["a teammate's private reflection", async () => writeReflection(ids.teammate, team.id, { title: "Privé", text: "x", visibility: "private" })],
    [
      "a reflection in the trash",
      async () => {
        const id = await writeReflection(ids.author, team.id, { title: "Weg", text: "x", visibility: "team" });
        await db().updateTable("reflection").set({ deleted_at: new Date() }).where("id", "=", id).execute();
        return id;
      },
    ],
    ["something that is not an id", async () => "niet-een-id"],
  ])("refuses %s as a source, with a message at the sources and nothing saved", async (_what, source) => {
    const readable = await writeReflection(ids.author, team.id, { title: "Wel leesbaar", text: "x", visibility: "team" });
    const before = await lessonCount();
    const response = await propose({ statement: "Met een verboden bron", sources: [readable, await source()], visibility: "team" });
    expect(response.status).toBe(400);
    expect((await response.json()).result.error).toEqual({ sources: ["lesson.error.source"] });
    expect(await lessonCount()).toBe(before);
    expect(await db().selectFrom("lesson").where("statement", "=", "Met een verboden bron").select("id").execute()).toEqual([]);
  });
});

describe("where a lesson came from", () => {
  const secret = { private: unique("privebronkenmerk"), team: unique("teambronkenmerk"), network: unique("netwerkbronkenmerk") };
  const source = {} as Record<keyof typeof secret, string>;
  let lesson: string;

  beforeAll(async () => {
    for (const visibility of ["private", "team", "network"] as const) {
      source[visibility] = await writeReflection(ids.author, team.id, { title: `Bron ${secret[visibility]}`, text: secret[visibility], visibility });
    }
    lesson = await writeLesson(ids.author, team.id, {
      statement: "Een les met bronnen van elke zichtbaarheid",
      visibility: "network",
      sources: Object.values(source),
    });
  });

  it.each([
    ["author", ["private", "team", "network"]],
    ["teammate", ["team", "network"]],
    ["facilitator", ["team", "network"]],
    ["otherMember", ["network"]],
    ["funder", ["network"]],
  ] as const)("shows the %s only the sources they may read, and nothing of the others", async (reader, visible) => {
    const response = await page(lesson, cookies[reader]);
    expect(response.status).toBe(200);
    const text = await response.text();
    const data = JSON.parse(text);
    expect(data.lesson.sources.map((s: { id: string }) => s.id).sort()).toEqual(visible.map((v) => source[v]).sort());
    for (const visibility of ["private", "team", "network"] as const) {
      const shown = (visible as readonly string[]).includes(visibility);
      expect(text.includes(secret[visibility])).toBe(shown);
      expect(text.includes(source[visibility])).toBe(shown);
    }
    // No count or flag that says something was left out.
    expect(Object.keys(data.lesson).sort()).toEqual(
      ["authorId", "authorName", "canEdit", "createdAt", "explanation", "fromSessions", "hasExplanation", "id", "sources", "statement", "themes", "updatedAt", "version", "visibility"].sort(),
    );
  });

  it("does not show the facilitator the author's private source on the edit page either", async () => {
    const response = await callRoute(editRoute.loader, {
      request: browserRequest(path(`/${lesson}/edit`), { cookie: cookies.facilitator }),
      params: { team: team.slug, id: lesson },
    });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain(secret.private);
    expect(text).not.toContain(source.private);
    expect(text).toContain(secret.team);
  });

  it("keeps the links an editor cannot see when the editor saves", async () => {
    const id = await writeLesson(ids.author, team.id, { statement: "Bewerkt door de begeleider", visibility: "team", sources: Object.values(source) });
    const saved = await callRoute(editRoute.action, {
      request: browserRequest(path(`/${id}/edit`), {
        cookie: cookies.facilitator,
        // The facilitator sees the team and network sources and unticks the team one.
        form: { version: "1", statement: "Bewerkt door de begeleider", visibility: "team", sources: source.network },
      }),
      params: { team: team.slug, id },
    });
    expect(saved.status).toBe(302);
    expect(await linksOf(id)).toEqual([source.private, source.network].sort());
  });

  it("does not list a source that went to the trash, and lists it again when it is restored", async () => {
    const gone = await writeReflection(ids.author, team.id, { title: "Tijdelijk weg", text: "x", visibility: "team" });
    const id = await writeLesson(ids.author, team.id, { statement: "Met een bron die weggaat", visibility: "team", sources: [gone] });
    await db().updateTable("reflection").set({ deleted_at: new Date() }).where("id", "=", gone).execute();
    expect((await (await page(id, cookies.author)).json()).lesson.sources).toEqual([]);
    await db().updateTable("reflection").set({ deleted_at: null }).where("id", "=", gone).execute();
    expect((await (await page(id, cookies.author)).json()).lesson.sources.map((s: { id: string }) => s.id)).toEqual([gone]);
  });

  it("never shows a hidden source's title in the team's list of lessons", async () => {
    const response = await callRoute(listRoute.loader, { request: browserRequest(path(), { cookie: cookies.otherMember }), params: { team: team.slug } });
    const text = await response.text();
    expect(text).toContain(lesson);
    expect(text).not.toContain(secret.private);
    expect(text).not.toContain(secret.team);
  });
});

describe("two people editing the same lesson", () => {
  it("does not let the second save overwrite the first: it shows both versions, then saves the merge", async () => {
    const id = await writeLesson(ids.author, team.id, { statement: "Gedeelde les", text: "Origineel", visibility: "team" });
    const save = (cookie: string, form: Record<string, string>) =>
      callRoute(editRoute.action, { request: browserRequest(path(`/${id}/edit`), { cookie, form }), params: { team: team.slug, id } });

    // The author and the facilitator both opened the edit page at version 1.
    const first = await save(cookies.facilitator, { version: "1", statement: "Gedeelde les", explanationText: "Versie van de begeleider", visibility: "team" });
    expect(first.status).toBe(302);
    const second = await save(cookies.author, { version: "1", statement: "Gedeelde les, aangescherpt", explanationText: "Versie van de auteur", visibility: "network" });
    expect(second.status).toBe(409);
    const conflict = await second.json();
    expect(conflict.current.version).toBe(2);
    expect(JSON.stringify(conflict.current.explanation)).toContain("Versie van de begeleider");
    expect(JSON.stringify(conflict.explanation)).toContain("Versie van de auteur");
    expect(conflict.result.initialValue).toMatchObject({ statement: "Gedeelde les, aangescherpt", visibility: "network" });
    const stored = await db().selectFrom("lesson").where("id", "=", id).select(["statement", "explanation_text", "visibility"]).executeTakeFirstOrThrow();
    expect(stored).toEqual({ statement: "Gedeelde les", explanation_text: "Versie van de begeleider", visibility: "team" });

    const merged = await save(cookies.author, { version: "2", statement: "Gedeelde les, aangescherpt", explanationText: "Beide versies samen", visibility: "network" });
    expect(merged.status).toBe(302);
    const after = await db().selectFrom("lesson").where("id", "=", id).select(["statement", "explanation_text", "visibility", "version"]).executeTakeFirstOrThrow();
    expect(after).toEqual({ statement: "Gedeelde les, aangescherpt", explanation_text: "Beide versies samen", visibility: "network", version: 3 });
  });

  it("keeps the stored formatting when the explanation is sent back unchanged without JavaScript", async () => {
    const id = await writeLesson(ids.author, team.id, { statement: "Opmaak", text: "Eerste alinea.\n\nTweede alinea.", visibility: "team" });
    const edit = await (await callRoute(editRoute.loader, { request: browserRequest(path(`/${id}/edit`), { cookie: cookies.author }), params: { team: team.slug, id } })).json();
    const { plainTextForTextarea } = await import("../../app/richtext/from-plain-text");
    const saved = await callRoute(editRoute.action, {
      request: browserRequest(path(`/${id}/edit`), {
        cookie: cookies.author,
        form: { version: "1", statement: "Opmaak, nieuwe zin", explanationText: plainTextForTextarea(edit.lesson.explanation), visibility: "team" },
      }),
      params: { team: team.slug, id },
    });
    expect(saved.status).toBe(302);
    const row = await db().selectFrom("lesson").where("id", "=", id).select(["statement", "explanation"]).executeTakeFirstOrThrow();
    expect(row.statement).toBe("Opmaak, nieuwe zin");
    expect(row.explanation).toEqual(edit.lesson.explanation);
  });
});

describe("the trash", () => {
  const trash = async (cookie: string): Promise<string[]> =>
    (await (await callRoute(trashRoute.loader, { request: browserRequest(path("/trash"), { cookie }), params: { team: team.slug } })).json()).items.map(
      (i: { id: string }) => i.id,
    );
  const restore = (cookie: string, id: string) =>
    callRoute(trashRoute.action, { request: browserRequest(path("/trash"), { cookie, form: { id } }), params: { team: team.slug } });
  const remove = (cookie: string, id: string) =>
    callRoute(detailRoute.action, { request: browserRequest(path(`/${id}`), { cookie, form: { intent: "delete" } }), params: { team: team.slug, id } });

  it("takes a deleted lesson out of every list; its author and the facilitators restore it within 30 days", async () => {
    const id = await writeLesson(ids.author, team.id, { statement: "Weg en terug", visibility: "team" });
    expect((await remove(cookies.teammate, id)).status).toBe(404);
    expect((await remove(cookies.author, id)).status).toBe(302);

    expect((await page(id, cookies.author)).status).toBe(404);
    const list = await (await callRoute(listRoute.loader, { request: browserRequest(path(), { cookie: cookies.author }), params: { team: team.slug } })).json();
    expect(list.page.items.map((i: { id: string }) => i.id)).not.toContain(id);

    expect(await trash(cookies.author)).toContain(id);
    expect(await trash(cookies.facilitator)).toContain(id);
    expect(await trash(cookies.teammate)).not.toContain(id);

    expect((await restore(cookies.teammate, id)).status).toBe(404);
    expect((await restore(cookies.facilitator, id)).status).toBe(302);
    expect((await page(id, cookies.teammate)).status).toBe(200);
  });

  it("shows a facilitator's deletion of someone else's lesson to the author too", async () => {
    const id = await writeLesson(ids.teammate, team.id, { statement: "Door de begeleider weggegooid", visibility: "network" });
    expect((await remove(cookies.facilitator, id)).status).toBe(302);
    expect(await trash(cookies.teammate)).toContain(id);
    expect(await trash(cookies.author)).not.toContain(id);
    expect((await restore(cookies.teammate, id)).status).toBe(302);
  });

  it("no longer restores after 30 days", async () => {
    const id = await writeLesson(ids.author, team.id, { statement: "Te laat", visibility: "team" });
    await db().updateTable("lesson").set({ deleted_at: new Date(Date.now() - 31 * 864e5) }).where("id", "=", id).execute();
    expect(await trash(cookies.author)).not.toContain(id);
    expect((await restore(cookies.author, id)).status).toBe(404);
  });

  it("cannot be edited while it is in the trash", async () => {
    const id = await writeLesson(ids.author, team.id, { statement: "In de prullenbak", visibility: "team" });
    await remove(cookies.author, id);
    const response = await callRoute(editRoute.action, {
      request: browserRequest(path(`/${id}/edit`), { cookie: cookies.author, form: { version: "1", statement: "Toch bewerkt", visibility: "team" } }),
      params: { team: team.slug, id },
    });
    expect(response.status).toBe(404);
  });
});

describe("finding lessons", () => {
  it("searches in Dutch: 'samenwerking' finds 'samenwerkingen'", async () => {
    const id = await writeLesson(ids.author, team.id, {
      statement: "Kleine stappen werken",
      text: "Alle samenwerkingen in de wijk begonnen met bijeenkomsten.",
      visibility: "team",
    });
    const search = async (q: string) =>
      (await (await callRoute(listRoute.loader, { request: browserRequest(path(`?q=${encodeURIComponent(q)}`), { cookie: cookies.teammate }), params: { team: team.slug } })).json()).page.items.map(
        (i: { id: string }) => i.id,
      );
    expect(await search("samenwerking")).toContain(id);
    expect(await search("bijeenkomst")).toContain(id);
    expect(await search("samenwerking -wijk")).not.toContain(id);
  });

  it("filters by theme, newest first, and ignores malformed filters", async () => {
    const older = await writeLesson(ids.author, team.id, { statement: "Oudere les over vertrouwen", visibility: "team" });
    const newer = await writeLesson(ids.author, team.id, { statement: "Nieuwere les over vertrouwen", visibility: "team" });
    const untagged = await writeLesson(ids.author, team.id, { statement: "Zonder thema", visibility: "team" });
    await sql`update lesson set created_at = now() - interval '1 day' where id = ${older}`.execute(db());
    await db().insertInto("lesson_theme").values([older, newer].map((lesson_id) => ({ lesson_id, theme_id: themeId }))).execute();
    const list = async (query: string) =>
      (await (await callRoute(listRoute.loader, { request: browserRequest(path(query), { cookie: cookies.author }), params: { team: team.slug } })).json()).page.items.map(
        (i: { id: string }) => i.id,
      );
    const byTheme = await list("?theme=vertrouwen");
    expect(byTheme.indexOf(newer)).toBeGreaterThanOrEqual(0);
    expect(byTheme.indexOf(newer)).toBeLessThan(byTheme.indexOf(older));
    expect(byTheme).not.toContain(untagged);
    expect(await list("?page=abc&theme=")).toContain(untagged);
  });

  it("gives the team's home page the latest lessons this reader may read", async () => {
    const teamOnly = await writeLesson(ids.author, team.id, { statement: "Nieuwste teamles", visibility: "team" });
    const user = async (cookie: string) => (await getUser(browserRequest("/", { cookie })))!;
    const home = await requireTeamReader(await user(cookies.teammate), team.slug);
    const mine = await recentLessons(await user(cookies.teammate), home, 3);
    expect(mine).toHaveLength(3);
    expect(mine[0]).toMatchObject({ id: teamOnly, statement: "Nieuwste teamles", visibility: "team" });
    expect(Object.keys(mine[0]).sort()).toEqual(["authorName", "createdAt", "id", "statement", "visibility"]);
    const outsider = await recentLessons(await user(cookies.otherMember), home, 50);
    expect(outsider.map((l) => l.id)).not.toContain(teamOnly);
    expect(outsider.every((l) => l.visibility === "network")).toBe(true);
  });
});
