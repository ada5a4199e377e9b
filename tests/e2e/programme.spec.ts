import { expect, test } from "./test";
import { expectAccessible, LAPTOP, logIn, PHONE } from "./helpers";

for (const [device, size] of [["phone", PHONE], ["laptop", LAPTOP]] as const) {
  test(`on a ${device} the funder walks from the dashboard to the theme matrix, compares a theme and opens a lesson`, async ({ page }) => {
    await page.setViewportSize(size);
    await logIn(page, "programma@demo.test");
    await expect(page).toHaveURL(/\/programme$/);
    // The dashboard: activity charts with their figures as a table for screen readers, milestones, latest lessons.
    await expect(page.getByRole("heading", { level: 2, name: "Activiteit in de afgelopen 12 maanden" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Activiteit per maand: Apeldoorn Zuid" })).toBeAttached();
    await expect(page.getByRole("table", { name: "Mijlpalen per coalitie, zoals ze er vandaag voor staan" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Laat bewoners het gesprek leiden; de professional ondersteunt." })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Thema's per coalitie" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Thema's per coalitie" })).toBeVisible();
    await expectAccessible(page);

    // "Vertrouwen" is worked on in several coalitions; its cells lead to the comparison.
    const row = page.getByRole("row", { name: /Gelijkwaardigheid/ });
    await row.getByRole("link").first().click();
    await expect(page).toHaveURL(/\/programme\/compare\?theme=gelijkwaardigheid/);
    await expect(page.getByRole("link", { name: "Laat bewoners het gesprek leiden; de professional ondersteunt." })).toBeVisible();
    // Team-only lessons are counted, never shown.
    await expect(page.getByText("Een balie met een bewoner én een professional werkt.")).toHaveCount(0);
    await expectAccessible(page);
    await page.getByRole("link", { name: "Laat bewoners het gesprek leiden; de professional ondersteunt." }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Laat bewoners het gesprek leiden; de professional ondersteunt." })).toBeVisible();
  });
}

test("members cannot open the programme pages", async ({ page }) => {
  await logIn(page, "begeleider.utrecht@demo.test");
  for (const path of ["/programme", "/programme/themes", "/programme/compare?theme=vertrouwen", "/programme/digest", "/programme/export/activity.csv"]) {
    expect((await page.goto(path))?.status()).toBe(404);
  }
});

test("the funder reads every coalition's milestones, plan versus reality", async ({ page }) => {
  await logIn(page, "programma@demo.test");
  await page.getByRole("link", { name: "Mijlpalen" }).first().click();
  await expect(page).toHaveURL(/\/programme\/milestones/);
  await expect(page.getByText("Eerst vertrouwen opbouwen bij de koffie; de app volgt later.")).toBeVisible();
  await expectAccessible(page);
});

test("the admin sees the programme's figures on a phone, without any text", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await logIn(page, "admin@demo.test");
  await page.goto("/programme");
  await expect(page.getByText("Als beheerder ziet u alleen aantallen, geen teksten.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Laat bewoners het gesprek leiden; de professional ondersteunt." })).toHaveCount(0);
  await expectAccessible(page);
});
