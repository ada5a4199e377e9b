import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { db } from "../../db/db.server";
import * as compareRoute from "../../app/routes/programme.compare";
import * as themesRoute from "../../app/routes/programme.themes";
import { browserRequest, callRoute, createCoalition, createPerson, sessionFor } from "../fixtures";
import { writeLesson } from "../fixtures/lessons";

// The funder's theme matrix and comparison (DESIGN.md §3): counts include team and network lessons (never
// deleted ones); the words of a team-only lesson never reach the funder, only the number.

type Reader = "funder" | "admin" | "member" | "facilitator" | "anonymous";
const cookie: Partial<Record<Reader, string>> = {};
const markers = ["geheimteamleskenmerk", "geheimwestkenmerk", "geheimverwijderdleskenmerk"];

let noord: Awaited<ReturnType<typeof createCoalition>>;
let zuid: Awaited<ReturnType<typeof createCoalition>>;
let west: Awaited<ReturnType<typeof createCoalition>>;
let themes: { id: string; slug: string }[];
const id = {} as Record<"noordNetwork" | "zuidNetwork" | "zuidOther", string>;

type Cell = { coalitionId: string; count: number; network: number };
type MatrixTheme = { id: string; slug: string; cells: Cell[]; total: number; workedOnBy: number; spread: string | null };
type CompareLesson = { id: string; statement: string; excerpt: string; authorName: string; perspective: string | null; href: string };
type Column = { coalition: { id: string; slug: string }; lessons: CompareLesson[] };

async function tag(lessonId: string, ...themeIds: string[]) {
  await db()
    .insertInto("lesson_theme")
    .values(themeIds.map((theme_id) => ({ lesson_id: lessonId, theme_id })))
    .execute();
}

beforeAll(async () => {
  noord = await createCoalition({ name: "Coalitie Noord" });
  zuid = await createCoalition({ name: "Coalitie Zuid" });
  west = await createCoalition({ name: "Coalitie West" });
  themes = await db().selectFrom("theme").select(["id", "slug"]).where("archived_at", "is", null).orderBy("position").execute();
  expect(themes.length).toBeGreaterThanOrEqual(4);
  const [t0, t1, t2] = themes;

  const resident = await createPerson({ team: noord, perspective: "resident", name: "Anna Bewoner" });
  const facilitator = await createPerson({ team: noord, perspective: "volunteer", role: "facilitator" });
  const professional = await createPerson({ team: zuid, perspective: "professional", name: "Piet Professional" });
  const volunteer = await createPerson({ team: zuid, perspective: "volunteer", name: "Vera Vrijwilliger" });
  const westMember = await createPerson({ team: west, perspective: "resident" });
  const people = {
    funder: await createPerson({ accountRole: "funder" }),
    admin: await createPerson({ accountRole: "admin" }),
    member: resident,
    facilitator,
  };
  for (const [reader, person] of Object.entries(people)) cookie[reader as Reader] = await sessionFor(person);

  // Noord: one network lesson on t0 and t1, one team-only lesson on t0, one deleted network lesson on t0.
  id.noordNetwork = await writeLesson(resident.id, noord.id, {
    statement: "Vertrouwen groeit in kleine stappen",
    text: "Bewoners kwamen pas na drie koffieochtenden.",
    visibility: "network",
  });
  await tag(id.noordNetwork, t0.id, t1.id);
  const team = await writeLesson(facilitator.id, noord.id, {
    statement: "Binnen het team geheimteamleskenmerk",
    text: "Alleen voor ons geheimteamleskenmerk",
    visibility: "team",
  });
  await tag(team, t0.id);
  const deleted = await writeLesson(resident.id, noord.id, {
    statement: "Weggegooid geheimverwijderdleskenmerk",
    text: "Weg geheimverwijderdleskenmerk",
    visibility: "network",
  });
  await tag(deleted, t0.id);
  await db().updateTable("lesson").set({ deleted_at: new Date() }).where("id", "=", deleted).execute();

  // Zuid: a network lesson on t0 by a professional, one on t2 by a volunteer.
  id.zuidNetwork = await writeLesson(professional.id, zuid.id, {
    statement: "Professionals moeten eerst luisteren",
    text: "Wie meteen oplossingen brengt, verliest de buurt.",
    visibility: "network",
  });
  await tag(id.zuidNetwork, t0.id);
  id.zuidOther = await writeLesson(volunteer.id, zuid.id, { statement: "Vrijwilligers houden het vol", visibility: "network" });
  await tag(id.zuidOther, t2.id);

  // West: only a team-only lesson on t0.
  const westTeam = await writeLesson(westMember.id, west.id, {
    statement: "West intern geheimwestkenmerk",
    text: "Niet voor buiten geheimwestkenmerk",
    visibility: "team",
  });
  await tag(westTeam, t0.id);
  // A lesson without themes counts nowhere.
  await writeLesson(westMember.id, west.id, { statement: "Zonder thema", visibility: "network" });
});

