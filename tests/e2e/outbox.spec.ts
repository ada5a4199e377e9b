import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { startMailReceiver } from "../fixtures/smtp";
import { expectAccessible, LAPTOP, logIn, PHONE } from "./helpers";
import { expect, test } from "./test";

// With a mail server configured, every mail is sent by a job. This file runs a server of its own (the shared one
// has no mail server): its mail server is down at first, and a mail that fails is not tried again here, so the
// admin sees it failed at once and sends it again once the mail server is back.
const port = Number(process.env.E2E_PORT ?? 3100) + 1;
const dataDir = ".data/e2e-outbox";
let server: ChildProcess;
let mail: Awaited<ReturnType<typeof startMailReceiver>>;

test.use({ baseURL: `http://localhost:${port}` });

test.beforeAll(async () => {
  mail = await startMailReceiver();
  await mail.pause();
  rmSync(dataDir, { recursive: true, force: true });
  server = spawn(process.execPath, ["build/server.js"], {
    env: { PATH: process.env.PATH, NODE_ENV: "production", PORT: String(port), PGLITE_DIR: dataDir, SMTP_URL: mail.url, MAIL_RETRY_LIMIT: "0" },
    stdio: "ignore",
  });
  for (let i = 0; i < 300; i++) {
    if (await fetch(`http://localhost:${port}/healthz`).then((r) => r.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("the outbox test server did not start");
});

test.afterAll(async () => {
  server?.kill("SIGTERM");
  await mail?.stop();
});

test("the admin sees a mail that failed, with its reason, and sends it again once the mail server is back", async ({ page, browser }) => {
  const facilitator = await browser.newPage({ baseURL: `http://localhost:${port}` });
  await logIn(facilitator, "begeleider.utrecht@demo.test");
  await facilitator.goto("/teams/utrecht/members");
  await facilitator.getByLabel("E-mailadres").fill("wacht.op.post@voorbeeld.nl");
  await facilitator.getByRole("button", { name: "Uitnodiging versturen" }).click();
  await expect(facilitator.getByRole("status")).toContainText("De uitnodiging is verstuurd");
  await facilitator.close();

  await logIn(page, "admin@demo.test");
  const mailCard = page.getByRole("article").filter({ hasText: "wacht.op.post@voorbeeld.nl" });
  await expect(async () => {
    await page.goto("/admin/outbox");
    await expect(mailCard.getByText("Mislukt", { exact: true })).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 15_000 });
  await expect(mailCard).toContainText("ECONNREFUSED");
  // Once mail is really sent, its text (with the invitation link) is for the addressee alone.
  await expect(mailCard.locator("pre")).toHaveCount(0);
  await expectAccessible(page);
  for (const size of [PHONE, LAPTOP]) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `test-results/outbox-failed-${size.width}.png`, fullPage: true });
  }

  await mail.resume();
  await mailCard.getByRole("button", { name: /Opnieuw versturen/ }).click();
  await expect(page.getByRole("status")).toContainText("De e-mail wordt opnieuw verstuurd.");
  await expect(async () => {
    await page.goto("/admin/outbox");
    await expect(mailCard.getByText("Verstuurd", { exact: true })).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 15_000 });
  await expect(mailCard.getByRole("button", { name: /Opnieuw versturen/ })).toHaveCount(0);
  expect(mail.received.filter((m) => m.to.includes("wacht.op.post@voorbeeld.nl"))).toHaveLength(1);
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/outbox-sent-1280.png", fullPage: true });
});
