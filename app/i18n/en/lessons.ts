import type { lessons as nl } from "../nl/lessons";

export const lessons: Record<keyof typeof nl, string> = {
};
