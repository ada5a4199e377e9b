import { expect, test } from "./test";
import { expectAccessible, LAPTOP, logIn, PHONE } from "./helpers";

// One walk: a member proposes a learning question on a phone, the facilitator puts it on the agenda, the member
// links a reflection to it from the reflection's form and finds it on the question's page; the funder compares.
test("a proposed question is taken on, a reflection is linked to it, and the funder compares the questions", async ({ page }) => {
  const question = "Wat doen we met ideeën die blijven liggen?";
  await page.setViewportSize(PHONE);
  await logIn(page, "lid.voorst@demo.test");
  await page.goto("/teams/voorst");
  await page.getByRole("link", { name: "Leervragen", exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Leervragen" })).toBeVisible();
  await page.getByRole("button", { name: "Leervraag voorstellen" }).click();
  await expect(page.getByText("Vul dit veld in.").first()).toBeVisible();
  await page.getByLabel("Leervraag", { exact: true }).fill(question);
  await page.getByRole("button", { name: "Leervraag voorstellen" }).click();
  await expect(page.getByRole("status").first()).toContainText("Uw voorstel is opgeslagen");
  await expectAccessible(page);
  await page.context().clearCookies();

  await page.setViewportSize(LAPTOP);
  await logIn(page, "begeleider.voorst@demo.test");
  await page.goto("/teams/voorst/questions");
  await page.getByRole("listitem").filter({ hasText: question }).getByRole("button", { name: "Op de agenda zetten" }).click();
  await expect(page.getByRole("status").first()).toContainText("De leervraag staat op de agenda");
  await expectAccessible(page);
  await page.context().clearCookies();

  await page.setViewportSize(PHONE);
  await logIn(page, "lid.voorst@demo.test");
  await page.goto("/teams/voorst/reflections/new");
  await page.getByLabel("Titel").fill("Het idee van de moestuin");
  await page.locator('[contenteditable="true"]').click();
  await page.keyboard.type("Drie maanden later lag het idee er nog. Niemand voelde zich eigenaar.");
  await page.getByRole("radio", { name: /Coalitie/ }).check();
  await page.getByLabel("Leervraag", { exact: true }).selectOption({ label: question });
  await expectAccessible(page);
  await page.getByRole("button", { name: "Reflectie opslaan" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Het idee van de moestuin" })).toBeVisible();

  await page.goto("/teams/voorst/questions");
  await page.getByRole("link", { name: question }).click();
  await expect(page.getByRole("heading", { level: 1, name: question })).toBeVisible();
  await expect(page.getByRole("link", { name: "Het idee van de moestuin" })).toBeVisible();
  await expectAccessible(page);
  await page.context().clearCookies();

  await page.setViewportSize(LAPTOP);
  await logIn(page, "programma@demo.test");
  await page.goto("/programme");
  await page.getByRole("link", { name: "Leervragen", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Leervragen van de coalities" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Zonder thema" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: question })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Thema", { exact: true }).selectOption({ label: "Zonder thema" });
  await page.getByRole("button", { name: "Toon" }).click();
  await expect(page).toHaveURL(/theme=none/);
  await expect(page.getByRole("heading", { level: 3, name: question })).toBeVisible();
});