function matrixFor(reader: Reader) {
  return callRoute(themesRoute.loader, { request: browserRequest("/programme/themes", { cookie: cookie[reader] }) });
}

function compareFor(reader: Reader, query: string) {
  return callRoute(compareRoute.loader, { request: browserRequest(`/programme/compare${query}`, { cookie: cookie[reader] }) });
}

async function matrix(): Promise<MatrixTheme[]> {
  const response = await matrixFor("funder");
  expect(response.status).toBe(200);
  return (await response.json()).themes;
}

function cell(theme: MatrixTheme, coalitionId: string) {
  const found = theme.cells.find((c) => c.coalitionId === coalitionId)!;
  return { count: found.count, network: found.network };
}

async function columns(query: string): Promise<Record<string, string[]>> {
  const response = await compareFor("funder", query);
  expect(response.status).toBe(200);
  const data = await response.json();
  return Object.fromEntries(
    (data.comparison.columns as Column[]).map((column) => [column.coalition.slug, column.lessons.map((l) => l.id)]),
  );
}

describe("the theme matrix", () => {
  it("counts team and network lessons per theme and coalition, not deleted ones, with the network share apart", async () => {
    const [t0, t1, t2, t3] = await matrix();
    expect(cell(t0, noord.id)).toEqual({ count: 2, network: 1 });
    expect(cell(t0, zuid.id)).toEqual({ count: 1, network: 1 });
    expect(cell(t0, west.id)).toEqual({ count: 1, network: 0 });
    expect(t0.total).toBe(4);
    expect(cell(t1, noord.id)).toEqual({ count: 1, network: 1 });
    expect(cell(t1, zuid.id)).toEqual({ count: 0, network: 0 });
    expect(cell(t2, zuid.id)).toEqual({ count: 1, network: 1 });
    expect(cell(t2, noord.id)).toEqual({ count: 0, network: 0 });
    expect(t3.total).toBe(0);
  });

  it("marks themes three coalitions share and themes only one works on", async () => {
    const [t0, t1, t2, t3] = await matrix();
    expect([t0.workedOnBy, t0.spread]).toEqual([3, "shared"]);
    expect([t1.workedOnBy, t1.spread]).toEqual([1, "single"]);
    expect([t2.workedOnBy, t2.spread]).toEqual([1, "single"]);
    expect([t3.workedOnBy, t3.spread]).toEqual([0, null]);
  });

  it("has a column for every coalition, and no team-only or deleted words", async () => {
    const response = await matrixFor("funder");
    const body = await response.text();
    for (const marker of markers) expect(body).not.toContain(marker);
    const slugs = JSON.parse(body).coalitions.map((c: { slug: string }) => c.slug);
    expect(slugs).toEqual(expect.arrayContaining([noord.slug, zuid.slug, west.slug]));
  });

  it("is open to the admin as well (counts only)", async () => {
    expect((await matrixFor("admin")).status).toBe(200);
  });

  it("compare, which shows lesson text, is closed to the admin, who reads no content", async () => {
    expect((await compareFor("admin", `?theme=${themes[0].slug}`)).status).toBe(404);
    expect((await compareFor("admin", "")).status).toBe(404);
  });
});

