import { PassThrough } from "node:stream";
import { createReadableStreamFromReadable, type AppLoadContext, type EntryContext } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream, renderToString } from "react-dom/server";
import { isDatabaseUnreachable } from "../db/db.server";
import { registerAllDictionaries } from "./i18n/dictionaries.server";
import { cacheRouteMatching } from "./route-matches.server";
import { AreasShown } from "./ui/i18n";
import { NonceProvider } from "./ui/nonce";

registerAllDictionaries();
cacheRouteMatching();

const ABORT_DELAY = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce;
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  const page = (
    <NonceProvider value={nonce}>
      <AreasShown.Provider value={new Set()}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </AreasShown.Provider>
    </NonceProvider>
  );
  // A page without deferred data has nothing to wait for: it is rendered whole in one synchronous call (a third
  // of the CPU of React's stream for the same HTML) and written at once.
  const deferred = Object.keys(remixContext.staticHandlerContext.activeDeferreds ?? {}).length > 0;
  if (!deferred) {
    const document = Buffer.from(`<!DOCTYPE html>${renderToString(page)}`);
    loadContext.document = document;
    responseHeaders.set("Content-Length", String(document.length));
    return new Response(document, { headers: responseHeaders, status: responseStatusCode });
  }
  // One that defers streams its shell first for people; a crawler gets it when all has arrived.
  const forCrawler = isbot(request.headers.get("user-agent") ?? "");
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const body = new PassThrough();
    const { pipe, abort } = renderToPipeableStream(page, {
      nonce,
      onShellReady() {
        shellRendered = true;
        if (forCrawler) return;
        resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
        pipe(body);
      },
      onAllReady() {
        if (!forCrawler) return;
        resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
        pipe(body);
      },
      onShellError(error: unknown) {
        reject(error);
      },
      onError(error: unknown) {
        responseStatusCode = 500;
        if (shellRendered) console.error(error);
      },
    });
    setTimeout(abort, ABORT_DELAY);
  });
}

// Errors are logged on the server, never sent to the browser with their stack. An unreachable database is
// one line in the log (it is not a bug) and makes the server answer 503 (app/server/remix-handler.ts).
export function handleError(error: unknown, { request, context }: { request: Request; context: AppLoadContext }) {
  if (isDatabaseUnreachable(error)) {
    context.databaseUnreachable = true;
    console.warn(`[database] unreachable during ${request.method} ${new URL(request.url).pathname}: ${(error as Error).message}`);
    return;
  }
  // An address that matches no page (a browser asking for /favicon.ico) is answered 404, not a fault to log.
  if (request.signal.aborted || (isRouteErrorResponse(error) && error.status === 404)) return;
  console.error(error);
}
