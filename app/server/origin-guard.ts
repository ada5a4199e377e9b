import type { RequestHandler } from "express";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

// A mail provider's one-click unsubscribe (RFC 8058) is a POST from its server, with no Origin and no session:
// it is let through to exactly that address. The secret token in the path is the whole permission, and all
// the request can do is switch one kind of mail off for the token's owner.
const ONE_CLICK_UNSUBSCRIBE = /^\/unsubscribe\/[A-Za-z0-9_-]+$/;

/**
 * Every state-changing request must come from our own pages: a cross-site form post, or a request that
 * does not say where it comes from at all, gets 403. Browsers send Origin with every POST.
 */
export function originGuard(publicUrl = process.env.PUBLIC_URL): RequestHandler {
  const fixed = publicUrl ? new URL(publicUrl).origin : null;
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    if (req.method === "POST" && req.get("origin") === undefined && ONE_CLICK_UNSUBSCRIBE.test(req.path)) return next();
    const expected = fixed ?? `${req.protocol}://${req.get("host")}`;
    if (req.get("origin") !== expected) {
      res.status(403).type("text/plain").send("Forbidden: this request did not come from Leernetwerk's own pages.");
      return;
    }
    next();
  };
}
