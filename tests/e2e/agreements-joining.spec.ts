import { expectAccessible, logIn, PHONE } from "./helpers";
import { expect, test } from "./test";

// An organisation without an account asks, on a phone and without JavaScript, to join Voorst's published
// agreement; the facilitator accepts it and it shows as a partner; the funder reads the overview of all
// agreements.

test("an outsider asks to join, the facilitator accepts, the funder reads the overview", async ({ browser, page }) => {
  test.setTimeout(120_000);
  // The public page as anyone sees it (axe needs the page's JavaScript to run its checks).
  await page.setViewportSize(PHONE);
  await page.goto("/agreements/voorst");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Samenwerkingsovereenkomst van Samen in Voorst");
  await expect(page.getByRole("heading", { name: "Ondertekend door" })).toBeVisible();
  await expectAccessible(page);

  const outsider = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
  const phone = await outsider.newPage();
  await phone.goto("/agreements/voorst");

  // Bad input first: each field says what is wrong, and what was typed stays.
  await phone.getByLabel("Naam van de organisatie").fill("Zangkoor Klein Twello");
  await phone.getByLabel("Je naam").fill("Els Verhoef");
  await phone.getByLabel("E-mailadres").fill("els-zonder-apenstaartje");
  await phone.getByRole("button", { name: "Verstuur je verzoek" }).click();
  await expect(phone.getByText("Vul een geldig e-mailadres in")).toBeVisible();
  await expect(phone.getByText("Vertel in een paar zinnen waarom je je wilt aansluiten.")).toBeVisible();
  await expect(phone.getByLabel("Naam van de organisatie")).toHaveValue("Zangkoor Klein Twello");

  await phone.getByLabel("E-mailadres").fill(`els-${Date.now()}@voorbeeld.nl`);
  await phone.getByLabel("Waarom wil je je aansluiten?").fill("We zingen elke week in De Benring en willen de ontmoeting daar samen sterker maken.");
  await phone.getByRole("button", { name: "Verstuur je verzoek" }).click();
  await expect(phone.getByRole("heading", { level: 1 })).toHaveText("Bedankt voor je verzoek");
  await outsider.close();

  await page.setViewportSize({ width: 1280, height: 800 });
  await logIn(page, "begeleider.voorst@demo.test");
  await page.goto("/teams/voorst/agreement/requests");
  const request = page.getByRole("listitem").filter({ hasText: "Zangkoor Klein Twello" });
  await expect(request).toContainText("Els Verhoef");
  await expect(page.getByRole("listitem").filter({ hasText: "Repair Café Twello" })).toBeVisible();
  await expectAccessible(page);
  await request.getByLabel("Bericht aan wie het verzoek stuurde (niet verplicht)").fill("Welkom! Ik bel je volgende week.");
  await request.getByRole("button", { name: "Aannemen" }).click();
  await expect(page.getByText("Het verzoek is aangenomen.")).toBeVisible();
  await page.goto("/teams/voorst");
  await expect(page.getByRole("region", { name: "Partners" }).or(page.locator("#partners").locator(".."))).toContainText("Zangkoor Klein Twello");
  await page.getByRole("button", { name: "Uitloggen" }).click();

  await logIn(page, "programma@demo.test");
  await page.goto("/programme");
  await page.getByRole("link", { name: "Samenwerkingsovereenkomsten" }).click();
  await expect(page.getByRole("heading", { name: "Samen in Voorst" })).toBeVisible();
  await expect(page.getByText("1 open verzoek om aan te sluiten").first()).toBeVisible();
  await expect(page.getByText("Els Verhoef")).toHaveCount(0);
  await page.setViewportSize(PHONE);
  await expectAccessible(page);
});
