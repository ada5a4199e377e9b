import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { loadDictionary } from "./i18n/i18n";

// Only the page's own language is downloaded, before hydration so the first render matches the server's.
loadDictionary(document.documentElement.lang === "en" ? "en" : "nl").then(() => {
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  });
});
