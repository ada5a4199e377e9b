export const milestones = {
} as const;
