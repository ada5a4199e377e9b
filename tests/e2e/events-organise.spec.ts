import { expect, test } from "./test";
import { expectAccessible, logIn } from "./helpers";

test.use({ viewport: { width: 390, height: 844 } });

test("a facilitator creates an event on a phone and finds it in the team's events", async ({ page }) => {
  await logIn(page, "begeleider.voorst@demo.test");
  await page.goto("/teams/voorst/events");
  await expect(page.getByRole("heading", { level: 1, name: "Bijeenkomsten" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Twee jaar samen in Twello: wat we leerden", exact: true })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Nieuwe bijeenkomst" }).click();
  await expect(page).toHaveURL(/\/teams\/voorst\/events\/new$/);
  await expect(page.getByRole("toolbar", { name: "Opmaak" })).toBeVisible();
  await expectAccessible(page);

  // A first try with a mistake: the message stands next to the field, nothing is saved.
  await page.getByLabel("Titel").fill("Buurtavond De Benring");
  await page.locator('[name="capacity"]').fill("0");
  await page.getByRole("button", { name: "Bijeenkomst aanmaken" }).click();
  await expect(page.getByText("Vul een aantal plaatsen in tussen 1 en 10.000.")).toBeVisible();
  await expect(page.getByText("Vul ten minste één onderdeel van het programma in.")).toBeVisible();
  await expect(page.getByLabel("Titel")).toHaveValue("Buurtavond De Benring");
  await expectAccessible(page);

  await page.locator('[contenteditable="true"]').click();
  await page.keyboard.type("Bewoners en vrijwilligers vertellen wat ze samen leerden.");
  await page.getByLabel("Locatie").fill("Woonzorgcoöperatie De Benring");
  await page.getByLabel("Adres").fill("Dorpsstraat 10, 7391 AB Twello");
  await page.locator('[name="day"]').fill("2027-03-11");
  await page.locator('[name="start"]').fill("19:00");
  await page.locator('[name="end"]').fill("21:30");
  await page.locator('[name="programme[0].time"]').fill("19:00");
  await page.locator('[name="programme[0].title"]').fill("Inloop met koffie");
  await page.locator('[name="programme[1].time"]').fill("19:30");
  await page.locator('[name="programme[1].title"]').fill("Verhalen uit de buurt");
  await page.locator('[name="capacity"]').fill("40");
  await page.locator('[name="deadlineDay"]').fill("2027-03-04");
  await page.locator('[name="deadlineTime"]').fill("17:00");
  await page.getByLabel("Ja/nee-vraag 1").fill("Ik kom met de buurtbus");
  await page.getByLabel(/Vraag naar dieetwensen/).check();
  await page.getByRole("radio", { name: "Alleen het netwerk" }).check();
  await page.getByRole("button", { name: "Bijeenkomst aanmaken" }).click();

  await expect(page).toHaveURL(/\/teams\/voorst\/events\/[0-9a-f-]{36}$/);
  const organiserPath = new URL(page.url()).pathname;
  await expect(page.getByRole("status")).toContainText("De bijeenkomst is aangemaakt.");
  await expect(page.getByRole("heading", { level: 1, name: "Buurtavond De Benring" })).toBeVisible();
  await expect(page.getByText("donderdag 11 maart 2027, 19:00–21:30")).toBeVisible();
  await expect(page.getByText("Verhalen uit de buurt")).toBeVisible();
  await expect(page.getByRole("link", { name: "Aanmeldingen" })).toBeVisible();
  await expect(page.getByText("Zodra de bijeenkomst begonnen is")).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Terug naar de bijeenkomsten" }).click();
  await expect(page).toHaveURL(/\/teams\/voorst\/events$/);
  await expect(page.getByRole("heading", { level: 1, name: "Bijeenkomsten" })).toBeVisible();
  const item = page.locator("li").filter({ has: page.locator(`a[href="${organiserPath}"]`) });
  await expect(item.getByRole("link", { name: "Buurtavond De Benring", exact: true })).toHaveAttribute("href", /^\/events\/buurtavond-de-benring-[0-9a-f]{6}$/);
  await expect(item).toContainText("Plaatsen bezet: 0 van 40");
  await expect(item).toContainText("Alleen het netwerk");
  await expectAccessible(page);
});

test("the funder records a programme-wide meeting afterwards and links what was presented", async ({ page }) => {
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(new Date(Date.now() - 3 * 864e5));
  const deadline = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(new Date(Date.now() - 5 * 864e5));
  await logIn(page, "programma@demo.test");
  await page.goto("/programme/events");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Nieuwe bijeenkomst" }).click();
  await page.getByLabel("Titel").fill("Netwerkdag van alle coalities");
  await page.locator('[contenteditable="true"]').click();
  await page.keyboard.type("Vijf coalities ontmoeten elkaar.");
  await page.getByLabel("Locatie").fill("Stadhuis");
  await page.getByLabel("Adres").fill("Marktplein 1, Apeldoorn");
  await page.locator('[name="day"]').fill(day);
  await page.locator('[name="start"]').fill("13:00");
  await page.locator('[name="end"]').fill("17:00");
  await page.locator('[name="programme[0].time"]').fill("13:00");
  await page.locator('[name="programme[0].title"]').fill("Ontvangst");
  await page.locator('[name="capacity"]').fill("100");
  await page.locator('[name="deadlineDay"]').fill(deadline);
  await page.locator('[name="deadlineTime"]').fill("12:00");
  await page.getByRole("radio", { name: "Alleen het netwerk" }).check();
  await page.getByRole("button", { name: "Bijeenkomst aanmaken" }).click();

  await expect(page).toHaveURL(/\/programme\/events\/[0-9a-f-]{36}$/);
  const presented = page.getByRole("region", { name: "Wat we presenteerden" });
  await expect(presented.getByRole("group", { name: "Lessen" })).toBeVisible();
  await expectAccessible(page);
  const firstLesson = presented.getByRole("group", { name: "Lessen" }).getByRole("checkbox").first();
  await firstLesson.check();
  await presented.locator('[contenteditable="true"]').click();
  await page.keyboard.type("Tachtig mensen uit vijf dorpen en wijken.");
  await presented.getByRole("button", { name: "Opslaan" }).click();
  await expect(page.getByText("Opgeslagen wat u presenteerde.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Wat we presenteerden" }).getByRole("group", { name: "Lessen" }).getByRole("checkbox").first()).toBeChecked();
  await expectAccessible(page);
});
