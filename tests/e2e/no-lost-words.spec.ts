import type { Page } from "@playwright/test";
import { expect, test } from "./test";
import { expectAccessible, logIn } from "./helpers";

// Text typed in one editor survives whatever else is sent from the same page, and leaving a page with
// unsaved text asks first.

/** The editor of the note of phase `number` (1-based), once Lexical has replaced the plain textarea. */
const phaseEditor = (page: Page, number: number) =>
  page.locator(`#phase-${number}`).locator('[contenteditable="true"]');

async function typeInto(page: Page, number: number, text: string) {
  const editor = phaseEditor(page, number);
  await editor.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type(text);
}

test("a participant types in two phases, saves one, sends a failing evaluation, saves the other: after a reload both are there", async ({ page }) => {
  await logIn(page, "begeleider.wageningen@demo.test");
  await page.goto("/teams/wageningen/sessions");
  await page.getByRole("link", { name: "Intervisie over samenwerken in de wijk" }).first().click();
  await page.getByRole("link", { name: "Naar de aantekeningen" }).click();
  await expect(phaseEditor(page, 3)).toBeVisible();

  await typeInto(page, 2, "Fase twee: de vragen over de begroting.");
  await typeInto(page, 3, "Fase drie: wat de groep terugzag.");

  await page.locator("#phase-3").getByRole("button", { name: "Aantekeningen opslaan" }).click();
  await expect(page.locator("p.flash")).toContainText("De aantekeningen zijn opgeslagen");
  await expect(phaseEditor(page, 2)).toContainText("Fase twee: de vragen over de begroting.");

  // A refused form elsewhere on the page (no score chosen) must not touch the unsaved phase either.
  await page.getByRole("button", { name: "Evaluatie opslaan" }).click();
  await expect(page.locator("#evaluation .field-error").first()).toBeVisible();

  await page.locator("#phase-2").getByRole("button", { name: "Aantekeningen opslaan" }).click();
  await expect(page.locator("p.flash")).toContainText("De aantekeningen zijn opgeslagen");

  await page.reload();
  await expect(phaseEditor(page, 2)).toContainText("Fase twee: de vragen over de begroting.");
  await expect(phaseEditor(page, 3)).toContainText("Fase drie: wat de groep terugzag.");
  await expectAccessible(page);
});

test("leaving a page with unsaved text asks first: a link inside the app, and closing the tab", async ({ page }) => {
  await logIn(page, "lid.wageningen@demo.test");
  await page.goto("/teams/wageningen/reflections/new");
  const editor = page.locator('[contenteditable="true"]').and(page.getByRole("textbox", { name: "Uw reflectie" }));
  await editor.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("Nog niet opgeslagen gedachten over de werkplekken.");

  // A link to another part of the coalition: the app asks, and staying keeps the text.
  // Answered as it opens: the question blocks the page, so the click cannot finish before it is answered.
  let question = "";
  page.once("dialog", (dialog) => {
    question = dialog.message();
    void dialog.dismiss();
  });
  await page.getByRole("navigation", { name: /^Coalitie/ }).getByRole("link", { name: "Lessen" }).click();
  await expect.poll(() => question).toContain("nog niet is opgeslagen");
  await expect(page).toHaveURL(/\/reflections\/new$/);
  await expect(editor).toContainText("Nog niet opgeslagen gedachten");

  // Closing the tab: the browser's own question.
  const warned = page.waitForEvent("dialog");
  await page.close({ runBeforeUnload: true });
  const warning = await warned;
  expect(warning.type()).toBe("beforeunload");
  await warning.accept();
});
