import { defineConfig } from "@playwright/test";
import { chromiumFlags, chromiumPath } from "./scripts/chromium";

// Browser tests run against the built production server (npm test builds it first) on a fresh embedded database
// seeded with the demo programme, in Debian's Chromium: no browser downloads.
const port = Number(process.env.E2E_PORT ?? 3100);
const dataDir = ".data/e2e";

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    viewport: { width: 1280, height: 800 },
    locale: "nl-NL",
    timezoneId: "Europe/Amsterdam",
    launchOptions: {
      executablePath: chromiumPath,
      args: chromiumFlags,
    },
  },
  webServer: {
    command: `rm -rf ${dataDir} && node build/server.js`,
    url: `http://localhost:${port}/healthz`,
    env: { NODE_ENV: "production", PORT: String(port), PGLITE_DIR: dataDir, DATABASE_URL: "", SMTP_URL: "" },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
