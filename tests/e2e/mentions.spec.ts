import type { Page } from "@playwright/test";
import { expect, test } from "./test";
import { expectAccessible, LAPTOP, logIn, PHONE } from "./helpers";

// @mentions in the demo's Apeldoorn Zuid: Henk Jansen writes, Fatima el Amrani is his teammate, Lotte Janssen
// is in another coalition (Horst aan de Maas). Picked with the keyboard, in the editor and in a comment.

// The suggestions (the form's own selects, such as the learning question, have options too).
const suggestions = (page: Page) => page.getByRole("listbox").getByRole("option");
const editor = (page: Page) => page.locator('[contenteditable="true"]').and(page.getByRole("textbox", { name: "Uw reflectie" }));

for (const [device, size] of [["phone", PHONE], ["laptop", LAPTOP]] as const) {
  test(`on a ${device} a member mentions a teammate with the keyboard, in a reflection and a comment`, async ({ page }) => {
    await page.setViewportSize(size);
    await logIn(page, "lid.apeldoorn@demo.test");
    await page.goto("/teams/apeldoorn/reflections/new");
    await page.getByLabel("Titel").fill(`Met Fatima aan tafel (${device})`);
    await page.getByLabel("Coalitie", { exact: true }).check();
    const box = editor(page);
    await box.click();

    // Someone of another coalition is not suggested for a team reflection.
    await page.keyboard.type("Dank aan @Lotte");
    await expect(page.getByRole("status").filter({ hasText: "Niemand gevonden die dit kan lezen." })).toBeVisible();
    await expect(suggestions(page)).toHaveCount(0);
    for (let i = 0; i < "@Lotte".length; i++) await page.keyboard.press("Backspace");

    await page.keyboard.type("@Fat");
    const option = page.getByRole("option", { name: "Fatima el Amrani" });
    await expect(option).toBeVisible();
    await expect(page.getByRole("listbox", { name: "Mensen die dit kunnen lezen" })).toBeVisible();
    await expect(box).toHaveAttribute("aria-activedescendant", (await option.getAttribute("id"))!);
    await expectAccessible(page);
    await page.screenshot({ path: `test-results/mentions-editor-${device}.png` });
    await page.keyboard.press("Enter");
    await expect(suggestions(page)).toHaveCount(0);
    await page.keyboard.type("voor de soep.");
    await expect(box.locator(".mention")).toHaveText("@Fatima el Amrani");

    await page.getByRole("button", { name: "Reflectie opslaan" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Met Fatima aan tafel (${device})` })).toBeVisible();
    await expect(page.locator(".rich-text .mention")).toHaveText("@Fatima el Amrani");
    await expect(page.locator(".rich-text")).toContainText("Dank aan @Fatima el Amrani voor de soep.");
    await expectAccessible(page);

    const comment = page.getByRole("textbox", { name: "Uw reactie" });
    await comment.click();
    await comment.pressSequentially("Wat vind jij, @Mar");
    await expect(page.getByRole("option", { name: "Marloes de Wit" })).toBeVisible();
    await expectAccessible(page);
    await page.screenshot({ path: `test-results/mentions-comment-${device}.png` });
    await page.keyboard.press("Enter");
    await expect(comment).toHaveValue("Wat vind jij, @Marloes de Wit ");
    await comment.pressSequentially("?");
    await page.getByRole("button", { name: "Reactie plaatsen" }).click();
    await expect(page.locator(".comment .mention")).toHaveText("@Marloes de Wit");
    await expect(page.locator(".comment").last()).toContainText("Wat vind jij, @Marloes de Wit ?");
    await expectAccessible(page);
  });
}

test("a mention of someone the chosen readers leave out is refused next to the field, and the text stays", async ({ page }) => {
  await logIn(page, "lid.apeldoorn@demo.test");
  await page.goto("/teams/apeldoorn/reflections/new");
  await page.getByLabel("Titel").fill("Voor iedereen, toen niet meer");
  await page.getByLabel("Netwerk", { exact: true }).check();
  await editor(page).click();
  await page.keyboard.type("Zie @Lotte");
  await expect(page.getByRole("option", { name: "Lotte Janssen" })).toBeVisible();
  await page.keyboard.press("Enter");
  // Then only the coalition is chosen after all: saving refuses, and says why next to the text.
  await page.getByLabel("Coalitie", { exact: true }).check();
  await page.getByRole("button", { name: "Reflectie opslaan" }).click();
  await expect(page.getByText("Lotte Janssen kan dit niet lezen. Haal de vermelding weg, of laat meer mensen dit lezen.")).toBeVisible();
  await expect(editor(page).locator(".mention")).toHaveText("@Lotte Janssen");
  await expect(editor(page)).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
});

test.describe("on a touch screen", () => {
  test.use({ hasTouch: true, isMobile: true, viewport: PHONE });

  test("a tap on a suggestion mentions a teammate in a lesson, and the text keeps the focus", async ({ page }) => {
    await logIn(page, "lid.apeldoorn@demo.test");
    await page.goto("/teams/apeldoorn/lessons/new");
    await page.getByLabel("De les", { exact: true }).fill("Samen koken verbindt");
    await page.getByLabel("Coalitie", { exact: true }).check();
    const box = page.locator('[contenteditable="true"]').and(page.getByRole("textbox", { name: "Toelichting" }));
    await box.tap();
    await page.keyboard.type("Idee van @Joo");
    await page.getByRole("option", { name: "Joost Hendriks" }).tap();
    await expect(box).toBeFocused();
    await page.keyboard.type("bij de buurttafel.");
    await expect(box.locator(".mention")).toHaveText("@Joost Hendriks");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Les opslaan" }).click();
    await expect(page.locator(".rich-text .mention")).toHaveText("@Joost Hendriks");
    await expect(page.locator(".rich-text")).toContainText("Idee van @Joost Hendriks bij de buurttafel.");
  });
});
