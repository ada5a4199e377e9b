import type { intervision as nl } from "../nl/intervision";

export const intervision: Record<keyof typeof nl, string> = {
};
