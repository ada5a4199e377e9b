export const intervision = {
} as const;
