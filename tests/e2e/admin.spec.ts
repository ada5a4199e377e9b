import { expect, test } from "./test";
import { expectAccessible, logIn } from "./helpers";

test("the admin creates a coalition with partners and it appears among the coalitions", async ({ page }) => {
  await logIn(page, "admin@demo.test");
  await page.goto("/admin");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Nieuwe coalitie" }).first().click();
  await expectAccessible(page);

  await page.getByLabel("Naam van de coalitie").fill("Samen Deventer");
  await page.getByLabel("Korte naam").fill("utrecht");
  await page.getByLabel("Plaats").fill("Deventer");
  const first = page.getByRole("group", { name: "Partnerorganisatie 1" });
  await first.getByLabel("Naam").fill("Buurtkracht Deventer");
  await first.getByLabel("Soort").selectOption("residents_initiative");
  const second = page.getByRole("group", { name: "Partnerorganisatie 2" });
  await second.getByLabel("Naam").fill("Raster Welzijn");
  await second.getByLabel("Soort").selectOption("welfare");
  await page.getByRole("button", { name: "Coalitie aanmaken" }).click();
  await expect(page.getByText("Deze korte naam is al in gebruik.")).toBeVisible();
  await expect(page.getByLabel("Naam van de coalitie")).toHaveValue("Samen Deventer");
  await expectAccessible(page);

  await page.getByLabel("Korte naam").fill("deventer");
  await page.getByRole("button", { name: "Coalitie aanmaken" }).click();
  await expect(page.getByRole("status")).toContainText("De coalitie is aangemaakt");
  await expectAccessible(page);

  await page.goto("/teams");
  await page.getByRole("link", { name: "Samen Deventer" }).click();
  await expect(page).toHaveURL(/\/teams\/deventer$/);
  await expect(page.getByText("Buurtkracht Deventer")).toBeVisible();
  await expect(page.getByText("Raster Welzijn")).toBeVisible();
});

test("the admin reads accounts and invitations, and cannot open a team's member management", async ({ page }) => {
  await logIn(page, "admin@demo.test");
  await page.goto("/admin/accounts");
  await expect(page.getByRole("row", { name: /lid\.utrecht@demo\.test/ })).toBeVisible();
  await expectAccessible(page);
  await page.goto("/admin/invitations");
  await expectAccessible(page);
  const members = await page.goto("/teams/utrecht/members");
  expect(members?.status()).toBe(404);
});
