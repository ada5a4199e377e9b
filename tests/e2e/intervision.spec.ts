import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./test";
import { expectAccessible, logIn } from "./helpers";

async function as(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ locale: "nl-NL" });
  const page = await context.newPage();
  await logIn(page, email);
  return page;
}

async function answerPoll(page: Page, url: string, answers: ("Ja" | "Als het moet" | "Nee")[]) {
  await page.goto(url);
  const groups = page.getByRole("group", { name: /Uw antwoord voor/ });
  await expect(groups).toHaveCount(answers.length);
  for (const [index, answer] of answers.entries()) await groups.nth(index).getByLabel(answer, { exact: true }).check();
  await page.getByRole("button", { name: "Antwoorden opslaan" }).click();
  await expect(page.getByRole("status")).toContainText("Uw antwoorden zijn opgeslagen");
}

test("a facilitator schedules intervision, two members vote, the facilitator confirms, a participant writes notes and an evaluation", async ({ page, browser }) => {
  test.slow(); // four people in four browser contexts: give the walk three times the usual minute
  await logIn(page, "begeleider.utrecht@demo.test");
  await page.goto("/teams/utrecht/sessions/new");
  await expectAccessible(page);
  await page.getByLabel("Titel").fill("Intervisie over het informatiepunt");
  await page.getByLabel("Methode", { exact: true }).selectOption({ index: 0 });
  await page.getByLabel("Plaats").fill("Buurthuis De Schakel");
  await page.getByLabel("Mohamed Yilmaz").check();
  await page.getByLabel("Anneke Visser").check();
  const first = page.getByRole("group", { name: "Tijdstip 1" });
  await first.getByLabel("Datum").fill("2027-01-12");
  await first.getByLabel("Begintijd").fill("19:30");
  await first.getByLabel("Eindtijd").fill("21:30");
  const second = page.getByRole("group", { name: "Tijdstip 2" });
  await second.getByLabel("Datum").fill("2027-01-14");
  await second.getByLabel("Begintijd").fill("10:00");
  await second.getByLabel("Eindtijd").fill("12:00");
  await page.getByRole("button", { name: "Plannen en uitnodigen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Intervisie over het informatiepunt" })).toBeVisible();
  const sessionUrl = new URL(page.url()).pathname;

  const mohamed = await as(browser, "lid.utrecht@demo.test");
  await answerPoll(mohamed, sessionUrl, ["Nee", "Ja"]);
  await expectAccessible(mohamed);
  const anneke = await as(browser, "anneke.visser@demo.test");
  await answerPoll(anneke, sessionUrl, ["Als het moet", "Ja"]);

  await page.reload();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Vastleggen en iedereen laten weten" }).click();
  await expect(page.getByRole("status")).toBeVisible();

  // Mohamed comes; Anneke can't make it after all.
  await mohamed.goto(sessionUrl);
  await mohamed.getByLabel("Ja, ik kom").check();
  await mohamed.getByRole("button", { name: "Antwoord opslaan" }).click();
  await anneke.goto(sessionUrl);
  await anneke.getByLabel("Nee, ik kom niet").check();
  await anneke.getByRole("button", { name: "Antwoord opslaan" }).click();

  await mohamed.goto(sessionUrl);
  await mohamed.getByRole("link", { name: "Naar de aantekeningen" }).click();
  await expect(mohamed).toHaveURL(/\/notes$/);
  await expectAccessible(mohamed);
  const notesUrl = new URL(mohamed.url()).pathname;
  const firstNotes = mohamed.getByRole("textbox", { name: /^Aantekeningen bij/ }).first();
  await firstNotes.click();
  await mohamed.keyboard.type("De inbrenger vertelde over de eerste week aan de balie.");
  await mohamed.getByRole("button", { name: "Aantekeningen opslaan" }).first().click();
  await expect(mohamed.locator("p.flash")).toContainText("De aantekeningen zijn opgeslagen");
  await expect(mohamed.getByRole("textbox", { name: /^Aantekeningen bij/ }).first()).toContainText("De inbrenger vertelde over de eerste week aan de balie.");

  await mohamed.getByRole("group", { name: /Uw cijfer/ }).getByLabel("4", { exact: true }).check();
  await mohamed.getByLabel("In één zin: wat hielp, of wat kan beter?").fill("Ik ga met meer rust naar de balie.");
  await mohamed.getByRole("button", { name: "Evaluatie opslaan" }).click();
  await expect(mohamed.locator("p.flash")).toContainText("Uw evaluatie is opgeslagen");
  await expect(mohamed.getByText("Ik ga met meer rust naar de balie.").first()).toBeVisible();
  await expectAccessible(mohamed);

  // Declined, and not invited at all: neither reads the notes.
  expect((await anneke.goto(notesUrl))?.status()).toBe(404);
  const ruud = await as(browser, "ruud.van.dam@demo.test");
  expect((await ruud.goto(notesUrl))?.status()).toBe(404);
  await ruud.goto(sessionUrl);
  await expect(ruud.getByText("Mohamed Yilmaz")).toHaveCount(0);
  const funder = await as(browser, "programma@demo.test");
  expect((await funder.goto(notesUrl))?.status()).toBe(404);
  await funder.goto("/teams/utrecht/sessions");
  await expectAccessible(funder);
});
