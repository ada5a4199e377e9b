import type { audit as nl } from "../nl/audit";

export const audit: Record<keyof typeof nl, string> = {
  "audit.title": "Audit log",
};
