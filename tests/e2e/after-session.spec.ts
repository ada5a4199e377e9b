import { expect, test } from "./test";
import { expectAccessible, expectNoSidewaysScroll, LAPTOP, logIn, PHONE } from "./helpers";

// After a session, those who came are asked what they take with them; the question's link (in the mail and the
// notification: /teams/:team/reflections/new?session=…) opens a new reflection linked to that session.

for (const [device, size] of [["phone", PHONE], ["laptop", LAPTOP]] as const) {
  test(`on a ${device} a participant writes down what they take with them from a session, linked to it`, async ({ page }) => {
    await page.setViewportSize(size);
    await logIn(page, "lid.utrecht@demo.test");
    await page.goto("/teams/utrecht/sessions");
    await page.getByRole("link", { name: "Intervisie over samenwerken in de wijk" }).first().click();
    await expect(page).toHaveURL(/\/teams\/utrecht\/sessions\/[0-9a-f-]{36}$/);
    const session = new URL(page.url()).pathname.split("/").pop();
    // The link of the question after the session, as the mail and the notification carry it.
    await page.goto(`/teams/utrecht/reflections/new?session=${session}`);
    await expect(page.locator(".session-link")).toContainText("intervisie");
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);

    await page.getByLabel("Titel").fill(`Wat ik meeneem (${device})`);
    await page.getByRole("textbox", { name: "Uw reflectie" }).first().fill("Eerder om hulp vragen.");
    await page.getByLabel("Coalitie", { exact: true }).check();
    await page.getByRole("button", { name: "Reflectie opslaan" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Wat ik meeneem (${device})` })).toBeVisible();
    await expect(page.locator(".badge-session-origin")).toContainText("Uit een intervisie van");
    await expectNoSidewaysScroll(page);
  });
}
