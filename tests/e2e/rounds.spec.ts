import { expectAccessible, logIn, PHONE } from "./helpers";
import { expect, test } from "./test";

// A facilitator opens an input round, someone without an account answers on a phone with JavaScript switched
// off, and the facilitator groups the answer into a theme that shapes an article.

test("a round: opened, answered on a phone without an account, grouped", async ({ page, browser }) => {
  await logIn(page, "begeleider.horst-aan-de-maas@demo.test");
  await page.goto("/teams/horst-aan-de-maas");
  await page.getByRole("link", { name: "Inspiratierondes" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Inspiratierondes");
  await expect(page.getByRole("link", { name: "Hoe ziet uw ideale buurt eruit?" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Nieuwe inspiratieronde" }).click();
  const closes = new Date(Date.now() + 30 * 864e5).toISOString().slice(0, 10);
  await page.getByLabel("Vraag").fill("Wat zou u morgen in de buurt veranderen?");
  await page.getByLabel("Bewoner").check();
  await page.getByLabel("Gemeente").check();
  await page.getByLabel("Open tot en met").fill(closes);
  await page.getByLabel("Ook mensen zonder account mogen meedoen").check();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Ronde openen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Wat zou u morgen in de buurt veranderen?");
  const link = await page.getByRole("link", { name: /\/rounds\// }).getAttribute("href");
  expect(link).toBeTruthy();

  const phone = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
  const outsider = await phone.newPage();
  await outsider.goto(new URL(link!).pathname);
  await expect(outsider.getByRole("heading", { level: 1 })).toHaveText("Wat zou u morgen in de buurt veranderen?");
  expect(await outsider.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  // Nothing typed is lost when something is missing.
  await outsider.getByLabel("Jouw antwoord").fill("Een busje dat ouderen naar het buurthuis brengt.");
  await outsider.getByRole("button", { name: "Versturen" }).click();
  await expect(outsider.getByText("Maak een keuze.")).toBeVisible();
  await expect(outsider.getByLabel("Jouw antwoord")).toHaveValue("Een busje dat ouderen naar het buurthuis brengt.");
  await outsider.getByLabel("Ik werk bij de gemeente").check();
  await outsider.getByLabel("Je naam (mag je leeg laten)").fill("Kees");
  await outsider.getByRole("button", { name: "Versturen" }).click();
  await expect(outsider.getByRole("heading", { name: "Bedankt!" })).toBeVisible();
  await phone.close();

  // The same page, scanned with JavaScript on.
  await page.goto(new URL(link!).pathname);
  await expectAccessible(page);

  await page.goBack();
  await page.reload();
  // Each perspective speaks apart, with its count.
  const gemeente = page.getByRole("region", { name: "Gemeente (1 antwoord)" });
  await expect(gemeente.getByText("Kees · via de link")).toBeVisible();
  await gemeente.getByText("Groeperen").click();
  await gemeente.getByLabel("Of een nieuw thema").fill("Vervoer");
  await gemeente.getByLabel("Dit antwoord vormt een artikel van de overeenkomst").check();
  await gemeente.getByRole("button", { name: "Opslaan" }).click();
  await expect(page.getByRole("status")).toContainText("Het antwoord is gegroepeerd.");
  await expect(gemeente.locator(".badge", { hasText: "Vervoer" })).toBeVisible();
  await expect(gemeente.getByText("Vormt een artikel", { exact: true })).toBeVisible();
  await expectAccessible(page);
});
