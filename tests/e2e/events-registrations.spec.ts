import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { expectAccessible, logIn, logOut } from "./helpers";
import { expect, test } from "./test";

// The organisers' view of the registrations for Voorst's demo evening (issue 7): counts, the list, the CSV,
// the printable attendance list and a message to everyone; a member of the coalition finds nothing there.

const TITLE = "Twee jaar samen in Twello";

/** The demo event's organiser page, found the way a facilitator finds it: from the team's list of events. */
async function organiserPage(page: Page): Promise<string> {
  await page.goto("/teams/voorst/events");
  const paths = await page.locator('a[href^="/teams/voorst/events/"]').evaluateAll((links, title) => {
    const uuid = /^\/teams\/voorst\/events\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    return links
      .map((link) => ({ href: link.getAttribute("href") ?? "", text: link.closest("li, article, tr, section")?.textContent ?? "" }))
      .filter((link) => uuid.test(link.href) && link.text.includes(title))
      .map((link) => link.href);
  }, TITLE);
  expect(paths.length, `a link to the organiser page of "${TITLE}" on /teams/voorst/events`).toBeGreaterThan(0);
  return paths[0];
}

/** A figure on the page's "In getallen" list, by its label. */
async function count(page: Page, label: string): Promise<number> {
  const text = await page
    .locator("dl div", { has: page.locator("dt", { hasText: label }) })
    .locator("dd")
    .first()
    .textContent();
  return Number(text);
}

test("the organiser opens the registrations from the team's events: counts, the CSV, the attendance list, a message", async ({ page }) => {
  await logIn(page, "begeleider.voorst@demo.test");
  const registrations = `${await organiserPage(page)}/registrations`;
  await page.goto(registrations);
  await expect(page.getByRole("heading", { level: 1, name: "Aanmeldingen" })).toBeVisible();
  for (const label of [
    "Aangemeld",
    "Op de wachtlijst",
    "Afgemeld",
    "Plaatsen vrij (van 60)",
    "Ja: Ik eet mee van het buffet",
    "Gaf een dieetwens op",
  ]) {
    expect(Number.isInteger(await count(page, label)), label).toBe(true);
  }
  const registered = await count(page, "Aangemeld");
  expect(await count(page, "Plaatsen vrij (van 60)")).toBe(60 - registered);
  if (registered + (await count(page, "Op de wachtlijst")) + (await count(page, "Afgemeld")) === 0) {
    await expect(page.getByText("Er heeft zich nog niemand aangemeld.")).toBeVisible();
  }
  await expect(page.getByRole("heading", { name: "Bericht aan alle aangemelden" })).toBeVisible();
  await expectAccessible(page);

  // On a phone the page still works: the list scrolls sideways, the form fits.
  await page.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 800 });

  // The CSV: UTF-8 with a byte order mark, a Dutch header with the event's question, `;`-separated.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Aanmeldingen als CSV (voor Excel)" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^leernetwerk-aanmeldingen-twee-jaar-samen-in-twello-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile((await download.path())!);
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(csv.toString("utf-8")).toContain("Naam;E-mailadres;Organisatie;Status;Ik eet mee van het buffet;Dieetwensen;Aangemeld op");

  // The attendance list, and how it prints: no site header, no buttons.
  await page.getByRole("link", { name: "Presentielijst om te printen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Presentielijst/ })).toBeVisible();
  await expectAccessible(page);
  await expect(page.getByRole("button", { name: "Printen" })).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".site-header")).toBeHidden();
  await expect(page.locator(".skip-link")).toBeHidden();
  await expect(page.getByRole("button", { name: "Printen" })).toBeHidden();
  await page.emulateMedia({ media: "screen" });

  // A message: bad input is answered next to the field and sends nothing; then it goes out.
  await page.goto(registrations);
  await page.getByLabel("Bericht", { exact: true }).fill("Parkeren kan achter het dorpshuis.");
  await page.getByRole("button", { name: "Bericht versturen" }).click();
  await expect(page.getByLabel("Onderwerp")).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator(".field", { has: page.getByLabel("Onderwerp") })).toContainText("Vul dit veld in.");
  await expect(page.getByLabel("Bericht", { exact: true })).toHaveValue("Parkeren kan achter het dorpshuis.");
  await expectAccessible(page);
  await page.getByLabel("Onderwerp").fill("Parkeren in Twello");
  await page.getByLabel(/Wie aangemeld is en wie op de wachtlijst staat/).check();
  await page.getByRole("button", { name: "Bericht versturen" }).click();
  await expect(page.getByText(/Het bericht is verstuurd naar|er is geen bericht verstuurd/)).toBeVisible();
});

