import { expect, test } from "./test";
import { DEMO_PASSWORD, expectAccessible, linkFromOutbox, logIn, logOut } from "./helpers";

test("the login page is accessible and refuses a wrong password with a message at the form", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2F$/);
  await expect(page.getByRole("heading", { name: "Inloggen" })).toBeVisible();
  // The demo says its people and events are made up, although the coalitions are real.
  await expect(page.getByRole("note")).toHaveText(/^Dit is een demo\. De coalities bestaan echt, maar de mensen.*verzonnen\.$/);
  await expectAccessible(page);
  await page.getByLabel("E-mailadres").fill("lid.utrecht@demo.test");
  await page.getByLabel("Wachtwoord", { exact: true }).fill("fout-wachtwoord");
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page.getByRole("alert")).toContainText("horen niet bij elkaar");
  await expect(page.getByLabel("E-mailadres")).toHaveValue("lid.utrecht@demo.test");
  await expectAccessible(page);
});

const landings: [string, RegExp, string][] = [
  ["programma@demo.test", /\/programme$/, "Programma"],
  ["lid.utrecht@demo.test", /\/teams\/utrecht$/, "Kracht van Zuilen"],
  ["begeleider.voorst@demo.test", /\/teams\/voorst$/, "Samen in Voorst"],
  ["admin@demo.test", /\/teams$/, "Coalities"],
];

for (const [email, url, heading] of landings) {
  test(`${email} logs in, lands on the right page, and logs out`, async ({ page }) => {
    await logIn(page, email);
    await expect(page).toHaveURL(url);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expectAccessible(page);
    await logOut(page);
    await expect(page.getByRole("status")).toContainText("U bent uitgelogd");
    await page.goto("/teams");
    await expect(page).toHaveURL(/\/login/);
  });
}

test("a member reads the coalitions and a coalition's page, and gets 404 for the admin pages", async ({ page }) => {
  await logIn(page, "lid.apeldoorn@demo.test");
  await page.goto("/teams");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Westenwind" }).click();
  await expect(page.getByRole("heading", { name: "Partnerorganisaties" })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Synthese" }).first()).toBeVisible();
  await expect(page.getByRole("note")).toContainText("De coalities bestaan echt");
  await expectAccessible(page);
  const admin = await page.goto("/admin");
  expect(admin?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Niet gevonden" })).toBeVisible();
  await expectAccessible(page);
});

test("settings: change name and language, see the interface in English, bad input shows a message", async ({ page }) => {
  await logIn(page, "lid.wageningen@demo.test");
  await page.goto("/settings");
  await expectAccessible(page);
  await page.getByLabel("Naam").fill("");
  await page.getByRole("button", { name: "Profiel opslaan" }).click();
  await expect(page.getByText("Vul dit veld in.")).toBeVisible();
  await page.getByLabel("Naam").fill("Noor A.");
  await page.getByLabel("Taal").selectOption("en");
  await page.getByRole("button", { name: "Profiel opslaan" }).click();
  await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveValue("Noor A.");
  await page.getByLabel("Language").selectOption("nl");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByRole("heading", { name: "Instellingen" })).toBeVisible();
});

test("forgot password sends a link; the link sets a new password and logs in with it", async ({ page, browser }) => {
  await page.goto("/forgot-password");
  await expectAccessible(page);
  await page.getByLabel("E-mailadres").fill("wim.haverkamp@demo.test");
  await page.getByRole("button", { name: "Stuur mij een link" }).click();
  await expect(page.getByRole("status")).toContainText("onderweg");

  const resetPath = await linkFromOutbox(browser, "wim.haverkamp@demo.test", "/reset-password/");

  await page.goto(resetPath);
  await expectAccessible(page);
  await page.getByLabel("Nieuw wachtwoord", { exact: true }).fill("kort");
  await page.getByLabel("Herhaal het nieuwe wachtwoord").fill("kort");
  await page.getByRole("button", { name: "Wachtwoord opslaan" }).click();
  await expect(page.getByText("Een wachtwoord heeft minstens 10 tekens.")).toBeVisible();
  await page.getByLabel("Nieuw wachtwoord", { exact: true }).fill("de fiets staat bij de Benring");
  await page.getByLabel("Herhaal het nieuwe wachtwoord").fill("de fiets staat bij de Benring");
  await page.getByRole("button", { name: "Wachtwoord opslaan" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await logIn(page, "wim.haverkamp@demo.test", "de fiets staat bij de Benring");
  await expect(page).toHaveURL(/\/teams\/voorst$/);
});

test("security headers, and a form post from another site is refused with 403", async ({ request }) => {
  const page = await request.get("/login");
  const csp = page.headers()["content-security-policy"];
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(page.headers()["x-content-type-options"]).toBe("nosniff");
  expect(page.headers()["referrer-policy"]).toBe("same-origin");

  const forged = await request.post("/login", {
    headers: { Origin: "https://evil.example" },
    form: { email: "lid.utrecht@demo.test", password: DEMO_PASSWORD },
    maxRedirects: 0,
  });
  expect(forged.status()).toBe(403);
  const health = await request.get("/healthz");
  expect(await health.text()).toBe("ok");
});
