import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../db/db.server";
import { requireUser } from "../../app/auth/permissions.server";
import { parseDigestPeriod, previousMonth } from "../../app/domain/programme/digest-form";
import { programmeDigest } from "../../app/domain/programme/digest.server";
import { todayInAmsterdam } from "../../app/i18n/dates";
import * as route from "../../app/routes/programme.digest";
import { browserRequest, callRoute, createCoalition, createPerson, sessionFor, unique } from "../fixtures";
import { writeLesson } from "../fixtures/lessons";
import { writeMilestone } from "../fixtures/milestones";
import { writeReflection } from "../fixtures/reflections";
import { countQueries } from "../fixtures/queries";
import { renderPage } from "../fixtures/render";
import { insertNote, insertSession } from "../fixtures/session-rows";

// /programme/digest: per coalition what it shared with the network, how its milestones moved and which
// intervision sessions it held in a period (Amsterdam days, both included). For the funder only; team-only
// and private writing and everything said in intervision never reach the page.

// October 2026: 1 October starts at 22:00 UTC the day before (summer time), 1 November at 23:00 UTC (winter time).
const OCTOBER = "?from=2026-10-01&to=2026-10-31";

let apeldoorn: Awaited<ReturnType<typeof createCoalition>>;
let voorst: Awaited<ReturnType<typeof createCoalition>>;
const cookie: Record<"funder" | "admin" | "member" | "facilitator", string> = { funder: "", admin: "", member: "", facilitator: "" };
const id: Record<string, string> = {};

const marker = {
  lessonIn: unique("LES-1-OKTOBER"),
  lessonText: unique("UITLEG-DIE-GEDEELD-IS"),
  lessonBefore: unique("LES-30-SEPTEMBER"),
  reflectionIn: unique("REFLECTIE-31-OKTOBER"),
  reflectionAfter: unique("REFLECTIE-1-NOVEMBER"),
  teamReflection: unique("TEAM-REFLECTIE"),
  teamReflectionText: unique("TEAM-REFLECTIETEKST"),
  privateReflection: unique("PRIVE-REFLECTIE"),
  privateReflectionText: unique("PRIVE-TEKST"),
  teamLesson: unique("TEAM-LES"),
  teamLessonText: unique("TEAM-LESTEKST"),
  deletedLesson: unique("WEGGEGOOIDE-LES"),
  tail: unique("STAART-NA-240-TEKENS"),
  reason: unique("REDEN-VERSCHOVEN"),
  deletedMilestone: unique("WEGGEGOOIDE-MIJLPAAL"),
  lateChange: unique("WIJZIGING-1-NOVEMBER"),
  sessionTitle: unique("SESSIETITEL"),
  sessionPlace: unique("SESSIEPLEK"),
  sessionNote: unique("SESSIENOTITIE"),
  takeaway: unique("MEENEMEN"),
  caseBringer: unique("Inbrenger"),
  cancelled: unique("AFGELAST"),
  polling: unique("PEILING"),
};
const theme = unique("Vertrouwen");

async function createdAt(table: "lesson" | "reflection", rowId: string, at: string) {
  await sql`update ${sql.table(table)} set created_at = ${at}::timestamptz where id = ${rowId}`.execute(db());
}

async function change(
  milestoneId: string,
  by: string,
  input: { to: "adjusted" | "achieved"; reason: string; at: string; previousTarget?: string; newTarget?: string }
) {
  await db()
    .insertInto("milestone_status_change")
    .values({
      milestone_id: milestoneId,
      from_status: "planned",
      to_status: input.to,
      reason: input.reason,
      previous_target_date: input.previousTarget ?? null,
      new_target_date: input.newTarget ?? null,
      changed_by: by,
      changed_at: new Date(input.at),
    })
    .execute();
}

