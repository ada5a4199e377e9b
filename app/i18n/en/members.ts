import type { members as nl } from "../nl/members";

export const members: Record<keyof typeof nl, string> = {
};
