import yauzl from "yauzl";
import { expect, test } from "./test";
import { DEMO_PASSWORD, expectAccessible, linkFromOutbox, logIn } from "./helpers";

// Issue 8: a member takes everything the network holds about them, then deletes the account, and finds the
// way back in the e-mail. Daan Hoekstra is used by no other browser test; the walk ends with his account restored.
const EMAIL = "daan.hoekstra@demo.test";

function zipEntries(file: string): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const entries = new Map<string, string>();
      zip.on("entry", (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on("data", (chunk: Buffer) => chunks.push(chunk));
          stream.on("end", () => {
            entries.set(entry.fileName, Buffer.concat(chunks).toString("utf8"));
            zip.readEntry();
          });
        });
      });
      zip.on("end", () => resolve(entries));
      zip.readEntry();
    });
  });
}

test("a member downloads their data as a ZIP, deletes the account and restores it from the e-mail", async ({ page, browser }) => {
  test.slow();
  await logIn(page, EMAIL);
  await page.goto("/settings");
  await page.getByRole("link", { name: "Mijn gegevens downloaden" }).click();
  await expect(page).toHaveURL(/\/settings\/data$/);
  await expect(page.getByRole("heading", { level: 1, name: "Mijn gegevens" })).toBeVisible();
  await expectAccessible(page);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download mijn gegevens (ZIP)" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^leernetwerk-gegevens-\d{4}-\d{2}-\d{2}\.zip$/);
  const entries = await zipEntries((await download.path())!);
  expect(JSON.parse(entries.get("profile.json")!)).toMatchObject({ name: "Daan Hoekstra", email: EMAIL });
  expect(entries.has("index.html")).toBe(true);

  await page.getByRole("link", { name: "Mijn account verwijderen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Account verwijderen" })).toBeVisible();
  await expectAccessible(page);

  // Without the password and the tick nothing happens, and the page says why next to each field.
  await page.getByRole("button", { name: "Account verwijderen" }).click();
  await expect(page.getByText("Vink dit aan om door te gaan.")).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Uw wachtwoord, ter bevestiging").fill(DEMO_PASSWORD);
  await page.getByLabel("Ik wil mijn account verwijderen").check();
  await page.getByRole("button", { name: "Account verwijderen" }).click();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("status")).toContainText("Uw account is verwijderd");
  await expectAccessible(page);

  // Signing in no longer works.
  await page.getByLabel("E-mailadres").fill(EMAIL);
  await page.getByLabel("Wachtwoord", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page.getByRole("alert")).toBeVisible();

  // The way back: the link in the e-mail.
  await page.goto(await linkFromOutbox(browser, EMAIL, "/account/restore/"));
  await expect(page.getByRole("heading", { level: 1, name: "Account terugzetten" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Mijn account terugzetten" }).click();
  await expect(page.getByRole("status")).toContainText("Uw account is terug");
  await logIn(page, EMAIL);
  await expect(page).toHaveURL(/\/teams\/wageningen$/);
});
