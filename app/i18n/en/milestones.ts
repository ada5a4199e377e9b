import type { milestones as nl } from "../nl/milestones";

export const milestones: Record<keyof typeof nl, string> = {
};
