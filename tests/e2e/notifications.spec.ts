import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./test";
import { expectAccessible, LAPTOP, logIn, PHONE } from "./helpers";

// Someone replies to a reflection; its author sees the bell's count, opens the notifications, follows the link
// and marks everything read; then switches replies off in the settings.

const AUTHOR = "lid.horst-aan-de-maas@demo.test";
const REPLIER = "begeleider.horst-aan-de-maas@demo.test";

async function as(browser: Browser, email: string, javaScriptEnabled = true): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled, locale: "nl-NL" });
  const page = await context.newPage();
  await logIn(page, email);
  return page;
}

/** The author writes a coalition reflection (the plain form, without the editor) and returns its address. */
async function writeReflection(browser: Browser, title: string): Promise<string> {
  const page = await as(browser, AUTHOR, false);
  await page.goto("/teams/horst-aan-de-maas/reflections/new");
  await page.getByLabel("Titel").fill(title);
  await page.getByLabel("Uw reflectie").fill("Wat we deze week leerden.");
  await page.getByLabel("Coalitie", { exact: true }).check();
  await page.getByRole("button", { name: "Reflectie opslaan" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const path = new URL(page.url()).pathname;
  await page.context().close();
  return path;
}

for (const [device, size] of [["phone", PHONE], ["laptop", LAPTOP]] as const) {
  test(`on a ${device} the author of a reflection hears of a reply through the bell`, async ({ browser, page }) => {
    const title = `Buurtmaaltijd (${device})`;
    const path = await writeReflection(browser, title);

    await page.setViewportSize(size);
    await logIn(page, AUTHOR);
    // Start from nothing unread (other tests may have told this person something).
    await page.goto("/notifications");
    const markAll = page.getByRole("button", { name: "Alles gelezen" });
    if (await markAll.isVisible()) await markAll.click();
    await expect(page.getByRole("link", { name: "Meldingen", exact: true })).toBeVisible();

    const replier = await as(browser, REPLIER);
    await replier.goto(path);
    await replier.getByLabel("Uw reactie").fill("Goed punt, doen we vaker!");
    await replier.getByRole("button", { name: "Reactie plaatsen" }).click();
    await expect(replier.locator(".comment").getByText("Goed punt")).toBeVisible();
    await replier.context().close();

    await page.goto("/teams/horst-aan-de-maas");
    // The reply, and whatever the background jobs told this person meanwhile (a reminder on a quarter hour).
    const bell = page.getByRole("link", { name: /ongelezen melding/ });
    await expect(bell).toBeVisible();
    await expect(bell.locator(".bell-count")).toHaveText(/^[1-9]\d*$/);
    await expectAccessible(page);
    await page.screenshot({ path: `test-results/notifications-bell-${device}.png` });

    await bell.click();
    await expect(page.getByRole("heading", { level: 1, name: "Meldingen" })).toBeVisible();
    const line = page.getByRole("link", { name: `Ellen Peeters reageerde op ‘${title}’` });
    await expect(line).toBeVisible();
    await expectAccessible(page);
    await page.screenshot({ path: `test-results/notifications-list-${device}.png`, fullPage: true });

    await line.click();
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    expect(new URL(page.url()).pathname).toBe(path);

    await page.goto("/notifications");
    await page.getByRole("button", { name: "Alles gelezen" }).click();
    await expect(page.getByRole("status")).toContainText("Alle meldingen zijn als gelezen gemarkeerd.");
    await expect(page.getByRole("link", { name: "Meldingen", exact: true })).toBeVisible();
    await expect(page.locator(".bell-count")).toHaveCount(0);

    // Replies off; then back on, so the other device's run starts the same.
    await page.goto("/settings");
    await page.getByRole("link", { name: "Meldingen instellen" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Meldingen instellen" })).toBeVisible();
    await expectAccessible(page);
    await page.screenshot({ path: `test-results/notifications-settings-${device}.png`, fullPage: true });
    const replies = page.getByRole("group", { name: /Reacties op uw reflecties/ });
    await expect(replies.getByLabel("Meteen per e-mail")).toBeChecked();
    await replies.getByLabel("Uit").check();
    await page.getByRole("button", { name: "Instellingen opslaan" }).click();
    await expect(page.getByRole("status")).toContainText("Uw instellingen voor meldingen zijn opgeslagen.");
    await expect(page.getByRole("group", { name: /Reacties op uw reflecties/ }).getByLabel("Uit")).toBeChecked();
    await page.getByRole("group", { name: /Reacties op uw reflecties/ }).getByLabel("Meteen per e-mail").check();
    // The status still says "opgeslagen" from the first save: wait for this save itself.
    const saved = page.waitForResponse((response) => response.request().method() === "POST" && response.url().includes("/settings/notifications"));
    await page.getByRole("button", { name: "Instellingen opslaan" }).click();
    await saved;
    await page.goto("/settings/notifications");
    await expect(page.getByRole("group", { name: /Reacties op uw reflecties/ }).getByLabel("Meteen per e-mail")).toBeChecked();
  });
}
