import { expectAccessible, LAPTOP, logIn, PHONE } from "./helpers";
import { expect, test } from "./test";

// The funder searches the network as people search: the beginning of a word, a typo, then a filter.

for (const [device, size] of [["phone", PHONE], ["laptop", LAPTOP]] as const) {
  test(`on a ${device}, the funder finds the volunteers' items, follows 'Bedoelde u' and narrows by kind`, async ({ page }) => {
    await page.setViewportSize(size);
    await logIn(page, "programma@demo.test");
    await page.goto("/network");
    const words = page.getByRole("searchbox", { name: "Zoekwoorden" });
    await words.fill("vrijwillig");
    await page.getByRole("button", { name: "Zoeken", exact: true }).click();
    await expect(page).toHaveURL(/\/network\/search\?q=vrijwillig/);
    await expect(page.getByRole("status")).toContainText("resultaten voor ‘vrijwillig’");
    // Items carrying the theme Vrijwilligers are found by the theme's name alone.
    const results = page.getByRole("list").filter({ has: page.getByRole("heading", { level: 2 }) });
    await expect(results.getByRole("listitem").filter({ hasText: "Vrijwilligers" }).first()).toBeVisible();
    await expect(page.getByRole("link", { name: "Het burennetwerk groeit" })).toBeVisible();
    await expectAccessible(page);

    // A typo finds nothing, and offers the word that was meant.
    await words.fill("vrijwiligers");
    await words.press("Enter");
    await expect(page.getByRole("status")).toHaveText("Niets gevonden voor ‘vrijwiligers’.");
    await expect(page.getByText("Bedoelde u")).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("link", { name: "vrijwilligers", exact: true }).click();
    await expect(page).toHaveURL(/q=vrijwilligers(&|$)/);
    await expect(words).toHaveValue("vrijwilligers");
    await expect(page.getByRole("link", { name: "Het burennetwerk groeit" })).toBeVisible();

    // Narrowed to lessons: the words stay, the reflections go; the next search keeps the filter.
    // The filters wait behind a disclosure until one is in use.
    await expect(page.getByLabel("Soort")).toBeHidden();
    await page.locator("summary", { hasText: "Filteren" }).click();
    await page.getByLabel("Soort").selectOption("lesson");
    await page.getByRole("button", { name: "Toon" }).click();
    await expect(page).toHaveURL(/q=vrijwilligers/);
    await expect(page).toHaveURL(/kind=lesson/);
    await expect(page.getByRole("link", { name: "Begin klein en vier wat lukt." })).toBeVisible();
    await expect(page.getByRole("link", { name: "Het burennetwerk groeit" })).toHaveCount(0);
    await expect(page.getByLabel("Soort")).toHaveValue("lesson");
    await expect(page.locator("summary")).toHaveText("Filteren (actief: 1)");
    await expectAccessible(page);

    // Nothing found within the filter: the search without it is one link away.
    await words.fill("oefenvijver");
    await words.press("Enter");
    await expect(page.getByRole("status")).toHaveText("Niets gevonden voor ‘oefenvijver’ met deze filters.");
    await expectAccessible(page);
    await page.getByRole("link", { name: "zonder soort: Les" }).click();
    await expect(page.getByRole("link", { name: "Het burennetwerk groeit" })).toBeVisible();
  });
}

test("the network page's filters go along into a search", async ({ page }) => {
  await logIn(page, "programma@demo.test");
  await page.goto("/network?theme=vrijwilligers");
  await page.getByRole("searchbox", { name: "Zoekwoorden" }).fill("buurt");
  await page.getByRole("button", { name: "Zoeken", exact: true }).click();
  await expect(page).toHaveURL(/\/network\/search\?q=buurt.*theme=vrijwilligers/);
  await expect(page.getByLabel("Thema")).toHaveValue("vrijwilligers");
});

test("in the theme matrix, a theme's name opens its comparison", async ({ page }) => {
  await logIn(page, "programma@demo.test");
  await page.goto("/programme/themes");
  await page.getByRole("rowheader").getByRole("link", { name: "Vrijwilligers" }).click();
  await expect(page).toHaveURL(/\/programme\/compare\?theme=vrijwilligers/);
  await expect(page.getByRole("link", { name: "Begin klein en vier wat lukt." })).toBeVisible();
});
