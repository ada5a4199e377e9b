import { expect, test } from "./test";
import { expectAccessible, logIn } from "./helpers";

// The demo programme's autumn of 2026: shared reflections and lessons, milestone changes and one
// intervision session per coalition.
const AUTUMN = "/programme/digest?from=2026-08-01&to=2026-11-30";

test("the funder reads a printable digest of a period, per coalition", async ({ page }) => {
  await logIn(page, "programma@demo.test");
  await page.goto(AUTUMN);
  await expect(page.getByRole("heading", { level: 1, name: "Overzicht van 1 augustus 2026 tot en met 30 november 2026" })).toBeVisible();

  const apeldoorn = page.getByRole("region", { name: "Apeldoorn Zuid", exact: true });
  await expect(apeldoorn.getByRole("link", { name: "Wie is eigenaar van het actieteam?" })).toBeVisible();
  await expect(apeldoorn.getByText("Eerst vertrouwen opbouwen bij de koffie; de app volgt later.")).toBeVisible();
  await expect(apeldoorn.getByRole("row", { name: /Incidentmethode/ })).toContainText("3");
  // A team-only reflection and what was said in intervision stay out.
  await expect(page.getByText("Koffie op het pleintje", { exact: true })).toHaveCount(0);
  await expect(page.getByText("Intervisie over samenwerken in de wijk")).toHaveCount(0);
  await expectAccessible(page);

  const print = page.getByRole("button", { name: "Afdrukken / opslaan als pdf" });
  await expect(print).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Hoofdmenu" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Toon overzicht" })).toBeHidden();
  await expect(print).toBeHidden();
  await expect(apeldoorn).toBeVisible();
});

test("a period that runs backwards is refused next to the field, without a digest", async ({ page }) => {
  await logIn(page, "programma@demo.test");
  await page.goto(AUTUMN);
  await page.getByLabel("Van", { exact: true }).fill("2026-10-31");
  await page.getByLabel("Tot en met", { exact: true }).fill("2026-10-01");
  await page.getByRole("button", { name: "Toon overzicht" }).click();
  await expect(page.getByText("Deze datum ligt vóór de begindatum.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Apeldoorn Zuid", exact: true })).toHaveCount(0);
  await expectAccessible(page);
});
