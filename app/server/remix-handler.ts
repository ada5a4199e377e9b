import type { AppLoadContext, ServerBuild } from "@remix-run/node";
import type { Request as ExpressRequest, RequestHandler, Response as ExpressResponse } from "express";
import { requestScope } from "../auth/request-scope.server";
import { matchThroughExports } from "../route-matches.server";
import { sendUnavailable } from "./unavailable";

// Before Remix's router is first loaded (hence the import below, not at the top): its page handler then uses
// the cached route matching of route-matches.server.ts.
matchThroughExports();
const { createReadableStreamFromReadable, createRequestHandler, writeReadableStreamToWritable } = await import("@remix-run/node");

/**
 * Serves the Remix build from Express, like @remix-run/express, with one addition: a request whose loader or
 * action could not reach the database (entry.server's handleError marks the context) is answered 503 with a
 * plain page, instead of a 500 error page.
 */
export function remixHandler(getBuild: () => ServerBuild, mode: string): RequestHandler {
  let build = getBuild();
  let handle = createRequestHandler(build, mode);
  return async (req, res, next) => {
    try {
      if (getBuild() !== build) handle = createRequestHandler((build = getBuild()), mode);
      const context: AppLoadContext = { cspNonce: res.locals.cspNonce as string, clientAddress: req.ip ?? "unknown" };
      const request = fetchRequest(req, res);
      // A page's loaders share their lookups (the signed-in person, the team) in one scope; an action's request
      // gets none, so that loaders after an action see what it changed.
      const pageRequest = req.method === "GET" || req.method === "HEAD";
      const response = await (pageRequest ? requestScope.run(new Map(), () => handle(request, context)) : handle(request, context));
      if (context.databaseUnreachable) {
        await response.body?.cancel();
        sendUnavailable(res, new URL(req.originalUrl, "http://x").searchParams.has("_data"));
        return;
      }
      res.statusMessage = response.statusText;
      res.status(response.status);
      for (const [key, value] of response.headers) res.append(key, value);
      // A page rendered whole (entry.server) goes out in one write, not through the Response's stream.
      if (context.document && response.body) res.end(context.document);
      else if (response.body) await writeReadableStreamToWritable(response.body, res);
      else res.end();
    } catch (error) {
      next(error);
    }
  };
}

function fetchRequest(req: ExpressRequest, res: ExpressResponse): Request {
  const url = `${req.protocol}://${req.get("host")}${req.originalUrl}`;
  const headers = new Headers();
  for (const [key, values] of Object.entries(req.headers)) {
    for (const value of Array.isArray(values) ? values : values ? [values] : []) headers.append(key, value);
  }
  // Loaders and actions stop when the browser goes away before the answer is written.
  const controller = new AbortController();
  res.on("close", () => res.writableFinished || controller.abort());
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new Request(url, {
    method: req.method,
    headers,
    signal: controller.signal,
    ...(hasBody && { body: createReadableStreamFromReadable(req), duplex: "half" }),
  } as RequestInit);
}
