import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./test";
import { expectAccessible, expectNoSidewaysScroll, LAPTOP, logIn, PHONE } from "./helpers";

// The reminder before a session: its facilitator chooses when it goes (the day before, two hours before, or
// not), and the case bringer writes a question to prepare that those coming read, also without JavaScript.

type Size = typeof PHONE;

async function as(browser: Browser, email: string, viewport: Size, javaScriptEnabled = true): Promise<Page> {
  const context = await browser.newContext({ locale: "nl-NL", timezoneId: "Europe/Amsterdam", viewport, javaScriptEnabled });
  const page = await context.newPage();
  await logIn(page, email);
  return page;
}

/** The facilitator of Utrecht plans a session with Mohamed, who says yes; the facilitator confirms it. */
async function confirmedSession(facilitator: Page, mohamed: Page, title: string): Promise<string> {
  await facilitator.goto("/teams/utrecht/sessions/new");
  await facilitator.getByLabel("Titel").fill(title);
  await facilitator.getByRole("radio", { name: "Probleemoplossingsmethode" }).check();
  await facilitator.getByLabel("Plaats").fill("Buurthuis De Schakel");
  await facilitator.getByLabel("Mohamed Yilmaz").check();
  for (const [index, date] of ["2027-10-30", "2027-10-31"].entries()) {
    const row = facilitator.getByRole("group", { name: `Tijdstip ${index + 1}` });
    await row.getByLabel("Datum").fill(date);
    await row.getByLabel("Begintijd").fill("14:00");
    await row.getByLabel("Eindtijd").fill("16:00");
    await facilitator.getByRole("button", { name: "Nog een tijd toevoegen" }).click();
  }
  await facilitator.getByRole("button", { name: "Plannen en uitnodigen" }).click();
  await expect(facilitator.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const url = new URL(facilitator.url()).pathname;
  await mohamed.goto(url);
  const cards = mohamed.getByRole("group", { name: /Uw antwoord voor/ });
  for (const index of [0, 1]) await cards.nth(index).getByText("Ja", { exact: true }).click();
  await mohamed.getByRole("button", { name: "Antwoorden opslaan" }).click();
  await expect(mohamed.getByRole("status")).toContainText("Uw antwoorden zijn opgeslagen");
  await facilitator.goto(url);
  await facilitator.getByRole("button", { name: "Vastleggen en iedereen laten weten" }).click();
  await expect(facilitator.getByRole("status")).toContainText("Het tijdstip is vastgelegd");
  await facilitator.getByRole("group", { name: "Wie brengt de casus in?" }).getByLabel("Mohamed Yilmaz").check();
  await facilitator.getByRole("button", { name: "Inbrenger opslaan" }).click();
  await expect(facilitator.getByRole("status")).toContainText("opgeslagen");
  return url;
}

for (const [device, size] of [["phone", PHONE], ["laptop", LAPTOP]] as const) {
  test(`on a ${device} the facilitator chooses the reminder and the case bringer writes a question to prepare (the latter without JavaScript)`, async ({ browser }) => {
    test.slow();
    const facilitator = await as(browser, "begeleider.utrecht@demo.test", size);
    const mohamed = await as(browser, "lid.utrecht@demo.test", size, false);
    const url = await confirmedSession(facilitator, mohamed, `Intervisie met herinnering (${device})`);

    const choice = facilitator.getByRole("group", { name: "Wanneer krijgen de deelnemers een herinnering?" });
    await expect(choice.getByLabel("De dag ervoor, op hetzelfde tijdstip")).toBeChecked();
    await choice.getByLabel("Twee uur van tevoren").check();
    await facilitator.getByRole("button", { name: "Herinnering opslaan" }).click();
    await expect(facilitator.getByRole("status")).toContainText("De herinnering is opgeslagen");
    await expect(choice.getByLabel("Twee uur van tevoren")).toBeChecked();
    await expectAccessible(facilitator);
    await expectNoSidewaysScroll(facilitator);
    await facilitator.getByRole("heading", { name: "Herinnering", exact: true }).scrollIntoViewIfNeeded();
    await facilitator.screenshot({ path: `test-results/reminder-facilitator-${device}.png` });

    await mohamed.goto(url);
    await expect(mohamed.getByRole("button", { name: "Herinnering opslaan" })).toHaveCount(0);
    await mohamed.getByLabel("Welke vraag wilt u de anderen vooraf meegeven?").fill("Hoe zeg ik nee zonder iemand kwijt te raken?");
    await mohamed.getByRole("button", { name: "Vraag opslaan" }).click();
    await expect(mohamed.getByRole("status")).toContainText("Uw vraag is opgeslagen");
    await expectNoSidewaysScroll(mohamed);
    await mohamed.getByRole("heading", { name: "Uw vraag ter voorbereiding" }).scrollIntoViewIfNeeded();
    await mohamed.screenshot({ path: `test-results/reminder-case-bringer-${device}.png` });

    await facilitator.goto(url);
    await expect(facilitator.getByRole("region", { name: "De vraag van de inbrenger" })).toContainText("Hoe zeg ik nee zonder iemand kwijt te raken?");
    await expectAccessible(facilitator);
    // The scan needs JavaScript: Mohamed's page once more with it.
    const scanned = await as(browser, "lid.utrecht@demo.test", size);
    await scanned.goto(url);
    await expect(scanned.getByLabel("Welke vraag wilt u de anderen vooraf meegeven?")).toHaveValue("Hoe zeg ik nee zonder iemand kwijt te raken?");
    await expectAccessible(scanned);
    for (const opened of [facilitator, mohamed, scanned]) await opened.context().close();
  });
}
