import { randomBytes } from "node:crypto";
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
  app.use(compression());
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
  app.use(express.static("public", { maxAge: "1h" }));
  app.all("*", remixHandler(getBuild, production ? "production" : getBuild().mode));

  // Anything that fails outside Remix: logged here, a plain message there, never a stack trace.
  app.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    if (isDatabaseUnreachable(error)) return sendUnavailable(res, false);
    console.error(error);
    res.status(500).type("text/plain").send("Er ging iets mis. / Something went wrong.");
  });
  return app;
}

// Security headers on every response (DESIGN.md §8), with a fresh nonce per request. Development adds ws:
// for the live reload socket.
function securityHeaders(production: boolean): express.RequestHandler {
  return (_req, res, next) => {
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
  };
}
