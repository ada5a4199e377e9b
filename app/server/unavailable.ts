import type { Response } from "express";

// Shown when PostgreSQL is unreachable: plain words in both languages, no stack, no database needed to render.
// Unstyled on purpose: the stylesheet's address changes with each build and the page must not depend on it.
const PAGE = `<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Even niet bereikbaar · Leernetwerk</title></head>
<body>
<main>
<h1>Leernetwerk is even niet bereikbaar</h1>
<p>We kunnen de gegevens nu niet ophalen. Probeer het over een minuut opnieuw; wat u al had opgeslagen, is niet verloren.</p>
<div lang="en">
<h2>Leernetwerk is briefly unavailable</h2>
<p>We cannot reach the data right now. Please try again in a minute; what you saved before is not lost.</p>
</div>
</main>
</body>
</html>
`;

/** Answers 503 with the page above; a browser navigating within the app gets it as a route error instead. */
export function sendUnavailable(res: Response, dataRequest: boolean): void {
  res.status(503).set("Retry-After", "30").set("Cache-Control", "no-store");
  // Remix's client turns a response marked as thrown into an error its error boundary shows with this status.
  if (dataRequest) res.set("X-Remix-Catch", "yes").json({ message: "Leernetwerk is even niet bereikbaar." });
  else res.type("html").send(PAGE);
}
