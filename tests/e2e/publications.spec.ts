import { XMLParser } from "fast-xml-parser";
import { expectAccessible, logIn, PHONE } from "./helpers";
import { expect, test } from "./test";

// The programme officer writes an article and quotes a lesson Utrecht shared; publishing waits for consent;
// Utrecht's facilitator approves it on a phone under the coalition's name; the article is published and read
// without an account or JavaScript, and it is in the feed.

test("the officer quotes a shared lesson, the facilitator approves it on a phone, and the article is public", async ({ browser, page }) => {
  test.setTimeout(180_000);
  await logIn(page, "programma@demo.test");
  await page.goto("/programme");
  await page.getByRole("link", { name: "Publicaties", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Klein beginnen en volhouden" })).toBeVisible();
  await page.getByRole("link", { name: "Nieuwe publicatie" }).click();

  const title = `Vieren wat lukt ${Date.now()}`;
  await page.getByLabel("Soort").selectOption("article");
  await page.getByLabel("Titel").fill(title);
  await page.getByLabel("Samenvatting").fill("Waarom kleine stappen een buurt verder brengen.");
  const body = page.locator('[contenteditable="true"]').and(page.getByRole("textbox", { name: "Tekst", exact: true }));
  await body.click();
  await page.keyboard.type("In Utrecht groeide het burennetwerk door elke nieuwe deelnemer welkom te heten.");
  await page.getByRole("button", { name: "Opslaan", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();

  await page.getByLabel("Zoek in gedeelde lessen").fill("Begin klein");
  await page.getByRole("button", { name: "Zoek", exact: true }).click();
  const lesson = page.getByRole("listitem").filter({ hasText: "Begin klein en vier wat lukt." });
  await lesson.getByRole("button", { name: "Citeer en vraag toestemming" }).click();
  await expect(page.getByText("Het citaat is toegevoegd.")).toBeVisible();
  await page.getByRole("button", { name: "Publiceren", exact: true }).click();
  await expect(page.getByText("U kunt nog niet publiceren")).toBeVisible();
  await expectAccessible(page);
  const editPath = new URL(page.url()).pathname;

  // The facilitator follows the notification's link on a phone and lands on the coalition's quotes.
  const phoneContext = await browser.newContext({ viewport: PHONE });
  const phone = await phoneContext.newPage();
  await logIn(phone, "begeleider.utrecht@demo.test");
  await phone.goto(editPath);
  await expect(phone).toHaveURL(/\/teams\/utrecht\/quotes$/);
  const quote = phone.getByRole("article").filter({ hasText: title });
  await expect(quote).toContainText("Waarom kleine stappen een buurt verder brengen.");
  await quote.getByRole("button", { name: "Goedkeuren" }).click();
  await expect(phone.getByText("Maak een keuze.")).toBeVisible();
  await phone.getByRole("article").filter({ hasText: title }).getByRole("radio", { name: "Met de naam van de coalitie (Kracht van Zuilen)" }).check();
  await phone.getByRole("article").filter({ hasText: title }).getByRole("button", { name: "Goedkeuren" }).click();
  await expect(phone.getByText("U heeft het citaat goedgekeurd.")).toBeVisible();
  await expectAccessible(phone);
  await phoneContext.close();

  await page.goto(editPath);
  await page.getByRole("button", { name: "Publiceren", exact: true }).click();
  await expect(page.getByText("De publicatie is gepubliceerd.")).toBeVisible();
  const publicPath = await page.getByRole("link", { name: "Bekijk de openbare pagina" }).getAttribute("href");

  // Anyone, without an account or JavaScript, on a phone.
  const outsider = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
  const reader = await outsider.newPage();
  await reader.goto(publicPath!);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(title);
  const shown = reader.locator("figure.publication-quote");
  await expect(shown.locator("blockquote")).toHaveText("Begin klein en vier wat lukt.");
  await expect(shown.locator("figcaption")).toHaveText("— Kracht van Zuilen");
  await outsider.close();
  await page.goto(publicPath!);
  await expectAccessible(page);

  const feed = await page.request.get("/publications/feed.xml");
  expect(feed.headers()["content-type"]).toContain("application/atom+xml");
  const parsed = new XMLParser().parse(await feed.text());
  const titles = [parsed.feed.entry].flat().map((entry: { title: string | { "#text": string } }) => (typeof entry.title === "string" ? entry.title : entry.title["#text"]));
  expect(titles).toContain(title);
  expect(titles).toContain("Klein beginnen en volhouden");
  expect(titles).not.toContain("Wie voert het woord?");
});
