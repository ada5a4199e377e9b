import { PassThrough } from "node:stream";
import { createReadableStreamFromReadable, type AppLoadContext, type EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
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
  const waitForAll = isbot(request.headers.get("user-agent") ?? "");
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <AreasShown.Provider value={new Set()}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </AreasShown.Provider>
      </NonceProvider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
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
      },
    );
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
  if (request.signal.aborted) return;
  console.error(error);
}