beforeAll(async () => {
  apeldoorn = await createCoalition({ name: "Apeldoorn De Heeze" });
  voorst = await createCoalition({ name: "Voorst Twello" });
  const ans = await createPerson({ team: apeldoorn, name: "Ans Jansen" });
  const fien = await createPerson({ team: apeldoorn, name: "Fien de Boer", role: "facilitator" });
  const cees = await createPerson({ team: apeldoorn, name: "Cees Bakker" });
  const dirk = await createPerson({ team: apeldoorn, name: "Dirk Smit" });
  const inbrenger = await createPerson({ team: apeldoorn, name: marker.caseBringer });
  const bram = await createPerson({ team: voorst, name: "Bram de Vries", role: "facilitator" });
  cookie.member = await sessionFor(ans);
  cookie.facilitator = await sessionFor(fien);
  cookie.funder = await sessionFor(await createPerson({ accountRole: "funder" }));
  cookie.admin = await sessionFor(await createPerson({ accountRole: "admin" }));

  // Shared with the network: on the first moment of 1 October and the last of 31 October (in), and a second
  // before and at the start of each boundary (out).
  id.lessonIn = await writeLesson(ans.id, apeldoorn.id, { statement: marker.lessonIn, text: marker.lessonText, visibility: "network" });
  await createdAt("lesson", id.lessonIn, "2026-09-30T22:00:00Z");
  const themeRow = await db()
    .insertInto("theme")
    .values({ slug: unique("thema"), name_nl: theme, name_en: "Trust", position: 1 })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db().insertInto("lesson_theme").values({ lesson_id: id.lessonIn, theme_id: themeRow.id }).execute();
  id.lessonBefore = await writeLesson(ans.id, apeldoorn.id, { statement: marker.lessonBefore, visibility: "network" });
  await createdAt("lesson", id.lessonBefore, "2026-09-30T21:59:59Z");
  id.reflectionIn = await writeReflection(fien.id, apeldoorn.id, {
    title: marker.reflectionIn,
    text: `${"Koffie op het pleintje. ".repeat(10)}`.slice(0, 240) + marker.tail,
    visibility: "network",
  });
  await createdAt("reflection", id.reflectionIn, "2026-10-31T22:59:59Z");
  id.reflectionAfter = await writeReflection(fien.id, apeldoorn.id, {
    title: marker.reflectionAfter,
    text: "Later",
    visibility: "network",
  });
  await createdAt("reflection", id.reflectionAfter, "2026-10-31T23:00:00Z");

  // Written in October, but not for the network (or thrown away): never in the digest.
  const hidden = [
    await writeReflection(ans.id, apeldoorn.id, { title: marker.teamReflection, text: marker.teamReflectionText, visibility: "team" }),
    await writeReflection(ans.id, apeldoorn.id, {
      title: marker.privateReflection,
      text: marker.privateReflectionText,
      visibility: "private",
    }),
  ];
  for (const reflection of hidden) await createdAt("reflection", reflection, "2026-10-10T10:00:00Z");
  const teamLesson = await writeLesson(ans.id, apeldoorn.id, {
    statement: marker.teamLesson,
    text: marker.teamLessonText,
    visibility: "team",
  });
  await createdAt("lesson", teamLesson, "2026-10-10T10:00:00Z");
  const deletedLesson = await writeLesson(ans.id, apeldoorn.id, { statement: marker.deletedLesson, visibility: "network" });
  await createdAt("lesson", deletedLesson, "2026-10-10T10:00:00Z");
  await db().updateTable("lesson").set({ deleted_at: new Date() }).where("id", "=", deletedLesson).execute();

  // Milestones (the funder reads team-only ones too): one adjustment in October; one change on 1 November;
  // one change on a deleted milestone.
  id.milestone = await writeMilestone(ans.id, apeldoorn.id, {
    title: "Buurtapp voor De Heeze",
    visibility: "team",
    targetDate: "2026-11-01",
  });
  await change(id.milestone, ans.id, {
    to: "adjusted",
    reason: marker.reason,
    at: "2026-10-15T10:00:00Z",
    previousTarget: "2026-11-01",
    newTarget: "2027-01-15",
  });
  await change(id.milestone, ans.id, { to: "achieved", reason: marker.lateChange, at: "2026-10-31T23:00:00Z" });
  const gone = await writeMilestone(ans.id, apeldoorn.id, { title: marker.deletedMilestone, visibility: "team" });
  await change(gone, ans.id, {
    to: "adjusted",
    reason: "Weg",
    at: "2026-10-15T10:00:00Z",
    previousTarget: "2027-03-01",
    newTarget: "2027-04-01",
  });
  await db().updateTable("milestone").set({ deleted_at: new Date() }).where("id", "=", gone).execute();

  // Intervision: one held on 6 October with the facilitator and two who said yes (one said no, and the
  // facilitator is also on the list); one cancelled and one still polling. Notes and title stay in the session.
  id.session = await insertSession({
    coalitionId: apeldoorn.id,
    facilitatorId: fien.id,
    title: marker.sessionTitle,
    method: "balintmethode",
    caseBringerId: inbrenger.id,
    startsAt: new Date("2026-10-06T17:30:00Z"),
    takeaway: marker.takeaway,
    invitees: [
      { personId: fien.id, rsvp: "yes" },
      { personId: cees.id, rsvp: "yes" },
      { personId: inbrenger.id, rsvp: "yes" },
      { personId: dirk.id, rsvp: "no" },
    ],
  });
  await db().updateTable("intervision_session").set({ place: marker.sessionPlace }).where("id", "=", id.session).execute();
  await insertNote(id.session, 0, marker.sessionNote, fien.id);
  await insertSession({
    coalitionId: apeldoorn.id,
    facilitatorId: fien.id,
    title: marker.cancelled,
    method: "roddelmethode",
    status: "cancelled",
    startsAt: new Date("2026-10-20T17:30:00Z"),
  });
  await insertSession({
    coalitionId: apeldoorn.id,
    facilitatorId: fien.id,
    title: marker.polling,
    method: "roddelmethode",
    status: "polling",
  });

  // Around today: one held two days ago, one still to come in two days (not held yet).
  const day = 86_400_000;
  await insertSession({
    coalitionId: voorst.id,
    facilitatorId: bram.id,
    method: "incidentmethode",
    startsAt: new Date(Date.now() - 2 * day),
  });
  await insertSession({
    coalitionId: voorst.id,
    facilitatorId: bram.id,
    method: "roddelmethode",
    startsAt: new Date(Date.now() + 2 * day),
  });
});

