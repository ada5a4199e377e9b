import { XMLParser } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../db/db.server";
import * as editRoute from "../../app/routes/programme.publications.$id";
import * as listRoute from "../../app/routes/programme.publications._index";
import * as newRoute from "../../app/routes/programme.publications.new";
import * as feedRoute from "../../app/routes/publications.feed[.xml]";
import * as publicRoute from "../../app/routes/publications.$slug";
import * as quotesRoute from "../../app/routes/teams.$team.quotes";
import { browserRequest, callRoute, createCoalition, createPerson, sessionFor, unique } from "../fixtures";
import { writeLesson } from "../fixtures/lessons";
import { writeReflection } from "../fixtures/reflections";
import { renderPage } from "../fixtures/render";

// The funder's publications quote what coalitions shared, and only with the quoted coalition's consent: the
// wrong account finds nothing, nothing unreadable can be quoted, nothing is published with a quote not yet
// approved, and the public page and the feed show approved quotes only (planted markers prove it).

type Who = "funder" | "facilitatorA" | "memberA" | "facilitatorB" | "admin";
let teamA: Awaited<ReturnType<typeof createCoalition>>;
let teamB: Awaited<ReturnType<typeof createCoalition>>;
const people = {} as Record<Who, Awaited<ReturnType<typeof createPerson>>>;
const cookie = {} as Record<Who, string>;
const lesson = {} as Record<"a" | "b" | "team", string>;

const MARKERS = ["TEAM-MARKER-A9", "PRIVATE-MARKER-A8", "PENDING-MARKER-B2", "DECLINED-MARKER-B3", "WITHDRAWN-MARKER-A2"];

beforeAll(async () => {
  teamA = await createCoalition({ name: unique("Coalitie Eikenhof") });
  teamB = await createCoalition({ name: unique("Coalitie Beukenlaan") });
  people.funder = await createPerson({ accountRole: "funder" });
  people.admin = await createPerson({ accountRole: "admin" });
  people.facilitatorA = await createPerson({ team: teamA, role: "facilitator" });
  people.memberA = await createPerson({ team: teamA, role: "member" });
  people.facilitatorB = await createPerson({ team: teamB, role: "facilitator" });
  for (const who of Object.keys(people) as Who[]) cookie[who] = await sessionFor(people[who]);
  lesson.a = await writeLesson(people.memberA.id, teamA.id, {
    statement: "Begin met koffie.",
    text: "KEPT-QUOTE-A1 blijft staan. WITHDRAWN-MARKER-A2 gaat weg.",
    visibility: "network",
  });
  lesson.b = await writeLesson(people.facilitatorB.id, teamB.id, {
    statement: "Vraag de buren.",
    text: "KEPT-QUOTE-B1 zonder naam. PENDING-MARKER-B2 wacht nog. DECLINED-MARKER-B3 mag niet.",
    visibility: "network",
  });
  lesson.team = await writeLesson(people.memberA.id, teamA.id, { statement: "TEAM-MARKER-A9 blijft binnen.", visibility: "team" });
  await writeReflection(people.memberA.id, teamA.id, { title: "Voor mezelf", text: "PRIVATE-MARKER-A8 is van mij.", visibility: "private" });
});

const get = (path: string, who?: Who) => browserRequest(path, { cookie: who ? cookie[who] : undefined });
const post = (path: string, form: Record<string, string>, who?: Who) => browserRequest(path, { cookie: who ? cookie[who] : undefined, form });

async function writePublication(title: string): Promise<string> {
  const response = await callRoute(newRoute.action, {
    request: post("/programme/publications/new", { kind: "newsletter", title, summary: "Wat de buurten leren.", bodyText: "Een tekst over samen leren." }, "funder"),
  });
  expect(response.status).toBe(302);
  return response.headers.get("Location")!.split("/").pop()!;
}

function quote(id: string, lessonId: string, words: string, who: Who = "funder") {
  return callRoute(editRoute.action, { request: post(`/programme/publications/${id}`, { intent: "quote", lesson: lessonId, words }, who), params: { id } });
}

function decide(team: { slug: string }, form: Record<string, string>, who?: Who) {
  return callRoute(quotesRoute.action, { request: post(`/teams/${team.slug}/quotes`, form, who), params: { team: team.slug } });
}

