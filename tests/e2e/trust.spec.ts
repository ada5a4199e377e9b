import { expect, test } from "./test";
import { expectAccessible, logIn } from "./helpers";

// Issue 8 in the browser: who can read an item, leaving a coalition and coming back, and the admin's audit log.
// Kees Smit (Utrecht) is used by no other browser test, and ends the walk a member again.

test("a member sees who reads an item, leaves the coalition, and comes back within 30 days", async ({ page }) => {
  test.slow();
  await logIn(page, "kees.smit@demo.test");
  await page.goto("/teams/utrecht/reflections");
  await page.locator('main a[href^="/teams/utrecht/reflections/"]:not([href$="/new"]):not([href$="/trash"])').first().click();
  await expect(page).toHaveURL(/\/teams\/utrecht\/reflections\/[0-9a-f-]{36}$/);
  await page.getByText("Wie kan dit lezen?").click();
  await expect(page.locator("details.readers")).toHaveAttribute("open", "");
  await expectAccessible(page);

  await page.goto("/settings/data");
  await page.getByRole("link", { name: "Kracht van Zuilen verlaten" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Kracht van Zuilen verlaten" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Ik wil Kracht van Zuilen verlaten").check();
  await page.getByRole("button", { name: "Coalitie verlaten" }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole("status")).toContainText("U heeft de coalitie verlaten");

  // No longer a member: the team's own pages answer 404.
  const response = await page.goto("/teams/utrecht/members");
  expect(response?.status()).toBe(404);

  await page.goto("/settings/data");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Terug naar Kracht van Zuilen" }).click();
  await expect(page.getByRole("status")).toContainText("Welkom terug");
  await page.goto("/teams/utrecht/reflections");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("an admin filters the audit log by person and sets the retention period", async ({ page }) => {
  await logIn(page, "admin@demo.test");
  await page.goto("/admin/audit");
  await expect(page.getByRole("heading", { level: 1, name: "Activiteitenlog" })).toBeVisible();
  await page.getByLabel("Persoon").fill("admin@demo.test");
  await page.getByRole("button", { name: "Toon" }).click();
  await expect(page).toHaveURL(/person=admin%40demo\.test/);
  await expect(page.getByRole("rowheader", { name: "Ingelogd" }).first()).toBeVisible();
  await expectAccessible(page);

  await page.goto("/admin/retention");
  await expect(page.getByText("Nu: uit.")).toBeVisible();
  await expectAccessible(page);
});
