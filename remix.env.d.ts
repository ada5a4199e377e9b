/// <reference types="@remix-run/dev" />
/// <reference types="@remix-run/node" />

import "@remix-run/server-runtime";
declare module "@remix-run/server-runtime" {
  interface AppLoadContext {
    /** Per-request Content-Security-Policy nonce, set by app/server.ts. */
    cspNonce?: string;
    /** The browser's address, for login throttling. */
    clientAddress?: string;
  }
}
