import type { eventRegistrations as nl } from "../nl/event-registrations";

export const eventRegistrations: Record<keyof typeof nl, string> = {
};
