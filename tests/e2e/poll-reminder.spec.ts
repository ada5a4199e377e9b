import { expect, test } from "./test";
import { expectAccessible, expectNoSidewaysScroll, LAPTOP, linkFromOutbox, logIn, PHONE } from "./helpers";

// The facilitator reminds who has not answered the poll, once; Anneke answers from the mail on her phone,
// without signing in and without JavaScript: opening the link changes nothing, the one button saves.

test("a facilitator sends the poll's one reminder; the invitee answers from the mail on a phone, signed out, without JavaScript", async ({ page, browser }) => {
  test.slow();
  await page.setViewportSize(LAPTOP);
  await logIn(page, "begeleider.utrecht@demo.test");
  await page.goto("/teams/utrecht/sessions/new");
  const title = "Intervisie met peilingherinnering";
  await page.getByLabel("Titel").fill(title);
  await page.getByRole("radio", { name: "Probleemoplossingsmethode" }).check();
  await page.getByLabel("Plaats").fill("Buurthuis De Schakel");
  await page.getByLabel("Anneke Visser").check();
  for (const [index, date] of ["2027-11-09", "2027-11-11"].entries()) {
    if (index > 0) await page.getByRole("button", { name: "Nog een tijd toevoegen" }).click();
    const row = page.getByRole("group", { name: `Tijdstip ${index + 1}` });
    await row.getByLabel("Datum").fill(date);
    await row.getByLabel("Begintijd").fill("19:30");
    await row.getByLabel("Eindtijd").fill("21:30");
  }
  await page.getByRole("button", { name: "Plannen en uitnodigen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const url = new URL(page.url()).pathname;

  await page.getByRole("button", { name: "Herinnering sturen" }).click();
  await expect(page.getByRole("status")).toContainText("De herinnering is verstuurd");
  await expect(page.getByText("De herinnering voor deze peiling is al verstuurd.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Herinnering sturen" })).toHaveCount(0);
  await expectAccessible(page);

  const link = await linkFromOutbox(browser, "anneke.visser@demo.test", "/answer/");
  const phone = await (await browser.newContext({ locale: "nl-NL", viewport: PHONE, javaScriptEnabled: false })).newPage();
  await phone.goto(link);
  await expect(phone.getByRole("heading", { level: 1 })).toContainText(title);
  await expectNoSidewaysScroll(phone);
  await phone.screenshot({ path: "test-results/answer-phone.png", fullPage: true });
  const cards = phone.getByRole("group", { name: /Uw antwoord voor/ });
  await expect(cards).toHaveCount(2);
  await cards.nth(0).getByText("Nee", { exact: true }).click();
  await cards.nth(1).getByText("Ja", { exact: true }).click();
  await phone.getByRole("button", { name: "Antwoorden opslaan" }).click();
  await expect(phone.getByRole("status")).toContainText("uw antwoorden zijn opgeslagen");
  await phone.context().close();

  // The scan needs JavaScript: the same page once more with it, at both sizes.
  for (const size of [PHONE, LAPTOP]) {
    const scanned = await (await browser.newContext({ locale: "nl-NL", viewport: size })).newPage();
    await scanned.goto(link);
    await expect(scanned.getByRole("group", { name: /Uw antwoord voor/ }).nth(1).getByLabel("Ja")).toBeChecked();
    await expectAccessible(scanned);
    await scanned.context().close();
  }

  await page.goto(url);
  await expect(page.getByText("Iedereen die is uitgenodigd, heeft geantwoord.")).toBeVisible();
});
