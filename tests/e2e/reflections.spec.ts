import { expect, test } from "./test";
import { expectAccessible, LAPTOP, logIn, PHONE } from "./helpers";

// Lexical's code names itself ("lexical" in its chunk); none of our own code does.
const LEXICAL = /lexical/i;
// Before the editor has loaded, "Uw reflectie" is the plain textarea; these tests want the editor.
const editor = (page: import("@playwright/test").Page) =>
  page.locator('[contenteditable="true"]').and(page.getByRole("textbox", { name: "Uw reflectie" }));

for (const [device, size] of [["phone", PHONE], ["laptop", LAPTOP]] as const) {
  test(`on a ${device} a member writes a reflection with a heading, bold text and a list in the editor, and reads it back`, async ({ page }) => {
    await page.setViewportSize(size);
    await logIn(page, "lid.apeldoorn@demo.test");
    await page.goto("/teams/apeldoorn/reflections/new?prompt=well");
    await expect(page.getByRole("toolbar", { name: "Opmaak" })).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel("Titel").fill(`Koffieochtend in De Heeze (${device})`);
    const box = editor(page);
    await box.click();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.press("Delete");
    await page.keyboard.type("## Wat ging goed\n");
    await page.keyboard.type("Iedereen kwam ");
    await page.keyboard.press("ControlOrMeta+b");
    await page.keyboard.type("op tijd");
    await page.keyboard.press("ControlOrMeta+b");
    await page.keyboard.type(".\n- koffie met buren\nafspraken voor volgende week");
    await page.getByLabel("Vertrouwen").check();
    await page.getByLabel("Coalitie", { exact: true }).check();
    await expect(page.getByText("De deelnemers en procesbegeleiders van Apeldoorn Zuid lezen dit.")).toBeVisible();
    await page.getByRole("button", { name: "Reflectie opslaan" }).click();

    await expect(page.getByRole("heading", { level: 1, name: `Koffieochtend in De Heeze (${device})` })).toBeVisible();
    await expect(page.getByRole("status")).toContainText("opgeslagen");
    const text = page.locator(".rich-text");
    await expect(text.getByRole("heading", { name: "Wat ging goed" })).toBeVisible();
    await expect(text.locator("strong")).toHaveText("op tijd");
    await expect(text.getByRole("listitem")).toHaveText(["koffie met buren", "afspraken voor volgende week"]);
    await expectAccessible(page);

    await page.getByLabel("Uw reactie").fill("Mooi beschreven!");
    await page.getByRole("button", { name: "Reactie plaatsen" }).click();
    await expect(page.locator(".comment").getByText("Mooi beschreven!")).toBeVisible();

    await page.goto("/teams/apeldoorn/reflections");
    await expect(page.getByRole("link", { name: `Koffieochtend in De Heeze (${device})` })).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel("Zoeken", { exact: true }).fill("koffie");
    await page.getByRole("button", { name: "Toon" }).click();
    await expect(page.getByRole("link", { name: `Koffieochtend in De Heeze (${device})` })).toBeVisible();
  });
}

test("an unsent draft survives a reload and can be restored", async ({ page }) => {
  await logIn(page, "lid.horst-aan-de-maas@demo.test");
  await page.goto("/teams/horst-aan-de-maas/reflections/new");
  await editor(page).click();
  await page.keyboard.type("Deze zin mag niet verloren gaan.");
  await page.waitForTimeout(600);
  await page.reload();
  await expect(page.getByText(/Er is een niet-opgeslagen versie/)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Herstellen" }).click();
  await expect(editor(page)).toContainText("Deze zin mag niet verloren gaan.");
});

test("without JavaScript the form is a textarea and still saves", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "nl-NL" });
  const page = await context.newPage();
  // (The forgotten-password test changes wim.haverkamp's password; no other test uses that account.)
  await logIn(page, "begeleider.voorst@demo.test");
  await page.goto("/teams/voorst/reflections/new");
  await page.getByLabel("Titel").fill("Zonder JavaScript");
  await page.getByLabel("Uw reflectie").fill("Eerste alinea.\n\nTweede alinea met meer woorden.");
  await page.getByLabel("Privé").check();
  await page.getByRole("button", { name: "Reflectie opslaan" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Zonder JavaScript" })).toBeVisible();
  await expect(page.locator(".rich-text p")).toHaveText(["Eerste alinea.", "Tweede alinea met meer woorden."]);

  await page.getByRole("link", { name: "Bewerken" }).click();
  await expect(page.getByLabel("Uw reflectie")).toHaveValue("Eerste alinea.\n\nTweede alinea met meer woorden.");
  await page.getByLabel("Titel").fill("");
  await page.getByRole("button", { name: "Reflectie opslaan" }).click();
  await expect(page.getByText("Vul dit veld in.")).toBeVisible();
  await expect(page.getByLabel("Uw reflectie")).toHaveValue("Eerste alinea.\n\nTweede alinea met meer woorden.");
  await context.close();
});