describe("comparing a theme", () => {
  it("shows the theme's network lessons in one column per coalition", async () => {
    const byCoalition = await columns(`?theme=${themes[0].slug}`);
    expect(byCoalition[noord.slug]).toEqual([id.noordNetwork]);
    expect(byCoalition[zuid.slug]).toEqual([id.zuidNetwork]);
    expect(byCoalition[west.slug]).toEqual([]);
  });

  it("gives statement, excerpt, author, perspective and a link to the lesson", async () => {
    const response = await compareFor("funder", `?theme=${themes[0].slug}`);
    const data = await response.json();
    const zuidColumn = (data.comparison.columns as Column[]).find((c) => c.coalition.id === zuid.id)!;
    expect(zuidColumn.lessons[0]).toMatchObject({
      statement: "Professionals moeten eerst luisteren",
      excerpt: "Wie meteen oplossingen brengt, verliest de buurt.",
      authorName: "Piet Professional",
      perspective: "professional",
      href: `/teams/${zuid.slug}/lessons/${id.zuidNetwork}`,
    });
    expect(data.comparison.theme.slug).toBe(themes[0].slug);
  });

  it("filters by the author's perspective", async () => {
    const professional = await columns(`?theme=${themes[0].slug}&perspective=professional`);
    expect(professional[noord.slug]).toEqual([]);
    expect(professional[zuid.slug]).toEqual([id.zuidNetwork]);
    const resident = await columns(`?theme=${themes[0].slug}&perspective=resident`);
    expect(resident[noord.slug]).toEqual([id.noordNetwork]);
    expect(resident[zuid.slug]).toEqual([]);
    const volunteer = await columns(`?theme=${themes[2].slug}&perspective=volunteer`);
    expect(volunteer[zuid.slug]).toEqual([id.zuidOther]);
  });

  it("ignores a malformed perspective", async () => {
    const byCoalition = await columns(`?theme=${themes[0].slug}&perspective=iedereen`);
    expect(byCoalition[noord.slug]).toEqual([id.noordNetwork]);
    expect(byCoalition[zuid.slug]).toEqual([id.zuidNetwork]);
  });

  it("never shows the words of team-only or deleted lessons, whatever the filter", async () => {
    const queries = [
      "",
      ...themes.map((t) => `?theme=${t.slug}`),
      ...["resident", "volunteer", "professional"].map((p) => `?theme=${themes[0].slug}&perspective=${p}`),
    ];
    for (const query of queries) {
      const response = await compareFor("funder", query);
      expect(response.status).toBe(200);
      const body = await response.text();
      for (const marker of markers) expect(body).not.toContain(marker);
    }
  });

  it("shows a coalition's newest 20 lessons on the theme and how many there are in all", async () => {
    const author = await createPerson({ team: west, perspective: "volunteer" });
    const ids: string[] = [];
    for (let i = 0; i < 21; i++) {
      ids.push(await writeLesson(author.id, west.id, { statement: `Les ${i}`, visibility: "network" }));
      await tag(ids[i], themes[3].id);
      await sql`update lesson set created_at = ${new Date(Date.UTC(2026, 0, 1 + i)).toISOString()}::timestamptz where id = ${ids[i]}`.execute(db());
    }
    const data = await (await compareFor("funder", `?theme=${themes[3].slug}`)).json();
    const column = (data.comparison.columns as (Column & { total: number })[]).find((c) => c.coalition.id === west.id)!;
    expect(column.total).toBe(21);
    expect(column.lessons.map((l) => l.id)).toEqual(ids.slice(1).reverse());
  });

  it("offers the theme list without a theme, and says so for an unknown theme", async () => {
    const empty = await (await compareFor("funder", "")).json();
    expect(empty.comparison).toBeNull();
    expect(empty.themes.length).toBe(themes.length);
    const unknown = await (await compareFor("funder", "?theme=bestaat-niet")).json();
    expect(unknown.comparison).toBeNull();
  });
});

describe("who may open the programme pages", () => {
  it.each(["member", "facilitator"] as const)("is not there for a %s", async (reader) => {
    expect((await matrixFor(reader)).status).toBe(404);
    expect((await compareFor(reader, `?theme=${themes[0].slug}`)).status).toBe(404);
    expect((await compareFor(reader, "")).status).toBe(404);
  });

  it("sends an anonymous visitor to the login page", async () => {
    for (const response of [await matrixFor("anonymous"), await compareFor("anonymous", `?theme=${themes[0].slug}`)]) {
      expect(response.status).toBe(302);
      expect(response.headers.get("Location")).toMatch(/^\/login/);
    }
  });
});
