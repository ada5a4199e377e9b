import { PassThrough, Writable } from "node:stream";
import { createReadableStreamFromReadable, type AppLoadContext, type EntryContext } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
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
  // A page that defers data streams its shell first, for people (a crawler waits for everything). Every other
  // page is rendered whole and written at once: React's stream would send it in dozens of small writes.
  const deferred = Object.keys(remixContext.staticHandlerContext.activeDeferreds ?? {}).length > 0;
  const stream = deferred && !isbot(request.headers.get("user-agent") ?? "");
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    let timer: NodeJS.Timeout | undefined;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <AreasShown.Provider value={new Set()}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </AreasShown.Provider>
      </NonceProvider>,
      {
        nonce,
        onShellReady() {
          shellRendered = true;
          if (!stream) return;
          const body = new PassThrough();
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onAllReady() {
          if (stream) return;
          const chunks: Buffer[] = [];
          const body = new Writable({
            write(chunk: Buffer, _encoding, done) {
              chunks.push(chunk);
              done();
            },
            final(done) {
              const document = Buffer.concat(chunks);
              loadContext.document = document;
              responseHeaders.set("Content-Length", String(document.length));
              resolve(new Response(document, { headers: responseHeaders, status: responseStatusCode }));
              clearTimeout(timer);
              done();
            },
          });
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
    timer = setTimeout(abort, ABORT_DELAY);
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
