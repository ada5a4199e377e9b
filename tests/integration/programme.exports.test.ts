import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../db/db.server";
import { neutraliseCell } from "../../app/domain/programme/exports.server";
import * as lessonsRoute from "../../app/routes/programme.export.lessons[.csv]";
import * as milestonesRoute from "../../app/routes/programme.export.milestones[.csv]";
import { browserRequest, callRoute, createCoalition, createPerson, sessionFor, unique } from "../fixtures";
import { writeLesson } from "../fixtures/lessons";
import { writeMilestone } from "../fixtures/milestones";
import { rowsOf } from "../fixtures/csv";

// The funder's CSV exports (DESIGN.md §8): BOM, Dutch header, formula cells neutralised, only what the
// network may read of lessons; everyone but the funder gets 404.

let utrecht: Awaited<ReturnType<typeof createCoalition>>;
let voorst: Awaited<ReturnType<typeof createCoalition>>;
const cookie: Record<"funder" | "admin" | "member" | "facilitator", string> = {
  funder: "",
  admin: "",
  member: "",
  facilitator: "",
};
const teamMarker = unique("ALLEEN-HET-TEAM");
const teamTextMarker = unique("TEAMTEKST");
const deletedMarker = unique("WEGGEGOOID");
const themeSuffix = unique("t");

beforeAll(async () => {
  utrecht = await createCoalition({ name: `Utrecht ${unique("o")}` });
  voorst = await createCoalition({ name: `Voorst ${unique("v")}` });
  const ans = await createPerson({
    team: utrecht,
    name: "Ans Jansen",
    perspective: "professional",
  });
  const bram = await createPerson({
    team: voorst,
    name: "Bram de Vries",
    role: "facilitator",
    perspective: "volunteer",
  });
  cookie.member = await sessionFor(ans);
  cookie.facilitator = await sessionFor(bram);
  cookie.funder = await sessionFor(await createPerson({ accountRole: "funder" }));
  cookie.admin = await sessionFor(await createPerson({ accountRole: "admin" }));

  const first = await writeLesson(ans.id, utrecht.id, {
    statement: "Vertrouwen groeit in de buurtkamer",
    text: "Eerst koffie, dan praten.",
    visibility: "network",
  });
  for (const [name, position] of [
    ["Vertrouwen", 1],
    ["Eenzaamheid", 2],
  ] as const) {
    const theme = await db()
      .insertInto("theme")
      .values({ slug: unique("thema"), name_nl: `${name} ${themeSuffix}`, name_en: name, position })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db().insertInto("lesson_theme").values({ lesson_id: first, theme_id: theme.id }).execute();
  }
  // 22:30 UTC on 31 May is 1 June in Amsterdam.
  await sql`update lesson set created_at = ${"2026-05-31T22:30:00Z"}::timestamptz where id = ${first}`.execute(db());
  await writeLesson(ans.id, utrecht.id, {
    statement: '=HYPERLINK("http://evil")',
    text: "  @SUM(A1)",
    visibility: "network",
  });
  await writeLesson(bram.id, voorst.id, {
    statement: "+31 procent kwam terug",
    text: "-1 is geen getal",
    visibility: "network",
  });
  await writeLesson(bram.id, voorst.id, {
    statement: "@iedereen: samen eten werkt",
    text: "\tTab vooraan",
    visibility: "network",
  });
  await writeLesson(ans.id, utrecht.id, {
    statement: teamMarker,
    text: teamTextMarker,
    visibility: "team",
  });
  const deleted = await writeLesson(ans.id, utrecht.id, {
    statement: deletedMarker,
    visibility: "network",
  });
  await db().updateTable("lesson").set({ deleted_at: new Date() }).where("id", "=", deleted).execute();

  await writeMilestone(ans.id, utrecht.id, {
    title: "Buurtkamer open",
    visibility: "team",
    targetDate: "2027-03-01",
  });
  const adjusted = await writeMilestone(bram.id, voorst.id, {
    title: "=1+1 dorpsgesprekken",
    visibility: "network",
    targetDate: "2026-04-01",
  });
  await db()
    .insertInto("milestone_status_change")
    .values({
      milestone_id: adjusted,
      from_status: "planned",
      to_status: "adjusted",
      reason: "Zomervakantie",
      previous_target_date: "2026-04-01",
      new_target_date: "2026-06-15",
      changed_by: bram.id,
      changed_at: new Date("2026-03-20T10:00:00Z"),
    })
    .execute();
  await db().updateTable("milestone").set({ status: "adjusted", target_date: "2026-06-15" }).where("id", "=", adjusted).execute();
  const gone = await writeMilestone(ans.id, utrecht.id, {
    title: deletedMarker,
    visibility: "team",
    targetDate: "2026-01-01",
  });
  await db().updateTable("milestone").set({ deleted_at: new Date() }).where("id", "=", gone).execute();
});

