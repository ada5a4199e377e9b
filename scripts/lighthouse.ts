import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { chromiumFlags, chromiumPath } from "./chromium";

// Lighthouse (mobile, its default simulated slow 4G and CPU) on the pages the budget names, served by the
// built app on a fresh embedded demo database. Budgets: performance >= 95, accessibility 100.

const PORT = 3099;
const BASE = `http://localhost:${PORT}`;
const PERFORMANCE_BUDGET = 95;
const ACCESSIBILITY_BUDGET = 100;
async function startServer(): Promise<{ server: ChildProcess; dataDir: string }> {
  if (await fetch(`${BASE}/healthz`).then(() => true, () => false)) throw new Error(`port ${PORT} is taken: stop what runs there first`);
  const dataDir = mkdtempSync(path.join(tmpdir(), "leernetwerk-lighthouse-"));
  // Its own process group, so that stopping it stops tsx's node too.
  const server = spawn("npx", ["tsx", "app/server.ts"], {
    env: { ...process.env, PORT: String(PORT), PGLITE_DIR: dataDir, DATABASE_URL: "", SMTP_URL: "", NODE_ENV: "production" },
    stdio: "ignore",
    detached: true,
  });
  for (let i = 0; i < 240; i++) {
    const up = await fetch(`${BASE}/healthz`).then((r) => r.ok, () => false);
    if (up) return { server, dataDir };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  stop(server);
  throw new Error("the app did not start for Lighthouse");
}

function stop(server: ChildProcess) {
  if (server.pid) process.kill(-server.pid, "SIGTERM");
}

/** Signs a demo account in the way a browser does and returns its session cookie. */
async function signIn(email: string): Promise<string> {
  const response = await fetch(`${BASE}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: BASE },
    body: new URLSearchParams({ email, password: "demo-wachtwoord", redirectTo: "/" }),
  });
  const cookie = response.headers.getSetCookie().find((c) => !c.includes("Max-Age=0"));
  if (!cookie) throw new Error(`could not sign in as ${email}`);
  return cookie.split(";")[0];
}

/** The first link on a page whose path matches `pattern` (and whose words include `text`): the demo's ids differ with every seed. */
async function firstLink(pagePath: string, cookie: string, pattern: RegExp, text = ""): Promise<string> {
  const html = await fetch(`${BASE}${pagePath}`, { headers: { Cookie: cookie } }).then((r) => r.text());
  const found = [...html.matchAll(/<a [^>]*href="([^"]+)"[^>]*>(.*?)<\/a>/gs)]
    .filter((m) => m[2].includes(text))
    .map((m) => m[1])
    .find((href) => pattern.test(href));
  if (!found) throw new Error(`no link like ${pattern} on ${pagePath}`);
  return found;
}

export async function printLighthouse(): Promise<void> {
  const { server, dataDir } = await startServer();
  const chrome = await chromeLauncher.launch({ chromePath: chromiumPath, chromeFlags: ["--headless=new", ...chromiumFlags] });
  try {
    const member = await signIn("lid.apeldoorn@demo.test");
    const funder = await signIn("programma@demo.test");
    const pages = [
      { label: "the team home", path: "/teams/apeldoorn", cookie: member },
      { label: "a reflection", path: await firstLink("/teams/apeldoorn/reflections", member, /^\/teams\/apeldoorn\/reflections\/[0-9a-f-]{36}$/), cookie: member },
      {
        label: "the poll",
        path: await firstLink("/teams/apeldoorn/sessions", member, /^\/teams\/apeldoorn\/sessions\/[0-9a-f-]{36}$/, "januari"),
        cookie: member,
      },
      { label: "/programme", path: "/programme", cookie: funder },
      { label: "a public event page", path: await firstLink("/network", funder, /^\/events\/[^/]+$/), cookie: "" },
    ];
    console.log(`Lighthouse (mobile, simulated throttling); budget performance >= ${PERFORMANCE_BUDGET}, accessibility ${ACCESSIBILITY_BUDGET}:\n`);
    for (const page of pages) {
      const result = await lighthouse(
        `${BASE}${page.path}`,
        {
          port: chrome.port,
          output: "json",
          logLevel: "error",
          onlyCategories: ["performance", "accessibility"],
          extraHeaders: page.cookie ? { Cookie: page.cookie } : undefined,
        },
      );
      const categories = result?.lhr.categories;
      const performance = Math.round((categories?.performance?.score ?? 0) * 100);
      const accessibility = Math.round((categories?.accessibility?.score ?? 0) * 100);
      const within = performance >= PERFORMANCE_BUDGET && accessibility >= ACCESSIBILITY_BUDGET;
      const failing = Object.values(result?.lhr.audits ?? {})
        .filter((audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode === "binary")
        .map((audit) => audit.id);
      console.log(
        `  ${page.label.padEnd(22)} performance ${String(performance).padStart(3)}  accessibility ${String(accessibility).padStart(3)}` +
          `  ${within ? "within" : `OVER (${failing.join(", ")})`}`,
      );
    }
    console.log();
  } finally {
    chrome.kill();
    stop(server);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
