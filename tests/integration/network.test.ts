import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../db/db.server";
import * as networkRoute from "../../app/routes/network._index";
import * as searchRoute from "../../app/routes/network.search";
import { browserRequest, callRoute, createCoalition, createPerson, sessionFor } from "../fixtures";
import { writeLesson } from "../fixtures/lessons";
import { writeReflection } from "../fixtures/reflections";

// The network page (DESIGN.md §3, §5): what coalitions share with the whole programme, read by every
// coalition and the funder, never by an admin. Team and private items never appear, not even for their team.

type Reader = "author" | "teammate" | "otherMember" | "funder" | "admin" | "anonymous";
const readers: Reader[] = ["author", "teammate", "otherMember", "funder"];
const cookie: Partial<Record<Reader, string>> = {};
const secrets = ["geheimprivekenmerk", "geheimteamkenmerk", "geheimlesteamkenmerk", "geheimverwijderdkenmerk"];

let noord: Awaited<ReturnType<typeof createCoalition>>;
let zuid: Awaited<ReturnType<typeof createCoalition>>;
const id = {} as Record<"reflection" | "lesson" | "zuid", string>;
let themes: { id: string; slug: string }[];

type Item = { kind: string; id: string; title: string; coalitionSlug: string; perspective: string | null; themes: { slug: string }[] };
type SearchItem = Item & { snippet: { text: string; hit: boolean }[] };

async function tagReflection(reflectionId: string, themeId: string) {
  await db().insertInto("reflection_theme").values({ reflection_id: reflectionId, theme_id: themeId }).execute();
}

beforeAll(async () => {
  noord = await createCoalition({ name: "Coalitie Noord" });
  zuid = await createCoalition({ name: "Coalitie Zuid" });
  themes = await db().selectFrom("theme").select(["id", "slug"]).orderBy("position").execute();
  const author = await createPerson({ team: noord, perspective: "resident" });
  const professional = await createPerson({ team: noord, perspective: "professional", role: "facilitator" });
  const people = {
    author,
    teammate: await createPerson({ team: noord, perspective: "volunteer" }),
    otherMember: await createPerson({ team: zuid, perspective: "volunteer" }),
    funder: await createPerson({ accountRole: "funder" }),
    admin: await createPerson({ accountRole: "admin" }),
  };
  for (const [reader, person] of Object.entries(people)) cookie[reader as Reader] = await sessionFor(person);

  // Shared with the network.
  id.reflection = await writeReflection(author.id, noord.id, {
    title: "De buurtkamer",
    text: "Over de samenwerkingen in de wijk en wat we ervan leerden met de bewoners van de flat.",
    visibility: "network",
    happenedOn: "2026-10-01",
  });
  await tagReflection(id.reflection, themes[0].id);
  id.lesson = await writeLesson(professional.id, noord.id, {
    statement: "Samenwerking begint bij elkaar kennen",
    text: "Samenwerking vraagt tijd; samenwerking tussen bewoners en professionals groeit langzaam.",
    visibility: "network",
  });
  await db().insertInto("lesson_theme").values({ lesson_id: id.lesson, theme_id: themes[1].id }).execute();
  id.zuid = await writeReflection(people.otherMember.id, zuid.id, {
    title: "Koffieochtend in Zuid",
    text: "Een koffieochtend bracht twintig buren bij elkaar.",
    visibility: "network",
    happenedOn: "2026-11-01",
  });

  // Not shared with the network: each carries a marker word, and "samenwerking" so that a search would find it.
  await writeReflection(author.id, noord.id, {
    title: "Privé geheimprivekenmerk",
    text: "Mijn samenwerking geheimprivekenmerk",
    visibility: "private",
  });
  const team = await writeReflection(author.id, noord.id, {
    title: "Team geheimteamkenmerk",
    text: "Onze samenwerking geheimteamkenmerk",
    visibility: "team",
  });
  await tagReflection(team, themes[0].id);
  await writeLesson(author.id, noord.id, {
    statement: "Les geheimlesteamkenmerk",
    text: "Samenwerking geheimlesteamkenmerk",
    visibility: "team",
  });
  const deleted = await writeReflection(author.id, noord.id, {
    title: "Weg geheimverwijderdkenmerk",
    text: "Samenwerking geheimverwijderdkenmerk",
    visibility: "network",
  });
  await db().updateTable("reflection").set({ deleted_at: new Date() }).where("id", "=", deleted).execute();
});

function network(reader: Reader, query = "") {
  return callRoute(networkRoute.loader, { request: browserRequest(`/network${query}`, { cookie: cookie[reader] }) });
}

function search(reader: Reader, q: string) {
  return callRoute(searchRoute.loader, {
    request: browserRequest(`/network/search?q=${encodeURIComponent(q)}`, { cookie: cookie[reader] }),
  });
}