async function quoteId(publicationId: string, words: string): Promise<string> {
  const row = await db().selectFrom("publication_quote").where("publication_id", "=", publicationId).where("quoted_text", "=", words).select("id").executeTakeFirstOrThrow();
  return row.id;
}

async function publicHtml(slug: string): Promise<string> {
  const response = await callRoute(publicRoute.loader, { request: get(`/publications/${slug}`), params: { slug } });
  expect(response.status).toBe(200);
  const data = await response.json();
  return JSON.stringify(data) + (await renderPage(publicRoute.default, data));
}

async function feedEntries() {
  const response = await callRoute(feedRoute.loader, { request: get("/publications/feed.xml") });
  expect(response.status).toBe(200);
  expect(response.headers.get("Content-Type")).toContain("application/atom+xml");
  const xml = await response.text();
  const parsed = new XMLParser({ ignoreAttributes: false }).parse(xml);
  type Text = string | { "#text": string };
  const text = (value: Text) => (typeof value === "string" ? value : value["#text"]);
  const entries = ([parsed.feed.entry ?? []].flat() as { title: Text; content: Text; link: { "@_href": string } }[]).map((entry) => ({
    title: text(entry.title),
    content: text(entry.content),
    href: entry.link["@_href"],
  }));
  return { xml, entries };
}

describe("who finds /programme/publications", () => {
  it.each(["memberA", "facilitatorA", "admin"] as const)("the %s gets 404 on the list, the new form and a publication", async (who) => {
    const id = await writePublication("Alleen voor het programma");
    expect((await callRoute(listRoute.loader, { request: get("/programme/publications", who) })).status).toBe(404);
    expect((await callRoute(newRoute.loader, { request: get("/programme/publications/new", who) })).status).toBe(404);
    expect((await callRoute(newRoute.action, { request: post("/programme/publications/new", { kind: "article", title: "Nee", bodyText: "x" }, who) })).status).toBe(404);
    expect((await callRoute(editRoute.loader, { request: get(`/programme/publications/${id}`, who), params: { id } })).status).toBe(404);
    const save = post(`/programme/publications/${id}`, { intent: "publish" }, who);
    expect((await callRoute(editRoute.action, { request: save, params: { id } })).status).toBe(404);
  });

  it("signed out, the list sends to the login page", async () => {
    const response = await callRoute(listRoute.loader, { request: get("/programme/publications") });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toContain("/login");
  });

  it("the funder sees drafts, with a unique address from the title", async () => {
    const first = await writePublication("Samen de straat op!");
    const second = await writePublication("Samen de straat op!");
    const rows = await db().selectFrom("publication").where("id", "in", [first, second]).select(["id", "slug"]).execute();
    const slugs = rows.map((row) => row.slug).sort();
    expect(slugs[0]).toMatch(/^samen-de-straat-op(-\d+)?$/);
    expect(new Set(slugs).size).toBe(2);
    const response = await callRoute(listRoute.loader, { request: get("/programme/publications", "funder") });
    expect(response.status).toBe(200);
    const data = await response.json();
    expect(data.publications.find((p: { id: string }) => p.id === first).state).toBe("draft");
  });

  it("a stale save is refused with both versions, and overwrites nothing", async () => {
    const id = await writePublication("Versies");
    const save = (title: string) =>
      callRoute(editRoute.action, { request: post(`/programme/publications/${id}`, { intent: "save", version: "1", kind: "article", title, summary: "", bodyText: "Tekst" }, "funder"), params: { id } });
    expect((await save("Eerste bewerking")).status).toBe(302);
    const stale = await save("Tweede bewerking");
    expect(stale.status).toBe(409);
    expect((await stale.json()).current.title).toBe("Eerste bewerking");
  });
});

