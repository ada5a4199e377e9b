import { randomBytes } from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { sql } from "kysely";
import { db, isEmbedded, migrateToLatest } from "../db/db.server";
import { DEMO_PASSWORD, demoIsSeeded, demoLogins, seedDemo } from "../db/demo";
import { purgeEventPersonalData } from "./domain/events/event-retention.server";
import { anonymiseInactiveAccounts } from "./domain/privacy/retention.server";
import { finaliseDepartures } from "./domain/privacy/departures.server";

const port = Number(process.env.PORT ?? 3000);
const production = process.env.NODE_ENV === "production";

await migrateToLatest();
if (isEmbedded() && !(await demoIsSeeded())) await seedDemo();

// Registrants' personal data goes 90 days after an event: checked at start-up and every hour.
const purgeEvents = () => purgeEventPersonalData().catch((error) => console.error("[retention] event clean-up failed", error));
await purgeEvents();
setInterval(purgeEvents, 3600_000).unref();

// Accounts unused for longer than the admin's retention period are anonymised; with the setting off (the default)
// nothing happens. Not awaited: a first run over many accounts must not hold up serving.
const anonymiseInactive = () =>
  anonymiseInactiveAccounts().catch((error) => console.error("[retention] anonymising inactive accounts failed", error));
void anonymiseInactive();
setInterval(anonymiseInactive, 3600_000).unref();

// Leaving and account deletions become final 30 days after they were asked for.
const finalise = () => finaliseDepartures().catch((error) => console.error("[retention] finalising departures failed", error));
void finalise();
setInterval(finalise, 3600_000).unref();

const buildPath = path.resolve("build/index.js");
const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;

const app = express();
app.disable("x-powered-by");
app.set("trust proxy", process.env.TRUST_PROXY === "1");
app.use(compression());

// Security headers on every response (DESIGN.md §8), with a fresh nonce per request.
app.use((_req, res, next) => {
  const nonce = randomBytes(16).toString("base64");
  res.locals.cspNonce = nonce;
  res.setHeader(
    "Content-Security-Policy",
    [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      "style-src 'self'",
      "img-src 'self' data:",
      `connect-src 'self'${production ? "" : " ws:"}`,
      "font-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join("; "),
  );
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "same-origin");
  res.setHeader("X-Frame-Options", "DENY");
  next();
});

// Every state-changing request must come from our own pages: a cross-site form post gets 403.
app.use((req, res, next) => {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
  const origin = req.get("origin");
  const expected = process.env.PUBLIC_URL
    ? new URL(process.env.PUBLIC_URL).origin
    : `${req.protocol}://${req.get("host")}`;
  if (origin !== expected) {
    res.status(403).type("text/plain").send("Forbidden: this request did not come from Leernetwerk's own pages.");
    return;
  }
  next();
});

app.get("/healthz", async (_req, res) => {
  try {
    await sql`select 1`.execute(db());
    res.type("text/plain").send("ok");
  } catch {
    res.status(503).type("text/plain").send("database unreachable");
  }
});

app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
app.use(express.static("public", { maxAge: "1h" }));
app.all(
  "*",
  createRequestHandler({
    build,
    mode: production ? "production" : build.mode,
    getLoadContext: (req, res) => ({ cspNonce: res.locals.cspNonce as string, clientAddress: req.ip ?? "unknown" }),
  }),
);

// Anything that fails outside Remix: logged here, a plain message there, never a stack trace.
app.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
  console.error(error);
  res.status(500).type("text/plain").send("Er ging iets mis. / Something went wrong.");
});

const server = app.listen(port, async () => {
  const url = process.env.PUBLIC_URL ?? `http://localhost:${port}`;
  console.log(`\nLeernetwerk is running at ${url}`);
  console.log(isEmbedded() ? `Database: embedded PGlite in ${process.env.PGLITE_DIR || ".data/pglite"}` : "Database: PostgreSQL (DATABASE_URL)");
  if (await demoIsSeeded()) {
    console.log(`\nDemo accounts (password for all: ${DEMO_PASSWORD}):`);
    for (const email of demoLogins()) console.log(`  ${email}`);
  }
});

// Close the database cleanly on Ctrl-C or a stop signal: PGlite must flush its data folder.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    server.close();
    db()
      .destroy()
      .finally(() => process.exit(0));
  });
}
