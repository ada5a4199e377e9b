import { expectAccessible, linkFromOutbox } from "./helpers";
import { expect, test } from "./test";

// A visitor without an account, on a phone, registers for Voorst's public evening, finds the personal link
// in the e-mail and cancels through it. The same page works with JavaScript switched off.

const SLUG = "twee-jaar-samen-in-twello";
const phone = { width: 390, height: 844 };

test.use({ viewport: phone });

test("a visitor registers on a phone and cancels through the link in the e-mail", async ({ page, browser }) => {
  const address = `bezoeker-${Date.now()}@voorbeeld.nl`;
  await page.goto(`/events/${SLUG}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Twee jaar samen in Twello: wat we leerden");
  await expect(page.getByText("donderdag 21 januari 2027, 17:00–21:00")).toBeVisible();
  await expect(page.getByText("Dorpsstraat 12, 7391 DD Twello")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Inloop met buffet" })).toContainText("17:00");
  await expect(page.getByText("Vrije plaatsen: 60 van 60")).toBeVisible();
  await expect(page.getByText("Je gegevens worden 90 dagen na de bijeenkomst automatisch verwijderd.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Zet in je agenda (.ics)" })).toHaveAttribute("href", `/events/${SLUG}.ics`);
  // Nothing sticks out sideways on a phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
  await expectAccessible(page);

  await page.getByLabel("Naam", { exact: true }).fill("Bea Bezoeker");
  await page.getByLabel("E-mailadres", { exact: true }).fill(address);
  await page.getByLabel("Organisatie (niet verplicht)").fill("Dorpsraad Wilp");
  await page.getByLabel("Ik eet mee van het buffet").check();
  await page.getByLabel("Dieetwensen of allergieën (niet verplicht)").fill("vegetarisch");
  await page.getByRole("button", { name: "Aanmelden" }).click();
  await expect(page.getByRole("status")).toContainText("Je bent aangemeld.");
  await expect(page.getByText("Vrije plaatsen: 59 van 60")).toBeVisible();

  const link = await linkFromOutbox(browser, address, `/events/${SLUG}/registration/`);
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Je aanmelding");
  await expect(page.getByText("Aangemeld: je hebt een plek")).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: /^ja$/ })).toBeVisible();
  await expect(page.getByLabel("Naam", { exact: true })).toHaveValue("Bea Bezoeker");
  await expectAccessible(page);

  await page.getByRole("button", { name: "Ja, zeg mijn aanmelding af" }).click();
  await expect(page.getByRole("status")).toHaveText("Je aanmelding is afgezegd.");
  await expect(page.getByText("Afgezegd", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Ja, zeg mijn aanmelding af" })).toHaveCount(0);
  await expectAccessible(page);

  await page.getByRole("link", { name: "Naar de pagina van de bijeenkomst" }).click();
  await expect(page.getByText("Vrije plaatsen: 60 van 60")).toBeVisible();
});

test("without JavaScript a visitor registers and downloads the calendar file", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: phone });
  const page = await context.newPage();
  const address = `zonder-js-${Date.now()}@voorbeeld.nl`;
  await page.goto(`/events/${SLUG}`);
  await page.getByLabel("Naam", { exact: true }).fill("Zonder Script");
  await page.getByLabel("E-mailadres", { exact: true }).fill(address);
  await page.getByRole("button", { name: "Aanmelden" }).click();
  await expect(page.getByRole("status")).toContainText("Je bent aangemeld.");

  const calendar = await page.request.get(`/events/${SLUG}.ics`);
  expect(calendar.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  expect(await calendar.text()).toContain("17:00 Inloop met buffet");

  // The personal link works without JavaScript too.
  const link = await linkFromOutbox(browser, address, `/events/${SLUG}/registration/`);
  await page.goto(link);
  await page.getByLabel("Organisatie (niet verplicht)").fill("Buurtvereniging");
  await page.getByRole("button", { name: "Wijzigingen opslaan" }).click();
  await expect(page.getByRole("status")).toHaveText("Je wijzigingen zijn opgeslagen.");
  await expect(page.getByLabel("Organisatie (niet verplicht)")).toHaveValue("Buurtvereniging");
  await context.close();
});
