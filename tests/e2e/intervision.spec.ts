import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./test";
import { expectAccessible, LAPTOP, logIn, PHONE } from "./helpers";

// Intervision as its people use it: a member answers the poll on a phone (a card per time, large choices,
// one save, also without JavaScript); a facilitator schedules on a laptop, adding times one by one,
// confirms a time, assigns the roles and keeps notes through every phase; on a phone the notes show one
// phase at a time with a list to jump between them.

type Size = typeof PHONE;

async function as(browser: Browser, email: string, viewport: Size = LAPTOP, javaScriptEnabled = true): Promise<Page> {
  const context = await browser.newContext({ locale: "nl-NL", timezoneId: "Europe/Amsterdam", viewport, javaScriptEnabled });
  const page = await context.newPage();
  await logIn(page, email);
  return page;
}

const times = [
  { date: "2027-01-12", start: "19:30", end: "21:30" },
  { date: "2027-01-14", start: "10:00", end: "12:00" },
  { date: "2027-01-19", start: "14:00", end: "16:00" },
];

/** The facilitator of Utrecht schedules a session for Mohamed and Anneke, adding the times one at a time. */
async function schedule(page: Page, title: string): Promise<string> {
  await page.goto("/teams/utrecht/sessions/new");
  await expectAccessible(page);
  // One time row to start with, and a button for the next.
  await expect(page.getByRole("group", { name: /^Tijdstip \d$/ })).toHaveCount(1);
  await page.getByLabel("Titel").fill(title);
  await page.getByRole("radio", { name: "Probleemoplossingsmethode" }).check();
  await expect(page.getByText("Past bij: Een praktisch probleem")).toBeVisible();
  await page.getByLabel("Plaats").fill("Buurthuis De Schakel");
  await page.getByLabel("Mohamed Yilmaz").check();
  await page.getByLabel("Anneke Visser").check();
  for (const [index, time] of times.entries()) {
    if (index > 0) await page.getByRole("button", { name: "Nog een tijd toevoegen" }).click();
    const row = page.getByRole("group", { name: `Tijdstip ${index + 1}` });
    await row.getByLabel("Datum").fill(time.date);
    await row.getByLabel("Begintijd").fill(time.start);
    await row.getByLabel("Eindtijd").fill(time.end);
  }
  await page.getByRole("button", { name: "Plannen en uitnodigen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  return new URL(page.url()).pathname;
}

async function answerPoll(page: Page, url: string, answers: ("Ja" | "Als het moet" | "Nee")[]) {
  await page.goto(url);
  const cards = page.getByRole("group", { name: /Uw antwoord voor/ });
  await expect(cards).toHaveCount(answers.length);
  for (const [index, answer] of answers.entries()) await cards.nth(index).getByText(answer, { exact: true }).click();
  await page.getByRole("button", { name: "Antwoorden opslaan" }).click();
  await expect(page.getByRole("status")).toContainText("Uw antwoorden zijn opgeslagen");
}

test("on a phone a member answers the poll: a card per time with three large choices, one save", async ({ browser }) => {
  test.slow();
  const facilitator = await as(browser, "begeleider.utrecht@demo.test");
  const url = await schedule(facilitator, "Intervisie over de buurtpraatjes");

  const mohamed = await as(browser, "lid.utrecht@demo.test", PHONE);
  await mohamed.goto(url);
  await expectAccessible(mohamed);
  // Every choice is on the screen and large enough to tap.
  for (const choice of await mohamed.locator(".poll-option").all()) {
    const box = (await choice.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(box.width).toBeGreaterThanOrEqual(44);
  }
  await answerPoll(mohamed, url, ["Nee", "Ja", "Als het moet"]);
  const second = mohamed.getByRole("group", { name: /Uw antwoord voor donderdag 14 januari/ });
  await expect(second.getByRole("radio", { name: "Ja" })).toBeChecked();
  await expect(mohamed.getByText("Nog niet geantwoord: Anneke Visser")).toBeVisible();
  await expectAccessible(mohamed);

  // Without JavaScript the same form works.
  const anneke = await as(browser, "anneke.visser@demo.test", PHONE, false);
  await answerPoll(anneke, url, ["Als het moet", "Ja", "Nee"]);
  await expect(anneke.getByText("Iedereen die is uitgenodigd, heeft geantwoord.")).toBeVisible();

  // The facilitator's view names the same people as answered.
  await facilitator.goto(url);
  const invited = facilitator.getByRole("region", { name: "Uitgenodigd" });
  await expect(invited.getByRole("listitem")).toHaveText([/Anneke Visser\s*heeft de peiling ingevuld/, /Mohamed Yilmaz\s*heeft de peiling ingevuld/]);
  await expect(facilitator.getByRole("radio", { name: /donderdag 14 januari.*voorgesteld/ })).toBeChecked();
});

test("without JavaScript, adding a time keeps everything typed", async ({ browser }) => {
  const page = await as(browser, "begeleider.utrecht@demo.test", LAPTOP, false);
  await page.goto("/teams/utrecht/sessions/new");
  await page.getByLabel("Titel").fill("Intervisie zonder JavaScript");
  await page.getByLabel("Mohamed Yilmaz").check();
  const first = page.getByRole("group", { name: "Tijdstip 1" });
  await first.getByLabel("Datum").fill(times[0].date);
  await first.getByLabel("Begintijd").fill(times[0].start);
  await page.getByRole("button", { name: "Nog een tijd toevoegen" }).click();
  await expect(page.getByRole("group", { name: "Tijdstip 2" })).toBeVisible();
  await expect(page.getByLabel("Titel")).toHaveValue("Intervisie zonder JavaScript");
  await expect(page.getByLabel("Mohamed Yilmaz")).toBeChecked();
  await expect(page.getByRole("group", { name: "Tijdstip 1" }).getByLabel("Begintijd")).toHaveValue(times[0].start);
  await expect(page.getByRole("alert")).toHaveCount(0);
});

test("on a laptop a facilitator confirms a time, assigns the roles and keeps notes through all phases; on a phone one phase at a time", async ({ page, browser }) => {
  test.slow(); // several people in several browser contexts, seven phases saved one by one
  await logIn(page, "begeleider.utrecht@demo.test");
  const url = await schedule(page, "Intervisie over het informatiepunt");
  const mohamed = await as(browser, "lid.utrecht@demo.test");
  await answerPoll(mohamed, url, ["Nee", "Ja", "Nee"]);
  const anneke = await as(browser, "anneke.visser@demo.test");
  await answerPoll(anneke, url, ["Als het moet", "Nee", "Ja"]);

  await page.goto(url);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Vastleggen en iedereen laten weten" }).click();
  await expect(page.getByRole("status")).toContainText("Het tijdstip is vastgelegd");
  // Mohamed said yes to this time: he comes without being asked again. Anneke is asked.
  await expect(page.locator(".session-facts")).toContainText(/Aantal deelnemers\s*2/);
  await expect(page.getByRole("region", { name: "Uitgenodigd" }).getByRole("listitem")).toHaveText([
    /Anneke Visser\s*heeft nog niet laten weten/,
    /Mohamed Yilmaz\s*komt/,
  ]);
  await mohamed.goto(url);
  await expect(mohamed.getByText("U komt: u staat genoteerd als deelnemer.")).toBeVisible();
  await anneke.goto(url);
  await anneke.getByRole("button", { name: "Nee, ik kom niet" }).click();
  await expect(anneke.getByRole("status")).toContainText("Uw antwoord is opgeslagen");

  await page.reload();
  await page.getByRole("group", { name: "Wie bewaakt de tijd?" }).getByLabel("Mohamed Yilmaz").check();
  await page.getByRole("button", { name: "Tijdbewaker opslaan" }).click();
  await expect(page.getByRole("status")).toContainText("De tijdbewaker is opgeslagen");
  await expect(page.locator(".session-facts")).toContainText(/Tijdbewaker\s*Mohamed Yilmaz/);
  await expectAccessible(page);

  await page.getByRole("link", { name: "Naar de aantekeningen" }).click();
  await expect(page).toHaveURL(/\/notes$/);
  await expect(page.getByText("Tijdbewaker: Mohamed Yilmaz")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Afspraken over vertrouwelijkheid" })).toBeVisible();
  await expectAccessible(page);
  const editors = page.getByRole("textbox", { name: /^Aantekeningen bij/ });
  const phases = await editors.count();
  expect(phases).toBe(7);
  for (let index = 0; index < phases; index++) {
    await editors.nth(index).click();
    await page.keyboard.type(`Fase ${index + 1}: wat er gezegd is.`);
    await page.getByRole("button", { name: "Aantekeningen opslaan" }).nth(index).click();
    await expect(page.locator(`#phase-${index + 1}`)).toContainText("Laatst bijgewerkt door Sanne Bakker");
  }
  await page.reload();
  for (let index = 0; index < phases; index++) await expect(editors.nth(index)).toContainText(`Fase ${index + 1}: wat er gezegd is.`);

  await page.getByRole("group", { name: /Uw score van 1 tot 5/ }).getByLabel("4", { exact: true }).check();
  await page.getByLabel("In één zin: wat hielp, of wat kan beter?").fill("De vaste fasen gaven rust.");
  await page.getByRole("button", { name: "Evaluatie opslaan" }).click();
  await expect(page.locator("p.flash")).toContainText("Uw evaluatie is opgeslagen");
  await expectAccessible(page);

  // On a phone: one phase at a time, and the phase list goes to another.
  const notesUrl = new URL(page.url()).pathname;
  const phone = await as(browser, "lid.utrecht@demo.test", PHONE);
  await phone.goto(notesUrl);
  await expect(phone.getByRole("heading", { name: /^1\. / })).toBeVisible();
  await expect(phone.getByRole("heading", { name: /^3\. / })).toBeHidden();
  await phone.getByRole("navigation", { name: "Fasen" }).getByRole("link").nth(2).click();
  await expect(phone.getByRole("heading", { name: /^3\. / })).toBeVisible();
  await expect(phone.getByRole("heading", { name: /^1\. / })).toBeHidden();
  await expect(phone.locator("#phase-3").getByRole("textbox")).toContainText("Fase 3: wat er gezegd is.");
  await phone.locator(".phase-current").getByRole("link", { name: /^Volgende fase:/ }).click();
  await expect(phone.getByRole("heading", { name: /^4\. / })).toBeVisible();
  await expectAccessible(phone);

  // Declined, or not invited at all: neither reads the notes; the funder sees the facts only.
  expect((await anneke.goto(notesUrl))?.status()).toBe(404);
  const ruud = await as(browser, "ruud.van.dam@demo.test");
  expect((await ruud.goto(notesUrl))?.status()).toBe(404);
  await ruud.goto(url);
  await expect(ruud.getByText("Mohamed Yilmaz")).toHaveCount(0);
  const funder = await as(browser, "programma@demo.test");
  expect((await funder.goto(notesUrl))?.status()).toBe(404);
  await funder.goto("/teams/utrecht/sessions");
  await expectAccessible(funder);
  await funder.goto("/methods");
  await expect(funder.getByRole("heading", { name: "Welke methode past bij uw vraag?" })).toBeVisible();
  await expectAccessible(funder);
  await funder.goto("/methods/incidentmethode");
  await expectAccessible(funder);
});

test("on a phone a facilitator schedules, confirms the time a member can make and keeps notes through every phase, one at a time", async ({ browser }) => {
  test.slow(); // two people, seven phases saved one by one
  const facilitator = await as(browser, "begeleider.utrecht@demo.test", PHONE);
  const url = await schedule(facilitator, "Intervisie op de telefoon");
  const mohamed = await as(browser, "lid.utrecht@demo.test", PHONE);
  await answerPoll(mohamed, url, ["Ja", "Nee", "Nee"]);

  await facilitator.goto(url);
  await facilitator.getByRole("button", { name: "Vastleggen en iedereen laten weten" }).click();
  await expect(facilitator.getByRole("status")).toContainText("Het tijdstip is vastgelegd");
  await expectAccessible(facilitator);

  await facilitator.getByRole("link", { name: "Naar de aantekeningen" }).click();
  await expect(facilitator).toHaveURL(/\/notes$/);
  await expect(facilitator.locator("section.phase")).toHaveCount(7);
  const phases = 7;
  for (let number = 1; number <= phases; number++) {
    const phase = facilitator.locator(`#phase-${number}`);
    await expect(phase.getByRole("heading", { level: 3 })).toBeVisible();
    await phase.getByRole("textbox").click();
    await facilitator.keyboard.type(`Op de telefoon, fase ${number}.`);
    await phase.getByRole("button", { name: "Aantekeningen opslaan" }).click();
    await expect(phase).toContainText("Laatst bijgewerkt door Sanne Bakker");
    if (number < phases) await phase.getByRole("link", { name: /^Volgende fase:/ }).click();
  }
  await expectAccessible(facilitator);

  await facilitator.reload();
  const list = facilitator.getByRole("navigation", { name: "Fasen" });
  for (let number = 1; number <= phases; number++) {
    await list.getByRole("link").nth(number - 1).click();
    await expect(facilitator.locator(`#phase-${number}`).getByRole("textbox")).toContainText(`Op de telefoon, fase ${number}.`);
  }
});
