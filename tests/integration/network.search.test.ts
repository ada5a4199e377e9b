import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../db/db.server";
import * as searchRoute from "../../app/routes/network.search";
import { browserRequest, callRoute, createCoalition, createPerson, sessionFor } from "../fixtures";
import { writeLesson } from "../fixtures/lessons";
import { writeReflection } from "../fixtures/reflections";

// Searching the network finds what people mean: the beginning of a word, a theme's name, a title above a
// text; it offers "Bedoelde u …?" for a typo, keeps the network page's filters, and says what to try when
// nothing is found. None of it ever shows a word of what is not shared with the network.

type Results = {
  total: number;
  items: { id: string; title: string; coalitionSlug: string }[];
  suggestion: string | null;
  themes: { slug: string }[];
};

let cookie: string;
let noord: Awaited<ReturnType<typeof createCoalition>>;
let zuid: Awaited<ReturnType<typeof createCoalition>>;
const id = {} as Record<"byTheme" | "byTitle" | "byText" | "lesson", string>;
// Words only in items that are private, for the team, or deleted: never to be shown or suggested.
const secrets = ["zwaluwstaart", "ijsvogelnest", "kwartelkoning"];

async function theme(slug: string) {
  return (await db().selectFrom("theme").where("slug", "=", slug).select("id").executeTakeFirstOrThrow()).id;
}

beforeAll(async () => {
  noord = await createCoalition({ name: "Coalitie Noord" });
  zuid = await createCoalition({ name: "Coalitie Zuid" });
  const resident = await createPerson({ team: noord, perspective: "resident" });
  const volunteer = await createPerson({ team: zuid, perspective: "volunteer" });
  cookie = await sessionFor(await createPerson({ accountRole: "funder" }));

  id.byTheme = await writeReflection(resident.id, noord.id, {
    title: "Buurtkoffie op zaterdag",
    text: "We zetten koffie voor de hele straat.",
    visibility: "network",
    happenedOn: "2026-03-10",
  });
  await db().insertInto("reflection_theme").values({ reflection_id: id.byTheme, theme_id: await theme("vrijwilligers") }).execute();
  id.byTitle = await writeReflection(volunteer.id, zuid.id, {
    title: "Vrijwilligers gezocht voor de moestuin",
    text: "De moestuin draait op inzet van de buurt.",
    visibility: "network",
    happenedOn: "2026-10-01",
  });
  await db().insertInto("reflection_theme").values({ reflection_id: id.byTitle, theme_id: await theme("ontmoetingsplekken") }).execute();
  id.byText = await writeReflection(resident.id, noord.id, {
    title: "Een avond in de wijk",
    text: "Veel werk werd gedaan door vrijwilligers uit de flat.",
    visibility: "network",
    happenedOn: "2026-10-05",
  });
  id.lesson = await writeLesson(volunteer.id, zuid.id, { statement: "Vraag vrijwilligers wat ze zelf willen", visibility: "network" });

  const hidden = await writeReflection(resident.id, noord.id, {
    title: "Vrijwilligers en de zwaluwstaart",
    text: "Vrijwilligers zwaluwstaart",
    visibility: "private",
  });
  await db().insertInto("reflection_theme").values({ reflection_id: hidden, theme_id: await theme("vrijwilligers") }).execute();
  await writeReflection(resident.id, noord.id, { title: "Vrijwilligers bij het ijsvogelnest", text: "ijsvogelnest", visibility: "team" });
  await writeLesson(resident.id, noord.id, { statement: "Vrijwilligers en de kwartelkoning", text: "kwartelkoning", visibility: "team" });
  const gone = await writeReflection(resident.id, noord.id, { title: "Weg: kwartelkoning", text: "kwartelkoning", visibility: "network" });
  await db().updateTable("reflection").set({ deleted_at: new Date() }).where("id", "=", gone).execute();
});

async function searchBody(query: string): Promise<string> {
  const response = await callRoute(searchRoute.loader, { request: browserRequest(`/network/search?${query}`, { cookie }) });
  expect(response.status).toBe(200);
  return await response.text();
}

async function search(q: string, filters = ""): Promise<Results> {
  return JSON.parse(await searchBody(`q=${encodeURIComponent(q)}${filters}`)).results;
}

