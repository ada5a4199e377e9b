import type { events as nl } from "../nl/events";

export const events: Record<keyof typeof nl, string> = {
};
