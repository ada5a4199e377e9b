import { expectAccessible, expectNoSidewaysScroll, LAPTOP, logIn, PHONE } from "./helpers";
import { expect, test } from "./test";

// Someone without an account reads the programme's public page on a phone without JavaScript and asks to come
// and see Voorst; Voorst's facilitator answers the request. Axe looks at both pages at 375 and 1280 px.

test("an outsider asks to come and see a coalition, its facilitator answers", async ({ browser, page }) => {
  test.setTimeout(120_000);
  await page.goto("/login");
  await page.getByRole("link", { name: /Wat is Leernetwerk/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Leernetwerk: coalities die samen leren");
  for (const size of [PHONE, LAPTOP]) {
    await page.setViewportSize(size);
    await expectAccessible(page);
  }

  const outsider = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
  const phone = await outsider.newPage();
  await phone.goto("/open");
  const voorst = phone.getByRole("region", { name: "Samen in Voorst" });
  await expect(voorst.getByRole("link", { name: "Lees de samenwerkingsovereenkomst" })).toHaveAttribute("href", "/agreements/voorst");
  await expectNoSidewaysScroll(phone);
  await voorst.getByRole("link", { name: "Kom kijken bij Samen in Voorst" }).click();

  // Bad input first: each field says what is wrong, and what was typed stays.
  await phone.getByLabel("Je organisatie").fill("Gemeente Lochem, team Ontmoeten");
  await phone.getByLabel("Je naam").fill("Mirjam Lubbers");
  await phone.getByLabel("E-mailadres").fill("mirjam-zonder-apenstaartje");
  await phone.getByRole("button", { name: "Verzoek versturen" }).click();
  await expect(phone.getByText("Vul een geldig e-mailadres in")).toBeVisible();
  await expect(phone.getByText("Vertel wat je graag wilt zien.")).toBeVisible();
  await expect(phone.getByLabel("Je organisatie")).toHaveValue("Gemeente Lochem, team Ontmoeten");

  await phone.getByLabel("E-mailadres").fill(`mirjam-${Date.now()}@voorbeeld.nl`);
  await phone.getByLabel("Wat wil je graag zien?").fill("Hoe het Trefpunt vrijwilligers en ouderen samenbrengt, het liefst op een doordeweekse ochtend.");
  await phone.getByRole("button", { name: "Verzoek versturen" }).click();
  await expect(phone.getByRole("heading", { level: 1 })).toHaveText("Bedankt voor je verzoek");
  await outsider.close();

  await page.setViewportSize(LAPTOP);
  await logIn(page, "begeleider.voorst@demo.test");
  await page.goto("/teams/voorst");
  await page.getByRole("link", { name: "Verzoeken om te komen kijken" }).click();
  const request = page.getByRole("listitem").filter({ hasText: "Gemeente Lochem, team Ontmoeten" });
  await expect(request).toContainText("Mirjam Lubbers");
  for (const size of [PHONE, LAPTOP]) {
    await page.setViewportSize(size);
    await expectAccessible(page);
  }
  await request.getByLabel("Uw antwoord", { exact: true }).fill("Welkom! Kom dinsdag om tien uur naar het Trefpunt, dan drinken we eerst koffie.");
  await request.getByRole("button", { name: "Antwoord versturen" }).click();
  await expect(page.getByText("Uw antwoord is verstuurd.")).toBeVisible();
  const answered = page.getByRole("region", { name: "Beantwoord" }).getByRole("listitem").filter({ hasText: "Gemeente Lochem" });
  await expect(answered).toContainText("Kom dinsdag om tien uur");
});
