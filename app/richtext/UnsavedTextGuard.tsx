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
  const question = t("richtext.leaveUnsaved");
  // Once per blocked link: the page re-renders while the question is open, which must not ask again.
  useEffect(() => {
    if (blocker.state !== "blocked") return;
    if (window.confirm(question)) blocker.proceed();
    else blocker.reset();
  }, [blocker.state]);
  return null;
}
