import type { RequestHandler } from "express";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Every state-changing request must come from our own pages: a cross-site form post, or a request that
 * does not say where it comes from at all, gets 403. Browsers send Origin with every POST.
 */
export function originGuard(publicUrl = process.env.PUBLIC_URL): RequestHandler {
  const fixed = publicUrl ? new URL(publicUrl).origin : null;
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const expected = fixed ?? `${req.protocol}://${req.get("host")}`;
    if (req.get("origin") !== expected) {
      res.status(403).type("text/plain").send("Forbidden: this request did not come from Leernetwerk's own pages.");
      return;
    }
    next();
  };
}
