/// <reference types="@remix-run/dev" />
/// <reference types="@remix-run/node" />

import "@remix-run/server-runtime";
declare module "@remix-run/server-runtime" {
  interface AppLoadContext {
    /** Per-request Content-Security-Policy nonce, set by app/server/http.ts. */
    cspNonce?: string;
    /** The browser's address, for login throttling. */
    clientAddress?: string;
    /** Set by entry.server's handleError when a loader or action could not reach the database: the server answers 503. */
    databaseUnreachable?: boolean;
    /** A page rendered whole by entry.server: the server writes it at once instead of reading the Response's stream. */
    document?: Buffer;
  }
}
