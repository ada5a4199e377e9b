import type { ComponentType } from "react";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../db/db.server";
import * as programme from "../../app/routes/programme._index";
import * as compare from "../../app/routes/programme.compare";
import * as digest from "../../app/routes/programme.digest";
import * as activityCsv from "../../app/routes/programme.export.activity[.csv]";
import * as lessonsCsv from "../../app/routes/programme.export.lessons[.csv]";
import * as milestonesCsv from "../../app/routes/programme.export.milestones[.csv]";
import * as milestones from "../../app/routes/programme.milestones";
import * as themes from "../../app/routes/programme.themes";
import * as network from "../../app/routes/network._index";
import * as networkSearch from "../../app/routes/network.search";
import { todayInAmsterdam } from "../../app/i18n/dates";
import { browserRequest, callRoute, createCoalition, createPerson, sessionFor } from "../fixtures";
import { writeLesson } from "../fixtures/lessons";
import { writeMilestone } from "../fixtures/milestones";
import { writeReflection } from "../fixtures/reflections";
import { renderPage } from "../fixtures/render";
import { insertAction, insertEvaluation, insertNote, insertSession } from "../fixtures/session-rows";

// Every page and download of the funder's programme view, and the network pages, scanned for words a team
// kept to itself (DESIGN.md §3): private and team-only reflections and lessons, and everything said in an
// intervision session. Each planted word also contains "samenwerking", so a search would find it if it could.
// And every /programme address answers 404 to the team's own members.

const secret = {
  privateTitle: "samenwerking geheimpersoonlijkkenmerk",
  privateText: "samenwerking geheimpersoonlijktekstkenmerk",
  teamTitle: "samenwerking geheimteamkenmerk",
  teamText: "samenwerking geheimteamtekstkenmerk",
  teamLesson: "samenwerking geheimteamleskenmerk",
  teamLessonText: "samenwerking geheimteamlestekstkenmerk",
  sessionTitle: "samenwerking geheimsessietitelkenmerk",
  note: "samenwerking geheimnotitiekenmerk",
  takeaway: "samenwerking geheimmeeneemkenmerk",
  action: "samenwerking geheimactiekenmerk",
  evaluation: "samenwerking geheimevaluatiekenmerk",
};
const words = Object.values(secret).map((text) => text.split(" ")[1]);
const shared = "Samenwerking groeit aan de keukentafel";

const today = todayInAmsterdam();
const period = `?from=${today.slice(0, 8)}01&to=${today}`;
const themeSlug = "keukentafel-toets";
const cookie: Record<"funder" | "admin" | "member" | "facilitator", string> = { funder: "", admin: "", member: "", facilitator: "" };

type Loader = Parameters<typeof callRoute>[0];
type Page = { path: string; loader: Loader; page?: ComponentType; adminReads?: boolean };

const pages: Page[] = [
  { path: "/programme", loader: programme.loader, page: programme.default, adminReads: true },
  { path: "/programme/themes", loader: themes.loader, page: themes.default, adminReads: true },
  { path: `/programme/compare?theme=${themeSlug}`, loader: compare.loader, page: compare.default },
  { path: `/programme/compare?theme=${themeSlug}&perspective=resident`, loader: compare.loader, page: compare.default },
  { path: "/programme/milestones", loader: milestones.loader, page: milestones.default },
  { path: `/programme/digest${period}`, loader: digest.loader, page: digest.default },
  { path: "/programme/export/lessons.csv", loader: lessonsCsv.loader },
  { path: "/programme/export/milestones.csv", loader: milestonesCsv.loader },
  { path: "/programme/export/activity.csv", loader: activityCsv.loader },
];

