// Network events (issue 7).
export const eventPublic = {
};
