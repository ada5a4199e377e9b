import type { sessions as nl } from "../nl/sessions";

export const sessions: Record<keyof typeof nl, string> = {
};
