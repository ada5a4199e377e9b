import type { readers as nl } from "../nl/readers";

export const readers: Record<keyof typeof nl, string> = {
  "readers.toggle": "Who can read this?",
};
