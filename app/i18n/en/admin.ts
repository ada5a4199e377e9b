import type { admin as nl } from "../nl/admin";

export const admin: Record<keyof typeof nl, string> = {
};
