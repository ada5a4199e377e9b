// Unsent text kept in this browser's localStorage, so a crash, a closed tab or a lost connection costs nothing.
// Safe to import anywhere: without a window (on the server) or with storage blocked, every call does nothing.

const PREFIX = "leernetwerk:draft:";

export type Draft = { savedAt: string; state: unknown };

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null; // storage disabled by the browser's privacy settings
  }
}

export function draftStorageKey(draftKey: string): string {
  return `${PREFIX}${draftKey}`;
}

export function readDraft(draftKey: string): Draft | null {
  try {
    const raw = storage()?.getItem(draftStorageKey(draftKey));
    if (!raw) return null;
    const value: unknown = JSON.parse(raw);
    if (typeof value !== "object" || value === null) return null;
    const { savedAt, state } = value as Record<string, unknown>;
    if (typeof savedAt !== "string" || Number.isNaN(Date.parse(savedAt))) return null;
    if (typeof state !== "object" || state === null) return null;
    return { savedAt, state };
  } catch {
    return null;
  }
}

export function saveDraft(draftKey: string, state: unknown): void {
  try {
    storage()?.setItem(draftStorageKey(draftKey), JSON.stringify({ savedAt: new Date().toISOString(), state }));
  } catch {
    // storage full or blocked: the text is still in the form
  }
}

/** Forgets the unsent draft, e.g. after the page has confirmed that the text was saved. */
export function clearDraft(draftKey: string): void {
  try {
    storage()?.removeItem(draftStorageKey(draftKey));
  } catch {
    // nothing to clear
  }
}
