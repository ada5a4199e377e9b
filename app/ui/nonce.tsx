import { createContext, useContext } from "react";

// The per-request Content-Security-Policy nonce, for the few script tags Remix renders.
const NonceContext = createContext<string | undefined>(undefined);
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
