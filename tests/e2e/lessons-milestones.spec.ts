import { expect, test } from "./test";
import { expectAccessible, logIn } from "./helpers";

test("a member turns a reflection into a lesson that names where it came from", async ({ page }) => {
  await logIn(page, "lid.utrecht@demo.test");
  await page.goto("/teams/utrecht/reflections");
  await page.getByRole("link", { name: "Het burennetwerk groeit" }).click();
  await page.getByRole("link", { name: "Maak er een les van" }).click();
  await expect(page).toHaveURL(/\/teams\/utrecht\/lessons\/new\?from=/);
  await expect(page.getByRole("checkbox", { name: /Het burennetwerk groeit/ })).toBeChecked();
  await expect(page.getByRole("toolbar", { name: "Opmaak" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Les opslaan" }).click();
  await expect(page.getByText("Vul dit veld in.").first()).toBeVisible();
  await expect(page.getByRole("checkbox", { name: /Het burennetwerk groeit/ })).toBeChecked();

  await page.getByLabel("De les", { exact: true }).fill("Wie welkom geheten wordt, blijft.");
  await page.locator('[contenteditable="true"]').click();
  await page.keyboard.type("Nieuwe buren bleven toen we ze persoonlijk begroetten.");
  await page.getByRole("radio", { name: "Netwerk" }).check();
  await page.getByRole("button", { name: "Les opslaan" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Wie welkom geheten wordt, blijft." })).toBeVisible();
  const sources = page.getByRole("region", { name: "Waar komt deze les vandaan?" }).or(page.locator("section", { hasText: "Waar komt deze les vandaan?" }).last());
  await expect(sources.getByRole("link", { name: /Het burennetwerk groeit/ })).toBeVisible();
  await expectAccessible(page);

  await page.goto("/teams/utrecht/lessons");
  await expect(page.getByRole("link", { name: "Wie welkom geheten wordt, blijft." })).toBeVisible();
  await expectAccessible(page);
});

test("a facilitator adjusts a milestone with a reason and sees plan versus reality on the timeline", async ({ page }) => {
  await logIn(page, "begeleider.apeldoorn@demo.test");
  await page.goto("/teams/apeldoorn");
  await expect(page.getByRole("heading", { name: "Mijlpalen in één oogopslag" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Mijlpalen", exact: true }).first().click();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Maandelijkse buurtkoffie" }).click();
  await expectAccessible(page);

  await page.getByLabel("Nieuwe status").selectOption("adjusted");
  await page.getByRole("button", { name: "Wijziging vastleggen" }).click();
  await expect(page.locator(".field-error").first()).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Nieuwe status").selectOption("adjusted");
  await page.getByLabel("Reden").fill("In de winter is het plein te koud; we gaan naar binnen en beginnen in maart opnieuw.");
  await page.getByLabel("Nieuwe streefdatum").fill("2027-03-01");
  await page.getByRole("button", { name: "Wijziging vastleggen" }).click();
  await expect(page.getByRole("status")).toContainText("De nieuwe status is vastgelegd");
  const timeline = page.locator("ol", { hasText: "In de winter is het plein te koud" });
  await expect(timeline).toBeVisible();
  await expect(timeline).toContainText("Bijgesteld");
  await expectAccessible(page);

  await page.goto("/teams/apeldoorn");
  await expect(page.getByText("In de winter is het plein te koud", { exact: false })).toBeVisible();
});

test("the funder reads a team's milestones but cannot change them", async ({ page }) => {
  await logIn(page, "programma@demo.test");
  await page.goto("/teams/apeldoorn/milestones");
  await page.getByRole("link", { name: "Buurtapp voor De Heeze" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Buurtapp voor De Heeze" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Wijziging vastleggen" })).toHaveCount(0);
  await expectAccessible(page);
});

test("the funder reads the network and finds a stemmed word, with the hit highlighted", async ({ page }) => {
  await logIn(page, "programma@demo.test");
  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Netwerk" }).click();
  await expect(page).toHaveURL(/\/network$/);
  await expect(page.getByRole("link", { name: "Het burennetwerk groeit" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Informatiepunt: wie staat achter de balie?" })).toHaveCount(0);
  await expectAccessible(page);
  await page.goto("/network/search?q=werkervaringsplek");
  await expect(page.getByRole("link", { name: "Werkervaring in de buurt" })).toBeVisible();
  await expect(page.locator("mark").first()).toBeVisible();
  await expectAccessible(page);
});