// The whole walk with a registrant in it. It registers through the public form (events.$slug._index.tsx, built
// alongside this page), because a browser test cannot write to the database.
test("a visitor registers on a phone; the organiser finds them in the list, the CSV and the attendance list, and messages them", async ({
  page,
  browser,
}) => {
  await logIn(page, "begeleider.voorst@demo.test");
  const registrations = `${await organiserPage(page)}/registrations`;
  await page.goto(registrations);
  const before = await count(page, "Aangemeld");
  const buffetBefore = await count(page, "Ja: Ik eet mee van het buffet");

  const email = `els.${Date.now()}@voorbeeld.nl`;
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "nl-NL", timezoneId: "Europe/Amsterdam" });
  const visitor = await phone.newPage();
  await visitor.goto("/events/twee-jaar-samen-in-twello");
  await visitor.getByLabel("Naam", { exact: true }).fill("Els van Aanmelding");
  await visitor.getByLabel("E-mailadres").fill(email);
  await visitor.getByLabel("Organisatie (niet verplicht)").fill("Dorpsraad Wilp");
  await visitor.getByLabel("Ik eet mee van het buffet").check();
  await visitor.getByLabel("Dieetwensen of allergieën (niet verplicht)").fill("notenallergie");
  await visitor.getByRole("button", { name: "Aanmelden" }).click();
  await expect(visitor.getByText("Je bent aangemeld.")).toBeVisible();
  await phone.close();

  await page.goto(registrations);
  expect(await count(page, "Aangemeld")).toBe(before + 1);
  expect(await count(page, "Ja: Ik eet mee van het buffet")).toBe(buffetBefore + 1);
  const row = page.getByRole("row", { name: /Els van Aanmelding/ });
  await expect(row).toContainText(email);
  await expect(row).toContainText("Dorpsraad Wilp");
  await expect(row).toContainText("notenallergie");
  await expect(row.getByRole("cell", { name: "ja", exact: true })).toBeVisible();
  await expectAccessible(page);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Aanmeldingen als CSV (voor Excel)" }).click(),
  ]);
  const csv = (await readFile((await download.path())!)).toString("utf-8");
  expect(csv).toContain(`Els van Aanmelding;${email};Dorpsraad Wilp;Aangemeld;ja;notenallergie;`);

  await page.getByRole("link", { name: "Presentielijst om te printen" }).click();
  await expect(page.getByRole("row", { name: /Els van Aanmelding/ })).toBeVisible();
  await expectAccessible(page);
  await page.emulateMedia({ media: "print" });
  const border = await page
    .locator(".attendance td")
    .first()
    .evaluate((cell) => getComputedStyle(cell).borderTopColor);
  expect(border).toBe("rgb(0, 0, 0)");
  await page.emulateMedia({ media: "screen" });

  await page.goto(registrations);
  await page.getByLabel("Onderwerp").fill("Parkeren achter het dorpshuis");
  await page.getByLabel("Bericht", { exact: true }).fill("Er is plek genoeg achter het dorpshuis.");
  await page.getByRole("button", { name: "Bericht versturen" }).click();
  await expect(page.getByText(before + 1 === 1 ? "verstuurd naar 1 aanmelder." : `verstuurd naar ${before + 1} aanmelders.`)).toBeVisible();

  await logOut(page);
  await logIn(page, "admin@demo.test");
  await page.goto("/admin/outbox");
  const mail = page.locator("article", { hasText: email }).filter({ hasText: "Parkeren achter het dorpshuis" });
  await expect(mail).toContainText("Er is plek genoeg achter het dorpshuis.");
  // The admin organises nothing: the registrations are not found.
  const refused = await page.goto(registrations);
  expect(refused?.status()).toBe(404);
});

test("a member of the coalition and the funder do not find the registrations", async ({ page }) => {
  await logIn(page, "begeleider.voorst@demo.test");
  const organiser = await organiserPage(page);
  await logOut(page);
  for (const account of ["lid.voorst@demo.test", "programma@demo.test", "begeleider.utrecht@demo.test"]) {
    await logIn(page, account);
    for (const path of ["registrations", "registrations.csv", "attendance"]) {
      const response = await page.request.get(`${organiser}/${path}`);
      expect(response.status(), `${account} on ${path}`).toBe(404);
    }
    await logOut(page);
  }
  const anonymous = await page.goto(`${organiser}/registrations`);
  expect(new URL(anonymous!.url()).pathname).toBe("/login");
});
