import AxeBuilder from "@axe-core/playwright";
import { expect, type Browser, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "demo-wachtwoord";

export async function logIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

export async function logOut(page: Page) {
  await page.getByRole("button", { name: "Uitloggen" }).click();
  await page.waitForURL("**/login");
}

export const PHONE = { width: 375, height: 812 };
export const LAPTOP = { width: 1280, height: 800 };

/**
 * Runs axe on the page as it is now and fails with the list of violations, if any; then looks at the page
 * at phone and laptop width, where it must not scroll sideways, and puts the viewport back as it was.
 */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
  await expectNoSidewaysScroll(page);
}

/** The page is never wider than the viewport, on a phone (375 px) or a laptop (1280 px). */
export async function expectNoSidewaysScroll(page: Page) {
  const original = page.viewportSize();
  for (const size of [PHONE, LAPTOP]) {
    await page.setViewportSize(size);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect.soft(width, `${page.url()} is ${width} px wide at ${size.width} px`).toBeLessThanOrEqual(size.width);
  }
  if (original) await page.setViewportSize(original);
}

/** The newest link with this path in an e-mail to `to`, read the way a demo user reads it: from the admin's outbox. */
export async function linkFromOutbox(browser: Browser, to: string, path: string): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await logIn(page, "admin@demo.test");
  await page.goto("/admin/outbox");
  await expectAccessible(page);
  const text = await page.locator("article", { hasText: to }).first().locator("pre").textContent();
  await context.close();
  const match = text?.match(new RegExp(`https?://\\S+${path}\\S+`));
  if (!match) throw new Error(`no ${path} link in the outbox for ${to}`);
  return new URL(match[0]).pathname;
}