function load(query: string, who?: keyof typeof cookie) {
  return callRoute(route.loader, { request: browserRequest(`/programme/digest${query}`, { cookie: who ? cookie[who] : undefined }) });
}

/** The page as the funder's browser receives it: status, the loader's data (sent along too) and the HTML. */
async function page(query: string) {
  const response = await load(query, "funder");
  const data = await response.json();
  const html = await renderPage(route.default, data);
  return { status: response.status, data, html, sent: html + JSON.stringify(data) };
}

describe("the digest of a period", () => {
  it("shows per coalition, by name, the network items created in the period, with date, author, themes and a short excerpt", async () => {
    const { status, data, html } = await page(OCTOBER);
    expect(status).toBe(200);
    expect(data.period).toEqual({ from: "2026-10-01", to: "2026-10-31" });
    expect(data.coalitions.map((c: { name: string }) => c.name)).toEqual(["Apeldoorn De Heeze", "Voorst Twello"]);
    expect(html).toContain("<h1>Overzicht van 1 oktober 2026 tot en met 31 oktober 2026</h1>");

    const [a] = data.coalitions;
    expect(a.shared).toEqual([
      {
        kind: "lesson",
        id: id.lessonIn,
        title: marker.lessonIn,
        excerpt: marker.lessonText,
        day: "2026-10-01",
        authorName: "Ans Jansen",
        themes: [expect.objectContaining({ name_nl: theme })],
        href: `/teams/${apeldoorn.slug}/lessons/${id.lessonIn}`,
      },
      expect.objectContaining({
        kind: "reflection",
        id: id.reflectionIn,
        day: "2026-10-31",
        authorName: "Fien de Boer",
        href: `/teams/${apeldoorn.slug}/reflections/${id.reflectionIn}`,
      }),
    ]);
    expect(a.shared[1].excerpt).toHaveLength(240);
    expect(html).toContain(`href="/teams/${apeldoorn.slug}/lessons/${id.lessonIn}"`);
    expect(html).toContain(`>${marker.reflectionIn}</a></h4>`);
    expect(html).toContain('<time dateTime="2026-10-01">1 oktober 2026</time>');
    expect(html).toContain(theme);
    expect(html).toContain("door Ans Jansen");
    expect(html).not.toContain(marker.tail);
  });

  it("leaves out items a second outside the period, at Amsterdam midnight in summer and in winter time", async () => {
    const { sent } = await page(OCTOBER);
    expect(sent).not.toContain(marker.lessonBefore);
    expect(sent).not.toContain(marker.reflectionAfter);
    expect(sent).not.toContain(marker.lateChange);
    // The day before and after do show them.
    expect((await page("?from=2026-09-30&to=2026-11-01")).sent).toContain(marker.lessonBefore);
    expect((await page("?from=2026-09-30&to=2026-11-01")).sent).toContain(marker.reflectionAfter);
  });

  it("never shows team-only, private or deleted writing: not its title, not its text", async () => {
    const { sent } = await page("?from=2026-01-01&to=2026-12-31");
    for (const hidden of [
      marker.teamReflection,
      marker.teamReflectionText,
      marker.privateReflection,
      marker.privateReflectionText,
      marker.teamLesson,
      marker.teamLessonText,
      marker.deletedLesson,
      marker.deletedMilestone,
    ]) {
      expect(sent).not.toContain(hidden);
    }
  });

  it("lists each milestone change in the period with from and to, the reason and the moved target date", async () => {
    const { data, html } = await page(OCTOBER);
    expect(data.coalitions[0].milestoneChanges).toEqual([
      {
        id: expect.any(String),
        milestoneTitle: "Buurtapp voor De Heeze",
        fromStatus: "planned",
        toStatus: "adjusted",
        reason: marker.reason,
        previousTargetDate: "2026-11-01",
        newTargetDate: "2027-01-15",
        day: "2026-10-15",
        href: `/teams/${apeldoorn.slug}/milestones/${id.milestone}`,
      },
    ]);
    expect(html).toContain("Van Gepland naar Bijgesteld");
    expect(html).toContain(marker.reason);
    expect(html).toContain('<time dateTime="2027-01-15">15 januari 2027</time>');
  });

  it("counts the sessions held (facilitator and those who said yes) and says nothing else about them", async () => {
    const { data, html, sent } = await page(OCTOBER);
    expect(data.coalitions[0].sessions).toEqual([{ id: id.session, day: "2026-10-06", methodName: "Balintmethode", participants: 3 }]);
    expect(html).toContain("<td>Balintmethode</td><td>3</td>");
    for (const hidden of [
      marker.sessionTitle,
      marker.sessionPlace,
      marker.sessionNote,
      marker.takeaway,
      marker.caseBringer,
      marker.cancelled,
      marker.polling,
    ]) {
      expect(sent).not.toContain(hidden);
    }
    expect(sent).not.toContain("Roddelmethode"); // the cancelled one
  });

  it("leaves out sessions that have not happened yet", async () => {
    const day = 86_400_000;
    const around = `?from=${todayInAmsterdam(new Date(Date.now() - 10 * day))}&to=${todayInAmsterdam(new Date(Date.now() + 10 * day))}`;
    const { data } = await page(around);
    const voorstDigest = data.coalitions.find((c: { id: string }) => c.id === voorst.id);
    expect(voorstDigest.sessions.map((s: { methodName: string }) => s.methodName)).toEqual(["Incidentmethode"]);
  });

  it("says so when a coalition has nothing in the period", async () => {
    const { html } = await page(OCTOBER);
    expect(html).toMatch(/>Voorst Twello<\/h2><p class="muted">Niets in deze periode\. Kies een langere periode om meer te zien\.<\/p>/);
  });

  it("renders an empty period with the nothing-text for every coalition", async () => {
    const { status, html } = await page("?from=2020-03-01&to=2020-03-31");
    expect(status).toBe(200);
    expect(html.match(/Niets in deze periode\./g)).toHaveLength(2);
    expect(html).toContain(">Apeldoorn De Heeze</h2>");
  });

  it("covers the previous calendar month when no period is given", async () => {
    const { status, data } = await page("");
    expect(status).toBe(200);
    expect(data.period).toEqual(previousMonth(todayInAmsterdam()));
  });

  it("takes six queries however many coalitions: coalitions, lessons, reflections, milestone changes, sessions, events", async () => {
    const user = await requireUser(browserRequest("/programme/digest", { cookie: cookie.funder }));
    const queries = await countQueries(() => programmeDigest(user, { from: "2026-10-01", to: "2026-10-31" }));
    expect(queries).toBe(6);
  });
});

