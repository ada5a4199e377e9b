import { expectAccessible, linkFromOutbox, logIn, PHONE } from "./helpers";
import { expect, test } from "./test";

// Apeldoorn's facilitator writes the first version of the agreement, proposes it and asks Stimenz's director,
// who has no account, to sign; the director signs on a phone through the link in the e-mail.

test("a facilitator writes an article and proposes; a signatory without an account signs by link on a phone", async ({ page, browser }) => {
  const address = `directeur-${Date.now()}@voorbeeld.nl`;
  await logIn(page, "begeleider.apeldoorn@demo.test");
  await page.goto("/teams/apeldoorn");
  await page.getByRole("navigation", { name: /Coalitie/ }).getByRole("link", { name: "Overeenkomst" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Samenwerkingsovereenkomst");
  await page.getByRole("button", { name: "Eerste versie beginnen" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Versie 1 bewerken");
  const vision = page.locator('[contenteditable="true"]').and(page.getByRole("textbox", { name: "Gedeelde visie" }));
  await vision.click();
  await page.keyboard.type("In De Heeze kijken bewoners naar elkaar om; Stimenz en de coöperatie helpen daarbij als gelijken.");
  await page.getByRole("button", { name: "Visie opslaan" }).click();
  await expect(page.getByText("De visie is opgeslagen.")).toBeVisible();

  await page.getByRole("link", { name: "Artikel toevoegen" }).click();
  await page.getByRole("button", { name: "Artikel opslaan" }).click();
  await expect(page.locator("#article-title-error")).toHaveText("Vul dit veld in.");
  await page.getByLabel("Titel").fill("Een vast actieteam");
  await page.locator('[contenteditable="true"]').click();
  await page.keyboard.type("Twee bewoners en twee medewerkers vormen samen het actieteam. Ze spreken elkaar elke week.");
  await page.getByRole("button", { name: "Artikel opslaan" }).click();
  await expect(page.getByRole("heading", { name: "Artikel 1. Een vast actieteam" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Terug naar de samenwerkingsovereenkomst" }).click();
  await page.getByRole("button", { name: "Voorleggen ter ondertekening" }).click();
  await expect(page.getByText("Ter ondertekening", { exact: true })).toBeVisible();
  await page.getByRole("link", { name: "Ondertekenaars aanwijzen" }).click();
  const stimenz = page.locator("li", { has: page.getByRole("heading", { name: "Stimenz" }) });
  await stimenz.getByLabel("Iemand zonder account (krijgt een link per e-mail)").check();
  await stimenz.getByLabel("Naam (zonder account)").fill("Sara Directeur");
  await stimenz.getByLabel("E-mailadres (zonder account)").fill(address);
  await stimenz.getByRole("button", { name: "Vragen te ondertekenen" }).click();
  await expect(page.getByText("Sara Directeur kreeg een link per e-mail")).toBeVisible();
  await expectAccessible(page);

  const link = await linkFromOutbox(browser, address, "/sign/");
  const phone = await browser.newContext({ viewport: PHONE });
  const signer = await phone.newPage();
  await signer.goto(link);
  await expect(signer.getByRole("heading", { level: 1 })).toHaveText("Samenwerkingsovereenkomst van Apeldoorn Zuid");
  await expect(signer.getByText("Twee bewoners en twee medewerkers")).toBeVisible();
  expect(await signer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await expectAccessible(signer);
  await signer.getByLabel("Functie").fill("directeur-bestuurder");
  await signer.getByLabel(/Ik heb de hele tekst van versie 1 gelezen/).check();
  await signer.getByRole("button", { name: "Ondertekenen" }).click();
  await expect(signer.getByRole("status")).toContainText("Je handtekening is vastgelegd.");
  await signer.goto(link);
  await expect(signer.getByText("Met deze link is al ondertekend.")).toBeVisible();
  await phone.close();

  await page.goto("/teams/apeldoorn/agreement");
  await expect(page.getByText(/Ondertekend door Sara Directeur, directeur-bestuurder/)).toBeVisible();
  await expectAccessible(page);
});