/**
 * The text of every script the page loads from now on, read as it passes (a response's body may no longer
 * be there once the page has moved on, which the router does on arrival).
 */
async function scriptsLoadedBy(page: import("@playwright/test").Page): Promise<string[]> {
  const scripts: string[] = [];
  await page.route(/\.js$/, async (route) => {
    const response = await route.fetch();
    scripts.push(await response.text());
    await route.fulfill({ response });
  });
  return scripts;
}

test("reading pages load no editor code; the editing page does", async ({ page }) => {
  await logIn(page, "lid.utrecht@demo.test");
  const scripts = await scriptsLoadedBy(page);
  await page.goto("/teams/utrecht/reflections/new");
  await expect(page.getByRole("toolbar", { name: "Opmaak" })).toBeVisible();
  expect(scripts.some((s) => LEXICAL.test(s))).toBe(true);

  await page.getByLabel("Titel").fill("Leesbaar zonder editor");
  await editor(page).click();
  await page.keyboard.type("Alleen lezen.");
  await page.getByRole("button", { name: "Reflectie opslaan" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Leesbaar zonder editor" })).toBeVisible();
  const url = page.url();

  const reader = await page.context().browser()!.newContext({ locale: "nl-NL" });
  const readingPage = await reader.newPage();
  await logIn(readingPage, "begeleider.utrecht@demo.test");
  const readingScripts = await scriptsLoadedBy(readingPage);
  await readingPage.goto(url);
  await expect(readingPage.locator(".rich-text")).toContainText("Alleen lezen.");
  await readingPage.waitForLoadState("networkidle");
  expect(readingScripts.length).toBeGreaterThan(0);
  expect(readingScripts.some((s) => LEXICAL.test(s))).toBe(false);
  await reader.close();
});

test("members of another coalition and the funder read only what a team shared with the network", async ({ page }) => {
  await logIn(page, "lid.wageningen@demo.test");
  await page.goto("/teams/wageningen/reflections/new");
  await page.getByLabel("Titel").fill("Alleen voor ons team");
  await editor(page).click();
  await page.keyboard.type("Binnenskamers.");
  await page.getByLabel("Coalitie", { exact: true }).check();
  await page.getByRole("button", { name: "Reflectie opslaan" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Alleen voor ons team" })).toBeVisible();
  const teamOnly = page.url();

  await page.goto("/teams/wageningen/reflections/new");
  await page.getByLabel("Titel").fill("Gedeeld met het netwerk");
  await editor(page).click();
  await page.keyboard.type("Voor iedereen.");
  await page.getByLabel("Netwerk").check();
  await page.getByRole("button", { name: "Reflectie opslaan" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Gedeeld met het netwerk" })).toBeVisible();

  const funder = await page.context().browser()!.newContext({ locale: "nl-NL" });
  const funderPage = await funder.newPage();
  await logIn(funderPage, "programma@demo.test");
  await funderPage.goto("/teams/wageningen");
  await expect(funderPage.getByRole("link", { name: "Gedeeld met het netwerk" })).toBeVisible();
  await expect(funderPage.getByRole("link", { name: "Alleen voor ons team" })).toHaveCount(0);
  await expectAccessible(funderPage);
  const response = await funderPage.goto(teamOnly);
  expect(response?.status()).toBe(404);
  await funder.close();
});

test("text typed into the plain field while the editor loads goes along into the editor", async ({ page }) => {
  await logIn(page, "begeleider.apeldoorn@demo.test");
  // Hold the editor's code back for a moment, as on a slow phone connection.
  await page.route(/Editor\.client-.*\.js$/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  await page.goto("/teams/apeldoorn/reflections/new");
  await page.locator("textarea[name=bodyText]").click();
  await page.keyboard.type("Getypt voordat de editor er was, en daarna gewoon verder.", { delay: 30 });
  await expect(page.getByRole("toolbar", { name: "Opmaak" })).toBeVisible();
  await expect(editor(page)).toHaveText("Getypt voordat de editor er was, en daarna gewoon verder.");
});