beforeAll(async () => {
  const utrecht = await createCoalition({ name: "Utrecht Overvecht" });
  const [ria, rob, roos] = await Promise.all(
    ["Ria", "Rob", "Roos"].map((name) => createPerson({ team: utrecht, name, perspective: "resident" })),
  );
  const fenna = await createPerson({ team: utrecht, name: "Fenna", role: "facilitator", perspective: "professional" });
  cookie.member = await sessionFor(ria);
  cookie.facilitator = await sessionFor(fenna);
  cookie.funder = await sessionFor(await createPerson({ accountRole: "funder" }));
  cookie.admin = await sessionFor(await createPerson({ accountRole: "admin" }));
  const theme = await db()
    .insertInto("theme")
    .values({ slug: themeSlug, name_nl: "Keukentafel", name_en: "Kitchen table", position: 99 })
    .returning("id")
    .executeTakeFirstOrThrow();

  const tag = (lessonId: string) => db().insertInto("lesson_theme").values({ lesson_id: lessonId, theme_id: theme.id }).execute();
  const tagReflection = (reflectionId: string) =>
    db().insertInto("reflection_theme").values({ reflection_id: reflectionId, theme_id: theme.id }).execute();
  await tag(await writeLesson(rob.id, utrecht.id, { statement: shared, text: "Samenwerking vraagt tijd.", visibility: "network" }));
  await tag(await writeLesson(ria.id, utrecht.id, { statement: secret.teamLesson, text: secret.teamLessonText, visibility: "team" }));
  await tagReflection(await writeReflection(ria.id, utrecht.id, { title: secret.privateTitle, text: secret.privateText, visibility: "private", happenedOn: today }));
  await tagReflection(await writeReflection(roos.id, utrecht.id, { title: secret.teamTitle, text: secret.teamText, visibility: "team", happenedOn: today }));
  await writeMilestone(fenna.id, utrecht.id, { title: "Buurtkamer open", visibility: "team" });

  const session = await insertSession({
    coalitionId: utrecht.id,
    facilitatorId: fenna.id,
    title: secret.sessionTitle,
    startsAt: new Date(Date.now() - 3600_000),
    caseBringerId: ria.id,
    invitees: [{ personId: ria.id, rsvp: "yes" }],
    takeaway: secret.takeaway,
  });
  await insertNote(session, 0, secret.note, fenna.id);
  await insertAction(session, { ownerId: ria.id, what: secret.action, dueOn: today });
  await insertEvaluation(session, ria.id, 4, secret.evaluation);
});

/** What the funder's browser receives from a page: the HTML and the loader's data sent along; or the download. */
async function received(item: Page, who: keyof typeof cookie) {
  const response = await callRoute(item.loader, { request: browserRequest(item.path, { cookie: cookie[who] }) });
  if (!item.page) return { status: response.status, text: await response.text() };
  const data = await response.json();
  return { status: response.status, text: JSON.stringify(data) + (await renderPage(item.page, data)) };
}

describe("the funder reads no team-only, private or intervision text anywhere in the programme view", () => {
  it.each(pages)("$path", async (item) => {
    const { status, text } = await received(item, "funder");
    expect(status).toBe(200);
    for (const word of words) expect(text).not.toContain(word);
  });

  it("but does read what the coalition shared, so the scan is not looking at an empty page", async () => {
    for (const path of ["/programme", `/programme/compare?theme=${themeSlug}`, "/programme/export/lessons.csv"]) {
      const { text } = await received(pages.find((p) => p.path === path)!, "funder");
      expect(text).toContain(shared);
    }
  });

  it("nor on the network pages, whatever the search", async () => {
    for (const q of ["samenwerking", ...words]) {
      const response = await callRoute(networkSearch.loader, {
        request: browserRequest(`/network/search?q=${encodeURIComponent(q)}`, { cookie: cookie.funder }),
      });
      const data = await response.json();
      if (q === "samenwerking") expect(JSON.stringify(data.results)).toContain(shared);
      else expect(data.results.total, q).toBe(0);
      // The page repeats the search words; the results and their snippets must not hold a secret.
      const html = (await renderPage(networkSearch.default, data)).replaceAll(q, "");
      for (const word of words) expect(JSON.stringify(data.results) + html).not.toContain(word);
    }
    const data = await (await callRoute(network.loader, { request: browserRequest("/network", { cookie: cookie.funder }) })).json();
    expect(JSON.stringify(data)).toContain(shared);
    for (const word of words) expect(JSON.stringify(data)).not.toContain(word);
  });
});

describe("who may open the programme view", () => {
  it.each(["member", "facilitator"] as const)("a team's %s gets 404 on every /programme address", async (who) => {
    for (const item of pages) {
      const response = await callRoute(item.loader, { request: browserRequest(item.path, { cookie: cookie[who] }) });
      expect(response.status, item.path).toBe(404);
    }
  });

  it("the admin sees the figures and the theme matrix, and gets 404 wherever text is", async () => {
    for (const item of pages) {
      const response = await callRoute(item.loader, { request: browserRequest(item.path, { cookie: cookie.admin }) });
      expect(response.status, item.path).toBe(item.adminReads ? 200 : 404);
    }
  });

  it("an anonymous visitor is sent to /login from every /programme address", async () => {
    for (const item of pages) {
      const response = await callRoute(item.loader, { request: browserRequest(item.path) });
      expect(response.status, item.path).toBe(302);
      expect(response.headers.get("Location"), item.path).toMatch(/^\/login\?redirectTo=/);
    }
  });
});
