import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { loadDictionary } from "./i18n/i18n";
import { areasOfThisPage } from "./ui/i18n";

// Only the page's own language is downloaded, and of it the strings this page shows, before hydration so
// the first render matches the server's.
loadDictionary(document.documentElement.lang === "en" ? "en" : "nl", areasOfThisPage()).then(() => {
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  });
});