async function listed(query: string): Promise<Item[]> {
  const response = await network("teammate", query);
  expect(response.status).toBe(200);
  return (await response.json()).page.items;
}

describe("the network page", () => {
  it.each(readers)("shows the %s every item shared with the network, newest first, and nothing else", async (reader) => {
    const response = await network(reader);
    expect(response.status).toBe(200);
    const body = await response.text();
    for (const secret of secrets) expect(body).not.toContain(secret);
    const data = JSON.parse(body);
    expect(data.page.items.map((i: Item) => i.id)).toEqual([id.lesson, id.zuid, id.reflection]);
    expect(data.page.total).toBe(3);
  });

  it("tells kind, coalition, author's perspective and themes", async () => {
    const items = await listed("");
    const reflection = items.find((i) => i.id === id.reflection)!;
    expect(reflection).toMatchObject({ kind: "reflection", title: "De buurtkamer", coalitionSlug: noord.slug, perspective: "resident" });
    expect(reflection.themes.map((t) => t.slug)).toEqual([themes[0].slug]);
    const lesson = items.find((i) => i.id === id.lesson)!;
    expect(lesson).toMatchObject({ kind: "lesson", coalitionSlug: noord.slug, perspective: "professional" });
    expect(lesson.themes.map((t) => t.slug)).toEqual([themes[1].slug]);
  });

  it("is not there for an admin", async () => {
    expect((await network("admin")).status).toBe(404);
  });

  it("sends an anonymous visitor to the login page", async () => {
    const response = await network("anonymous");
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(/^\/login/);
  });

  it("filters by coalition", async () => {
    expect((await listed(`?coalition=${zuid.slug}`)).map((i) => i.id)).toEqual([id.zuid]);
    expect((await listed(`?coalition=${noord.slug}`)).map((i) => i.id)).toEqual([id.lesson, id.reflection]);
    expect(await listed("?coalition=bestaat-niet")).toEqual([]);
  });

  it("filters by theme", async () => {
    expect((await listed(`?theme=${themes[0].slug}`)).map((i) => i.id)).toEqual([id.reflection]);
    expect((await listed(`?theme=${themes[1].slug}`)).map((i) => i.id)).toEqual([id.lesson]);
  });

  it("filters by the author's perspective", async () => {
    expect((await listed("?perspective=resident")).map((i) => i.id)).toEqual([id.reflection]);
    expect((await listed("?perspective=professional")).map((i) => i.id)).toEqual([id.lesson]);
    expect((await listed("?perspective=volunteer")).map((i) => i.id)).toEqual([id.zuid]);
    // A malformed filter is ignored.
    expect(await listed("?perspective=iets")).toHaveLength(3);
  });
});

describe("searching the network", () => {
  it("uses Dutch stemming and ranks the stronger match first", async () => {
    const response = await search("otherMember", "samenwerking");
    expect(response.status).toBe(200);
    const items: SearchItem[] = (await response.json()).results.items;
    expect(items.map((i) => i.id)).toEqual([id.lesson, id.reflection]);
  });

  it("returns snippets as parts with the hits marked", async () => {
    const items: SearchItem[] = (await (await search("funder", "samenwerking")).json()).results.items;
    const reflection = items.find((i) => i.id === id.reflection)!;
    expect(reflection.snippet.filter((p) => p.hit).map((p) => p.text)).toEqual(["samenwerkingen"]);
    expect(reflection.snippet.map((p) => p.text).join("")).toContain("Over de samenwerkingen in de wijk");
    expect(JSON.stringify(items)).not.toMatch(/<<|>>/);
  });

  it.each(readers)("never returns team, private or deleted items to the %s", async (reader) => {
    for (const q of ["samenwerking", ...secrets]) {
      const response = await search(reader, q);
      expect(response.status).toBe(200);
      // The query itself is echoed back for the search box; the results must hold no trace of a secret.
      const results = JSON.stringify((await response.json()).results);
      for (const secret of secrets) expect(results).not.toContain(secret);
      if (q !== "samenwerking") expect((await (await search(reader, q)).json()).results.total).toBe(0);
    }
    const marked = (await (await search(reader, "geheimteamkenmerk")).json()).results;
    expect(marked).toMatchObject({ items: [], total: 0 });
  });

  it("answers an empty query with nothing", async () => {
    const data = await (await search("funder", "")).json();
    expect(data.results).toMatchObject({ items: [], total: 0 });
  });

  it("is not there for an admin, and asks an anonymous visitor to log in", async () => {
    expect((await search("admin", "samenwerking")).status).toBe(404);
    const response = await search("anonymous", "samenwerking");
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(/^\/login/);
  });
});
