import { randomFillSync } from "node:crypto";
import { readdirSync } from "node:fs";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { sql } from "kysely";
import { db, isDatabaseUnreachable } from "../../db/db.server";
import { originGuard } from "./origin-guard";
import { remixHandler } from "./remix-handler";
import { sendUnavailable } from "./unavailable";

/** The web server of one process: security headers, the Origin check, /healthz, static files, the Remix app. */
export function createApp(getBuild: () => ServerBuild, production: boolean): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", process.env.TRUST_PROXY === "1");
  app.use(compressWhenAsked());
  app.use(securityHeaders(production));
  app.use(originGuard());

  // For the load balancer: the process is up and the database answers.
  app.get("/healthz", async (_req, res) => {
    try {
      await sql`select 1`.execute(db());
      res.set("Cache-Control", "no-store").type("text/plain").send("ok");
    } catch {
      res.status(503).set("Cache-Control", "no-store").type("text/plain").send("database unreachable");
    }
  });

  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  app.use(publicFiles(production));
  app.all("*", remixHandler(getBuild, production ? "production" : getBuild().mode));

  // Anything that fails outside Remix: logged here, a plain message there, never a stack trace.
  app.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    if (isDatabaseUnreachable(error)) return sendUnavailable(res, false);
    console.error(error);
    res.status(500).type("text/plain").send("Er ging iets mis. / Something went wrong.");
  });
  return app;
}

/**
 * gzip or br for a client that accepts them. One that asks for neither (a load balancer's probe, a benchmark)
 * skips the middleware, which otherwise wraps every response's writes.
 */
function compressWhenAsked(): express.RequestHandler {
  const compress = compression();
  return (req, res, next) => {
    if (req.headers["accept-encoding"]) return compress(req, res, next);
    // As the middleware would: a shared cache keeps compressed and plain answers apart.
    res.setHeader("Vary", "Accept-Encoding");
    next();
  };
}

/**
 * The files of public/ (favicon.svg and the like). In production, where public/ does not change while the server
 * runs, only a path under one of its entries is looked for on disk: every page would otherwise cost a stat first.
 */
function publicFiles(production: boolean): express.RequestHandler {
  const serve = express.static("public", { maxAge: "1h" });
  if (!production) return serve;
  const entries = new Set(readdirSync("public"));
  return (req, res, next) => {
    const end = req.path.indexOf("/", 1);
    const first = req.path.slice(1, end === -1 ? undefined : end);
    // An encoded name (favicon%2Esvg) is left to the file server to decode.
    return entries.has(first) || first.includes("%") ? serve(req, res, next) : next();
  };
}

// Security headers on every response (DESIGN.md §8), with a fresh nonce per request. Development adds ws:
// for the live reload socket.
function securityHeaders(production: boolean): express.RequestHandler {
  const policy = (nonce: string) =>
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
    ].join("; ");
  const [before, after] = policy("\0").split("\0");
  return (_req, res, next) => {
    const nonce = freshNonce();
    res.locals.cspNonce = nonce;
    res.setHeader("Content-Security-Policy", before + nonce + after);
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "same-origin");
    res.setHeader("X-Frame-Options", "DENY");
    next();
  };
}

// Nonces are cut from a block of random bytes filled 256 nonces at a time: one call into the system's random
// source per 256 requests instead of one each. Every nonce is still 16 bytes no other request gets.
const NONCE_BYTES = 16;
const nonces = Buffer.alloc(NONCE_BYTES * 256);
let nextNonce = nonces.length;

function freshNonce(): string {
  if (nextNonce === nonces.length) {
    randomFillSync(nonces);
    nextNonce = 0;
  }
  const nonce = nonces.toString("base64", nextNonce, nextNonce + NONCE_BYTES);
  nextNonce += NONCE_BYTES;
  return nonce;
}