describe("choosing the period", () => {
  it("knows the previous month, also across a year and in a leap year", () => {
    expect(previousMonth("2026-01-15")).toEqual({ from: "2025-12-01", to: "2025-12-31" });
    expect(previousMonth("2028-03-31")).toEqual({ from: "2028-02-01", to: "2028-02-29" });
  });

  it.each([
    ["from=2026-02-30&to=2026-03-31", { from: ["error.date"] }],
    ["from=gisteren&to=2026-03-31", { from: ["error.date"] }],
    ["from=2026-03-01&to=", { to: ["error.required"] }],
    ["from=2026-03-01", { to: ["error.required"] }],
    ["from=2026-03-31&to=2026-03-01", { to: ["digest.error.order"] }],
    ["from=2026-01-01&to=2027-01-02", { to: ["digest.error.tooLong"] }],
  ])("refuses %s with a message on the field", (query, errors) => {
    const result = parseDigestPeriod(new URLSearchParams(query));
    expect(result).toMatchObject({ valid: false, errors });
  });

  it("accepts a single day and a whole (leap) year", () => {
    expect(parseDigestPeriod(new URLSearchParams("from=2026-03-01&to=2026-03-01"))).toEqual({
      valid: true,
      period: { from: "2026-03-01", to: "2026-03-01" },
    });
    expect(parseDigestPeriod(new URLSearchParams("from=2028-01-01&to=2028-12-31")).valid).toBe(true);
    expect(parseDigestPeriod(new URLSearchParams("from=2026-01-01&to=2027-01-01")).valid).toBe(true);
  });

  it("answers bad dates with 400, the message next to the field and no digest", async () => {
    const { status, html, data } = await page("?from=2026-02-30&to=2026-01-01");
    expect(status).toBe(400);
    expect(data.coalitions).toEqual([]);
    expect(html).toContain('<p class="field-error" id="digest-from-error">Vul een geldige datum in.</p>');
    expect(html).toMatch(/id="digest-from"[^>]*aria-invalid="true"/);
    expect(html).toContain('value="2026-02-30"');
    expect(html).toContain("Kies een geldige periode om het overzicht te zien.");
    expect(html).not.toContain("Apeldoorn De Heeze");
  });

  it("says which end is wrong when the period runs backwards", async () => {
    const { status, html } = await page("?from=2026-10-31&to=2026-10-01");
    expect(status).toBe(400);
    expect(html).toContain('<p class="field-error" id="digest-to-error">Deze datum ligt vóór de begindatum. Kies een latere datum.</p>');
    expect(html).not.toContain(marker.lessonIn);
  });
});

describe("who may open /programme/digest", () => {
  it.each(["member", "facilitator", "admin"] as const)("a %s gets 404", async (who) => {
    expect((await load(OCTOBER, who)).status).toBe(404);
  });

  it("an anonymous visitor is sent to /login", async () => {
    const response = await load(OCTOBER);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/login?redirectTo=${encodeURIComponent(`/programme/digest${OCTOBER}`)}`);
  });
});
