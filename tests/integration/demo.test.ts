import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../db/db.server";
import { markDemoProgramme, seedDemo } from "../../db/demo";
import * as loginRoute from "../../app/routes/login";
import * as teamRoute from "../../app/routes/teams.$team._index";
import { browserRequest, callRoute, createCoalition, createPerson, sessionFor } from "../fixtures";
import { renderPage } from "../fixtures/render";

// The demo programme shows real coalitions with people, texts and events that are made up: its login page
// and its coalition pages say so. A real installation (no demo seeded) never shows that notice.
const notice = "De coalities bestaan echt, maar de mensen, wat zij schrijven en de bijeenkomsten zijn verzonnen.";

async function loginPage(): Promise<string> {
  const response = await callRoute(loginRoute.loader, { request: browserRequest("/login") });
  return renderPage(loginRoute.default, await response.json());
}

async function teamPage(slug: string, cookie: string): Promise<string> {
  const response = await callRoute(teamRoute.loader, { request: browserRequest(`/teams/${slug}`, { cookie }), params: { team: slug } });
  expect(response.status).toBe(200);
  return renderPage(teamRoute.default, await response.json());
}

describe("the notice that the demo's people and events are made up", () => {
  let ownTeam: Awaited<ReturnType<typeof createCoalition>>;
  let ownCookie: string;

  beforeAll(async () => {
    ownTeam = await createCoalition();
    ownCookie = await sessionFor(await createPerson({ team: ownTeam, role: "member" }));
  });

  it("is absent from an installation without the demo", async () => {
    expect(await loginPage()).not.toContain(notice);
    expect(await teamPage(ownTeam.slug, ownCookie)).not.toContain(notice);
  });

  it("shows on the login page and every coalition page once the demo is seeded", async () => {
    await seedDemo();
    expect(await loginPage()).toContain(notice);
    const member = await db().selectFrom("person").where("email", "=", "lid.utrecht@demo.test").select("id").executeTakeFirstOrThrow();
    expect(await teamPage("utrecht", await sessionFor(member))).toContain(notice);
    expect(await teamPage(ownTeam.slug, ownCookie)).toContain(notice);
  });

  it("can be marked again without harm (a demo seeded before the mark existed)", async () => {
    await markDemoProgramme();
    const rows = await db().selectFrom("installation_setting").where("name", "=", "demo_programme").selectAll().execute();
    expect(rows).toHaveLength(1);
  });
});
