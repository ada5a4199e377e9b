import type { digest as nl } from "../nl/digest";

export const digest: Record<keyof typeof nl, string> = {
  "digest.nav": "Programme digest",
};
