import { AsyncLocalStorage } from "node:async_hooks";

// A page is the root's, the frame's and its own loader, and each asks for the signed-in person, the team of the
// URL and the like. The server answers every page request (GET) inside a scope of its own, where such a lookup is
// made once and shared. Remix hands each loader its own Request object, so the request itself cannot be the key.
// Kept on globalThis: the server and the Remix build are two bundles and must share one scope.
const KEY = Symbol.for("leernetwerk.requestScope");
const holder = globalThis as typeof globalThis & { [KEY]?: AsyncLocalStorage<Map<string, unknown>> };

export const requestScope = (holder[KEY] ??= new AsyncLocalStorage<Map<string, unknown>>());

/** `load()` once per page request for this key; outside a request scope (scripts, tests) every call loads. */
export function oncePerRequest<T>(key: string, load: () => T): T {
  const memo = requestScope.getStore();
  if (!memo) return load();
  if (!memo.has(key)) memo.set(key, load());
  return memo.get(key) as T;
}