describe("searching the network", () => {
  it("matches the beginning of a word, and ranks a title above a theme's name above the text", async () => {
    const results = await search("vrijwillig");
    expect(results.total).toBe(4);
    const ids = results.items.map((item) => item.id);
    expect(ids.slice(0, 2).sort()).toEqual([id.byTitle, id.lesson].sort());
    expect(ids.slice(2)).toEqual([id.byTheme, id.byText]);
  });

  it("finds an item by the name of its theme, in Dutch and in English", async () => {
    expect((await search("ontmoetingsplekken")).items.map((item) => item.id)).toEqual([id.byTitle]);
    expect((await search("meeting places")).items.map((item) => item.id)).toEqual([id.byTitle]);
  });

  it("finds an item again when its themes change", async () => {
    const tag = { reflection_id: id.byText, theme_id: await theme("communicatie") };
    await db().insertInto("reflection_theme").values(tag).execute();
    expect((await search("communicatie")).items.map((item) => item.id)).toEqual([id.byText]);
    await db().deleteFrom("reflection_theme").where("reflection_id", "=", id.byText).execute();
    expect((await search("communicatie")).total).toBe(0);
  });

  it("offers ‘Bedoelde u …?’ for a typo, and the suggestion finds what was meant", async () => {
    const typo = await search("vrijwiligers");
    expect(typo).toMatchObject({ total: 0, suggestion: "vrijwilligers" });
    expect((await search(typo.suggestion!)).total).toBe(4);
    // Only the word that finds nothing is corrected.
    expect((await search("koffie zaterdga")).suggestion).toBe("koffie zaterdag");
    expect((await search("moestiun")).suggestion).toBe("moestuin");
    // A search that finds something, or nothing alike, gets no suggestion.
    expect((await search("moestuin")).suggestion).toBeNull();
    expect((await search("xylofoon")).suggestion).toBeNull();
  });

  it("keeps the network page's filters: coalition, theme, perspective, kind and period", async () => {
    const ids = async (filters: string) => (await search("vrijwillig", filters)).items.map((item) => item.id).sort();
    expect(await ids(`&coalition=${zuid.slug}`)).toEqual([id.byTitle, id.lesson].sort());
    expect(await ids("&theme=vrijwilligers")).toEqual([id.byTheme]);
    expect(await ids("&perspective=resident")).toEqual([id.byTheme, id.byText].sort());
    expect(await ids("&kind=lesson")).toEqual([id.lesson]);
    expect(await ids("&kind=reflection&from=2026-10-01&to=2026-10-04")).toEqual([id.byTitle]);
    expect(await ids("&from=2026-10-02&to=2026-10-31&kind=reflection")).toEqual([id.byText]);
    // A malformed filter is ignored.
    expect(await ids("&kind=iets&from=gisteren")).toHaveLength(4);
  });

  it("with filters and no search words, shows the filtered network page", async () => {
    const response = await callRoute(searchRoute.loader, {
      request: browserRequest(`/network/search?q=&coalition=${zuid.slug}&kind=`, { cookie }),
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/network?coalition=${zuid.slug}`);
  });

  it("when nothing is found, names the themes that look like the search words", async () => {
    const results = await search("ontmoetingsplekken", `&coalition=${noord.slug}`);
    expect(results.total).toBe(0);
    expect(results.themes.map((t) => t.slug)).toEqual(["ontmoetingsplekken"]);
    expect((await search("xylofoon")).themes).toEqual([]);
  });

  it("never shows or suggests a word of a private, team or deleted item", async () => {
    for (const secret of secrets) {
      for (const q of [secret, secret.slice(0, -1), `${secret.slice(0, 4)}${secret.slice(5)}`, `vrijwilligers ${secret}`]) {
        const data = JSON.parse(await searchBody(`q=${encodeURIComponent(q)}`));
        expect(data.results.total).toBe(0);
        // The query is echoed in the search box; nothing else may hold the secret.
        const { q: _echo, ...rest } = data;
        for (const word of secrets) expect(JSON.stringify(rest)).not.toContain(word);
      }
    }
    // The private item carries the theme Vrijwilligers too: it is not among the theme's matches.
    expect((await search("vrijwilligers", "&theme=vrijwilligers")).items.map((item) => item.id)).toEqual([id.byTheme]);
  });
});
