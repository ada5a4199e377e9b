import { expect, test } from "./test";
import { expectAccessible, linkFromOutbox, logIn } from "./helpers";

test("a facilitator invites someone, who accepts and appears in the member list", async ({ page, browser }) => {
  await logIn(page, "begeleider.utrecht@demo.test");
  await page.getByRole("link", { name: "Deelnemers en uitnodigingen beheren" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Deelnemers en uitnodigingen" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("E-mailadres").fill("geen-adres");
  await page.getByRole("button", { name: "Uitnodiging versturen" }).click();
  await expect(page.getByText("Vul een geldig e-mailadres in")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("E-mailadres").fill("nieuw.lid@voorbeeld.nl");
  await page.getByRole("button", { name: "Uitnodiging versturen" }).click();
  await expect(page.getByRole("status")).toContainText("De uitnodiging is verstuurd");
  await expect(page.getByRole("row", { name: /nieuw\.lid@voorbeeld\.nl/ })).toBeVisible();

  const invitePath = await linkFromOutbox(browser, "nieuw.lid@voorbeeld.nl", "/invite/");
  const invitee = await browser.newContext();
  const inviteePage = await invitee.newPage();
  await inviteePage.goto(invitePath);
  await expect(inviteePage.getByText("Kracht van Zuilen").first()).toBeVisible();
  await expectAccessible(inviteePage);
  await inviteePage.getByLabel("Uw naam").fill("Nieuw Lid");
  await inviteePage.getByLabel("Kies een wachtwoord").fill("zuilen zit vol buren");
  await inviteePage.getByLabel("Herhaal het wachtwoord").fill("zuilen zit vol buren");
  await inviteePage.getByLabel("Vrijwilliger").check();
  await inviteePage.getByLabel("Organisatie (niet verplicht)").selectOption({ label: "Dock" });
  await inviteePage.getByRole("button", { name: "Account aanmaken" }).click();
  await expect(inviteePage).toHaveURL(/\/teams\/utrecht$/);
  await expect(inviteePage.getByRole("status")).toContainText("Welkom bij Leernetwerk");
  await expectAccessible(inviteePage);

  // The link works once.
  await inviteePage.goto(invitePath);
  await expect(inviteePage.getByText("al gebruikt")).toBeVisible();
  await invitee.close();

  await page.reload();
  await expect(page.getByRole("cell", { name: "Nieuw Lid" })).toBeVisible();
  await expect(page.getByRole("row", { name: /nieuw\.lid@voorbeeld\.nl/ })).toBeVisible();
});

test("a member cannot open the member management of their own coalition", async ({ page }) => {
  await logIn(page, "lid.utrecht@demo.test");
  const response = await page.goto("/teams/utrecht/members");
  expect(response?.status()).toBe(404);
});