describe("quoting", () => {
  it("refuses a lesson shared only with the team, and words that are not in the lesson; nothing is saved", async () => {
    const id = await writePublication("Geen geheimen");
    const team = await quote(id, lesson.team, "TEAM-MARKER-A9 blijft binnen.");
    expect(team.status).toBe(400);
    expect((await team.json()).result.error.lesson).toEqual(["publication.quote.unreadable"]);
    const made = await quote(id, lesson.a, "Dit zei niemand ooit.");
    expect(made.status).toBe(400);
    expect((await made.json()).result.error.words).toEqual(["publication.quote.notInLesson"]);
    const notALesson = await quote(id, "not-a-uuid", "Begin met koffie.");
    expect(notALesson.status).toBe(400);
    const tooLong = await quote(id, lesson.a, "x".repeat(2001));
    expect(tooLong.status).toBe(400);
    expect(await db().selectFrom("publication_quote").where("publication_id", "=", id).select("id").execute()).toEqual([]);
  });

  it("the quotable list holds network lessons only", async () => {
    const id = await writePublication("Zoeken");
    const response = await callRoute(editRoute.loader, { request: get(`/programme/publications/${id}?q=MARKER`, "funder"), params: { id } });
    const ids = (await response.json()).lessons.map((l: { id: string }) => l.id);
    expect(ids).toContain(lesson.b);
    expect(ids).not.toContain(lesson.team);
  });

  it("asks the quoted coalition's facilitators, and no one else; a facilitator following it lands on their quotes", async () => {
    const id = await writePublication("Koffie als begin");
    expect((await quote(id, lesson.a, "Begin met koffie.")).status).toBe(302);
    const told = await db().selectFrom("notification").where("item_type", "=", "publication").where("item_id", "=", id).select(["recipient_id", "kind"]).execute();
    expect(told).toEqual([{ recipient_id: people.facilitatorA.id, kind: "quote" }]);
    const followed = await callRoute(editRoute.loader, { request: get(`/programme/publications/${id}`, "facilitatorA"), params: { id } });
    expect(followed.status).toBe(302);
    expect(followed.headers.get("Location")).toBe(`/teams/${teamA.slug}/quotes`);
    expect((await callRoute(editRoute.loader, { request: get(`/programme/publications/${id}`, "facilitatorB"), params: { id } })).status).toBe(404);
  });
});