function load(kind: "lessons" | "milestones", who?: keyof typeof cookie) {
  const route = kind === "lessons" ? lessonsRoute : milestonesRoute;
  return callRoute(route.loader, {
    request: browserRequest(`/programme/export/${kind}.csv`, {
      cookie: who ? cookie[who] : undefined,
    }),
  });
}

const ours = (rows: string[][]) => rows.filter((r) => r[0] === utrecht.name || r[0] === voorst.name);

describe("neutraliseCell", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ["+31", "'+31"],
    ["-1", "'-1"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["  =1", "'  =1"],
    ["\n-2", "'\n-2"],
    ["\tTab", "'\tTab"],
    ["\rCR", "'\rCR"],
    ["Gewoon tekst", "Gewoon tekst"],
    ["a=b", "a=b"],
    ["", ""],
  ])("%j becomes %j", (input, output) => {
    expect(neutraliseCell(input)).toBe(output);
  });
  it("leaves numbers and empty values as text", () => {
    expect(neutraliseCell(3)).toBe("3");
    expect(neutraliseCell(null)).toBe("");
  });
});

describe("the lessons export", () => {
  it("is a UTF-8 CSV download with a BOM and a Dutch header", async () => {
    const response = await load("lessons", "funder");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="leernetwerk-lessen-\d{4}-\d{2}-\d{2}\.csv"$/);
    const { header } = await rowsOf(response);
    expect(header).toEqual(["Coalitie", "Les", "Toelichting", "Thema's", "Perspectief van de auteur", "Aangemaakt op"]);
  });

  it("round-trips every network lesson, with formula cells neutralised", async () => {
    const { rows } = await rowsOf(await load("lessons", "funder"));
    const mine = ours(rows);
    expect(mine).toHaveLength(4);
    expect(mine.find((r) => r[1] === "Vertrouwen groeit in de buurtkamer")).toEqual([
      utrecht.name,
      "Vertrouwen groeit in de buurtkamer",
      "Eerst koffie, dan praten.",
      `Vertrouwen ${themeSuffix}, Eenzaamheid ${themeSuffix}`,
      "Professional",
      "2026-06-01",
    ]);
    const statements = mine.map((r) => r[1]);
    expect(statements).toContain(`'=HYPERLINK("http://evil")`);
    expect(statements).toContain("'+31 procent kwam terug");
    expect(statements).toContain("'@iedereen: samen eten werkt");
    const texts = mine.map((r) => r[2]);
    expect(texts).toContain("'  @SUM(A1)");
    expect(texts).toContain("'-1 is geen getal");
    expect(texts).toContain("'\tTab vooraan");
    expect(mine.find((r) => r[1] === "'+31 procent kwam terug")?.[4]).toBe("Vrijwilliger");
    // No cell anywhere starts with a formula character.
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^(?:[\t\r]|\s*[=+\-@])/);
  });

  it("never contains a team-only or deleted lesson", async () => {
    const { text } = await rowsOf(await load("lessons", "funder"));
    expect(text).not.toContain(teamMarker);
    expect(text).not.toContain(teamTextMarker);
    expect(text).not.toContain(deletedMarker);
  });
});

describe("the milestones export", () => {
  it("lists every coalition's milestones with status, dates and the number of adjustments", async () => {
    const response = await load("milestones", "funder");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="leernetwerk-mijlpalen-\d{4}-\d{2}-\d{2}\.csv"$/);
    const { header, rows, text } = await rowsOf(response);
    expect(header).toEqual(["Coalitie", "Mijlpaal", "Status", "Oorspronkelijk gepland", "Streefdatum", "Aantal bijstellingen"]);
    expect(ours(rows).sort((a, b) => a[1].localeCompare(b[1]))).toEqual([
      [voorst.name, "'=1+1 dorpsgesprekken", "Bijgesteld", "2026-04-01", "2026-06-15", "1"],
      [utrecht.name, "Buurtkamer open", "Gepland", "2027-03-01", "2027-03-01", "0"],
    ]);
    expect(text).not.toContain(deletedMarker);
  });
});

describe("who may download the exports", () => {
  it.each(["admin", "member", "facilitator"] as const)("the %s gets 404", async (who) => {
    expect((await load("lessons", who)).status).toBe(404);
    expect((await load("milestones", who)).status).toBe(404);
  });

  it.each(["lessons", "milestones"] as const)("an anonymous visitor of %s.csv is sent to /login", async (kind) => {
    const response = await load(kind);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/login?redirectTo=${encodeURIComponent(`/programme/export/${kind}.csv`)}`);
  });
});
