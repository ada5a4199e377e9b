import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./test";
import { expectAccessible, LAPTOP, linkFromOutbox, logIn, PHONE } from "./helpers";

// The frame around every page, on a phone and on a laptop: who is signed in, a coalition's sections with the
// one you are in marked, what waits for you, switching between your coalitions, and an editor toolbar that fits.

for (const [device, size] of [
  ["phone", PHONE],
  ["laptop", LAPTOP],
] as const) {
  test.describe(`on a ${device}`, () => {
    test.use({ viewport: size });

    test("a member sees who is signed in, where they are in the coalition and what waits for them", async ({ page }) => {
      // Joost is invited to Apeldoorn's open poll in the demo and has not answered it.
      await logIn(page, "joost.hendriks@demo.test");
      await page.goto("/teams/apeldoorn");
      const header = page.getByRole("banner");
      await expect(header.getByRole("link", { name: "Joost Hendriks" })).toBeVisible();
      await expect(header.getByRole("link", { name: "Apeldoorn Zuid" })).toHaveAttribute("aria-current", "page");

      const sections = page.getByRole("navigation", { name: "Coalitie Apeldoorn Zuid" });
      await expect(sections.getByRole("link", { name: /^Overzicht/ })).toHaveAttribute("aria-current", "page");
      await expect(sections.getByRole("link", { name: /^Overzicht/ })).toContainText("1");
      const waiting = page.getByRole("region", { name: "Voor u klaar" });
      await expect(waiting.getByText("Geef aan wanneer u kunt")).toBeVisible();
      await expect(waiting.getByRole("link", { name: "Intervisie in januari" })).toBeVisible();
      await expectAccessible(page);

      await sections.getByRole("link", { name: "Reflecties" }).click();
      await expect(page).toHaveURL(/\/teams\/apeldoorn\/reflections$/);
      await expect(sections.getByRole("link", { name: "Reflecties" })).toHaveAttribute("aria-current", "page");
      await expect(sections.getByRole("link", { name: /^Overzicht/ })).not.toHaveAttribute("aria-current", "page");
      await expectAccessible(page);

      await page.getByRole("link", { name: "Wie is eigenaar van het actieteam?" }).first().click();
      await expect(sections.getByRole("link", { name: "Reflecties" })).toHaveAttribute("aria-current", "page");
      const lessons = page.getByRole("region", { name: "Lessen uit deze reflectie" });
      await expect(lessons.getByRole("link", { name: "Laat bewoners het gesprek leiden; de professional ondersteunt." })).toBeVisible();
      await page.getByText("Wie kan dit lezen?").click();
      await expect(page.getByText("Henk Jansen").first()).toBeVisible();
      await expectAccessible(page);

      await page.goto("/teams/apeldoorn/reflections/new");
      const toolbar = page.getByRole("toolbar", { name: "Opmaak" });
      await expect(toolbar.getByRole("button", { name: "Vet" })).toBeVisible();
      const rows = await toolbar.getByRole("button").evaluateAll((buttons) => new Set(buttons.map((b) => Math.round(b.getBoundingClientRect().top))).size);
      expect(rows, "rows of the editor toolbar").toBeLessThanOrEqual(device === "phone" ? 2 : 1);
      await expectAccessible(page);
    });
  });
}

async function invite(page: Page, browser: Browser, facilitator: string, team: string, email: string): Promise<string> {
  await logIn(page, facilitator);
  await page.goto(`/teams/${team}/members`);
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByRole("button", { name: "Uitnodiging versturen" }).click();
  await expect(page.getByRole("status")).toContainText("De uitnodiging is verstuurd");
  await page.context().clearCookies();
  return linkFromOutbox(browser, email, "/invite/");
}

test("a member of two coalitions switches between them from the header, on a phone and on a laptop", async ({ page, browser }) => {
  const email = "twee.coalities@voorbeeld.nl";
  const first = await invite(page, browser, "begeleider.horst-aan-de-maas@demo.test", "horst-aan-de-maas", email);
  const second = await invite(page, browser, "begeleider.wageningen@demo.test", "wageningen", email);

  const context = await browser.newContext({ viewport: PHONE });
  const member = await context.newPage();
  await member.goto(first);
  await member.getByLabel("Uw naam").fill("Tessa Tweemaal");
  await member.getByLabel("Kies een wachtwoord").fill("twee coalities tegelijk");
  await member.getByLabel("Herhaal het wachtwoord").fill("twee coalities tegelijk");
  await member.getByLabel("Vrijwilliger").check();
  await member.getByRole("button", { name: "Account aanmaken" }).click();
  await expect(member).toHaveURL(/\/teams\/horst-aan-de-maas$/);
  await member.goto(second);
  await member.getByLabel("Wachtwoord van uw account").fill("twee coalities tegelijk");
  await member.getByLabel("Bewoner").check();
  await member.getByRole("button", { name: "Uitnodiging aannemen" }).click();
  await expect(member).toHaveURL(/\/teams\/wageningen$/);

  for (const size of [PHONE, LAPTOP]) {
    await member.setViewportSize(size);
    await member.goto("/teams/wageningen");
    const header = member.getByRole("banner");
    await expect(header.getByRole("link", { name: "Tessa Tweemaal" })).toBeVisible();
    const switcher = header.getByText("De Nude samen", { exact: true });
    await expect(switcher).toBeVisible();
    await switcher.click();
    await expect(header.getByRole("link", { name: /De Nude samen/ })).toHaveAttribute("aria-current", "page");
    await expectAccessible(member);
    await header.getByRole("link", { name: "Westenwind" }).click();
    await expect(member).toHaveURL(/\/teams\/horst-aan-de-maas$/);
    await expect(member.getByRole("heading", { level: 1, name: "Westenwind" })).toBeVisible();
    await expect(member.getByRole("navigation", { name: "Coalitie Westenwind" })).toBeVisible();
    // The menu closes on arriving, and now names the coalition one is in.
    await expect(header.getByRole("link", { name: "Westenwind" })).toBeHidden();
    await expect(header.getByText("Westenwind", { exact: true })).toBeVisible();
    await expectAccessible(member);
  }
  await context.close();
});