describe("consent and publishing", () => {
  let id: string;
  let slug: string;

  beforeAll(async () => {
    id = await writePublication("Wat blijft er staan");
    slug = (await db().selectFrom("publication").where("id", "=", id).select("slug").executeTakeFirstOrThrow()).slug;
    for (const [lessonId, words] of [
      [lesson.a, "KEPT-QUOTE-A1 blijft staan."],
      [lesson.a, "WITHDRAWN-MARKER-A2 gaat weg."],
      [lesson.b, "KEPT-QUOTE-B1 zonder naam."],
    ]) {
      expect((await quote(id, lessonId, words)).status).toBe(302);
    }
  });

  it("only the quoted coalition's facilitators decide, on their own page", async () => {
    const a1 = await quoteId(id, "KEPT-QUOTE-A1 blijft staan.");
    const approve = { quote: a1, decision: "approve", attribution: "name" };
    // Another coalition's facilitator, on their own page and on A's.
    expect((await decide(teamB, approve, "facilitatorB")).status).toBe(404);
    expect((await decide(teamA, approve, "facilitatorB")).status).toBe(404);
    expect((await decide(teamA, approve, "memberA")).status).toBe(404);
    expect((await decide(teamA, approve, "funder")).status).toBe(404);
    expect((await decide(teamA, approve, "admin")).status).toBe(404);
    const signedOut = await decide(teamA, approve);
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get("Location")).toContain("/login");
    for (const who of ["memberA", "facilitatorB", "funder"] as const) {
      expect((await callRoute(quotesRoute.loader, { request: get(`/teams/${teamA.slug}/quotes`, who), params: { team: teamA.slug } })).status).toBe(404);
    }
    const list = await callRoute(quotesRoute.loader, { request: get(`/teams/${teamA.slug}/quotes`, "facilitatorA"), params: { team: teamA.slug } });
    const quotes = ((await list.json()).quotes as { id: string; title: string; summary: string; status: string }[]).filter((q) => q.title === "Wat blijft er staan");
    expect(quotes.map((q) => q.status)).toEqual(["pending", "pending"]);
    expect(quotes[0]).toMatchObject({ title: "Wat blijft er staan", summary: "Wat de buurten leren." });
    expect((await db().selectFrom("publication_quote").where("id", "=", a1).select("status").executeTakeFirstOrThrow()).status).toBe("pending");
  });

  it("approving asks for the attribution", async () => {
    const a1 = await quoteId(id, "KEPT-QUOTE-A1 blijft staan.");
    const response = await decide(teamA, { quote: a1, decision: "approve" }, "facilitatorA");
    expect(response.status).toBe(400);
    expect((await response.json()).result.error.attribution).toEqual(["error.choose"]);
  });

  it("cannot be published while a quote waits, and says why", async () => {
    await decide(teamA, { quote: await quoteId(id, "KEPT-QUOTE-A1 blijft staan."), decision: "approve", attribution: "name" }, "facilitatorA");
    await decide(teamA, { quote: await quoteId(id, "WITHDRAWN-MARKER-A2 gaat weg."), decision: "approve", attribution: "name" }, "facilitatorA");
    const refused = await callRoute(editRoute.action, { request: post(`/programme/publications/${id}`, { intent: "publish" }, "funder"), params: { id } });
    expect(refused.status).toBe(400);
    expect((await refused.json()).publishRefusal).toBe("publication.publish.notApproved");
    expect((await callRoute(publicRoute.loader, { request: get(`/publications/${slug}`), params: { slug } })).status).toBe(404);
    expect((await feedEntries()).xml).not.toContain(slug);
  });

  it("once all are approved it is published; the page and the feed show approved quotes only", async () => {
    expect((await decide(teamB, { quote: await quoteId(id, "KEPT-QUOTE-B1 zonder naam."), decision: "approve", attribution: "anonymous" }, "facilitatorB")).status).toBe(302);
    const published = await callRoute(editRoute.action, { request: post(`/programme/publications/${id}`, { intent: "publish" }, "funder"), params: { id } });
    expect(published.status).toBe(302);
    // Quotes added afterwards wait, or are declined: neither appears.
    expect((await quote(id, lesson.b, "PENDING-MARKER-B2 wacht nog.")).status).toBe(302);
    expect((await quote(id, lesson.b, "DECLINED-MARKER-B3 mag niet.")).status).toBe(302);
    expect((await decide(teamB, { quote: await quoteId(id, "DECLINED-MARKER-B3 mag niet."), decision: "decline" }, "facilitatorB")).status).toBe(302);
    // A later withdrawal takes the quote off at once and tells the officer.
    expect((await decide(teamA, { quote: await quoteId(id, "WITHDRAWN-MARKER-A2 gaat weg."), decision: "withdraw" }, "facilitatorA")).status).toBe(302);
    const officerTold = await db()
      .selectFrom("notification")
      .where("recipient_id", "=", people.funder.id)
      .where("item_id", "=", id)
      .select(["kind", "detail"])
      .execute();
    expect(officerTold).toEqual([{ kind: "quote", detail: "withdrawn" }]);

    const html = await publicHtml(slug);
    expect(html).toContain("KEPT-QUOTE-A1 blijft staan.");
    expect(html).toContain(teamA.name);
    expect(html).toContain("KEPT-QUOTE-B1 zonder naam.");
    expect(html).toContain("een van de coalities");
    expect(html).not.toContain(teamB.name);

    const { xml, entries } = await feedEntries();
    const entry = entries.find((e) => e.href.endsWith(`/publications/${slug}`));
    expect(entry?.title).toBe("Wat blijft er staan");
    const content = entry?.content;
    expect(content).toContain("KEPT-QUOTE-A1 blijft staan.");
    expect(content).toContain("KEPT-QUOTE-B1 zonder naam.");
    for (const marker of MARKERS) {
      expect(html).not.toContain(marker);
      expect(xml).not.toContain(marker);
    }
  });

  it("the approvals a facilitator gave are theirs in the personal data", async () => {
    const { quoteDecisionPages } = await import("../../app/domain/publications/personal-data.server");
    const user = { ...people.facilitatorB, accountRole: "participant" as const, memberships: [], language: "nl" as const };
    const rows = [];
    for await (const page of quoteDecisionPages(user)) rows.push(...page);
    expect(rows.map((row) => row.status).sort()).toEqual(["approved", "declined"]);
  });
});
