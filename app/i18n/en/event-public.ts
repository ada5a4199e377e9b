import type { eventPublic as nl } from "../nl/event-public";

export const eventPublic: Record<keyof typeof nl, string> = {
};
