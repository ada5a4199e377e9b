import type { Page } from "@playwright/test";
import { expect, test } from "./test";
import { expectAccessible, logIn, PHONE } from "./helpers";

// Every page of the app, visited once as someone who may see it: axe finds nothing, the page never scrolls
// sideways at 375 or 1280 px (soft, so that one walk lists every wide page) and the browser logs no error.
// Only reading: nothing here changes the demo data that other tests rely on. The intervision pages (sessions,
// methods) have their own walks in intervision.spec.ts.

const EVENT = "twee-jaar-samen-in-twello";
const ID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

test.describe.configure({ timeout: 120_000 });

/** Opens the page, checks it answered as expected and looks at it. */
async function visit(page: Page, path: string, status = 200) {
  const response = await page.goto(path);
  expect.soft(response?.status(), `${path} answers ${status}`).toBe(status);
  await expect(page.locator("h1").first()).toBeVisible();
  await expectAccessible(page);
}

/** The address of the first link on the page whose path matches, e.g. an item from a list. */
async function firstLink(page: Page, pattern: string): Promise<string> {
  const paths = await page.locator("a[href^='/']").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  const found = paths.find((path) => new RegExp(`^${pattern}$`).test(path));
  expect(found, `a link like ${pattern} on ${page.url()}`).toBeTruthy();
  return found ?? "";
}

test("the public pages: signing in, an event, and links that no longer work", async ({ page }) => {
  await visit(page, "/login");
  await visit(page, "/forgot-password");
  await visit(page, `/events/${EVENT}`);
  await visit(page, "/reset-password/no-such-token");
  await visit(page, "/invite/no-such-token", 404);
  await visit(page, "/account/restore/no-such-token", 404);
  await visit(page, `/events/${EVENT}/registration/no-such-token`, 404);
  await visit(page, "/unsubscribe/no-such-token", 404);
  await visit(page, "/sign/no-such-token", 404);
});

test("a member's pages: the workspace, the network and their own settings", async ({ page }) => {
  await logIn(page, "lid.utrecht@demo.test");
  const team = "/teams/utrecht";
  for (const path of ["/teams", team, "/network", "/network/search?q=vertrouwen", `${team}/events`]) await visit(page, path);

  await visit(page, `${team}/lessons`);
  const lesson = await firstLink(page, `${team}/lessons/${ID}`);
  for (const path of [lesson, `${team}/lessons/new`, `${team}/lessons/trash`]) await visit(page, path);

  await visit(page, `${team}/milestones`);
  await visit(page, await firstLink(page, `${team}/milestones/${ID}`));
  await visit(page, `${team}/milestones/new`);

  // The member's own reflection, to edit, found through the list's author filter.
  await visit(page, `${team}/reflections`);
  const reflection = await firstLink(page, `${team}/reflections/${ID}`);
  const me = await page.locator("#filter-author option", { hasText: "Mohamed Yilmaz" }).getAttribute("value");
  await visit(page, `${team}/reflections?author=${me}`);
  const own = await firstLink(page, `${team}/reflections/${ID}`);
  for (const path of [reflection, `${own}/edit`, `${team}/reflections/new`, `${team}/reflections/trash`]) await visit(page, path);

  for (const path of ["/settings", "/settings/data", "/settings/leave/utrecht", "/settings/delete", "/settings/notifications", "/notifications"]) {
    await visit(page, path);
  }
});

test("a facilitator's pages: members, a lesson and a milestone to edit, and an event with its registrations", async ({ page }) => {
  await logIn(page, "begeleider.voorst@demo.test");
  const team = "/teams/voorst";
  await visit(page, team);
  await visit(page, `${team}/members`);
  await visit(page, `${team}/lessons`);
  await visit(page, `${await firstLink(page, `${team}/lessons/${ID}`)}/edit`);
  await visit(page, `${team}/milestones`);
  await visit(page, `${await firstLink(page, `${team}/milestones/${ID}`)}/edit`);
  await visit(page, `${team}/events`);
  const event = await firstLink(page, `${team}/events/${ID}`);
  await visit(page, `${team}/events/new`);
  for (const path of [event, `${event}/edit`, `${event}/registrations`, `${event}/attendance`]) await visit(page, path);
  await visit(page, `${team}/agreement`);
  await visit(page, `${team}/agreement/versions/2`);
});

test("the funder's pages: the programme, its themes, milestones, digest and events", async ({ page }) => {
  await logIn(page, "programma@demo.test");
  for (const path of [
    "/programme",
    "/programme/themes",
    "/programme/compare",
    "/programme/compare?theme=gelijkwaardigheid",
    "/programme/milestones",
    "/programme/milestones?coalition=wageningen",
    "/programme/digest",
    "/programme/events",
    "/programme/events/new",
  ]) {
    await visit(page, path);
  }
});

test("the admin's pages: coalitions, accounts, invitations, the audit log, the outbox and retention", async ({ page }) => {
  await logIn(page, "admin@demo.test");
  await visit(page, "/admin");
  const coalition = await firstLink(page, `/admin/coalitions/${ID}`);
  for (const path of [
    coalition,
    "/admin/coalitions/new",
    "/admin/accounts",
    "/admin/invitations",
    "/admin/audit",
    "/admin/outbox",
    "/admin/retention",
    "/programme",
  ]) {
    await visit(page, path);
  }
});

test("on a phone a wide table becomes one card per row, and stays a table with its headers for a screen reader", async ({ page }) => {
  await page.setViewportSize(PHONE);
  await logIn(page, "begeleider.voorst@demo.test");
  await page.goto("/teams/voorst/members");
  const table = page.getByRole("table", { name: "Deelnemers" });
  await expect(table.getByRole("columnheader", { name: "Perspectief" })).toBeAttached();
  // Each value shows its column's name beside it, but a screen reader hears the name once: from the header.
  const row = table.getByRole("row", { name: /Bert Lubbers/ });
  await expect(row.getByRole("cell", { name: "Vrijwilliger", exact: true })).toBeVisible();
  // The role can be changed without scrolling sideways.
  const select = row.getByRole("combobox", { name: "Rol van Bert Lubbers" });
  const box = await select.boundingBox();
  expect(box && box.x + box.width).toBeLessThanOrEqual(PHONE.width);
});
