// Which rich-text fields on this page hold text that has not been saved. While any does, closing or
// reloading the tab asks the browser's "leave this page?" question; UnsavedTextGuard asks the same for
// links inside the app. Safe to import anywhere: without a window nothing is registered.

const unsaved = new Set<string>();

function warnBeforeUnload(event: BeforeUnloadEvent) {
  event.preventDefault();
  event.returnValue = ""; // older browsers need a value to show the question
}

/** Records whether the field `id` differs from what was last loaded or saved. */
export function markUnsaved(id: string, isUnsaved: boolean): void {
  const before = unsaved.size;
  if (isUnsaved) unsaved.add(id);
  else unsaved.delete(id);
  if (typeof window === "undefined") return;
  // Only while there is something to lose: a page with a beforeunload listener is kept out of the back/forward cache.
  if (before === 0 && unsaved.size > 0) window.addEventListener("beforeunload", warnBeforeUnload);
  if (before > 0 && unsaved.size === 0) window.removeEventListener("beforeunload", warnBeforeUnload);
}

export function hasUnsavedText(): boolean {
  return unsaved.size > 0;
}
