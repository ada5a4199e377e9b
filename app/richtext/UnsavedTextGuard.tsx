import { useBlocker } from "@remix-run/react";
import { useEffect } from "react";
import { useT } from "../ui/i18n";
import { hasUnsavedText } from "./unsaved";

/**
 * Asks before a link inside the app leaves a page with unsaved text. Sending a form to the page itself
 * (saving one editor while another still holds text) goes through: the other texts stay on the page.
 */
export function UnsavedTextGuard() {
  const t = useT();
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => hasUnsavedText() && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (blocker.state !== "blocked") return;
    if (window.confirm(t("richtext.leaveUnsaved"))) blocker.proceed();
    else blocker.reset();
  }, [blocker, t]);
  return null;
}
