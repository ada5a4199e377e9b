import { z } from "zod";

// The leave and delete forms; their per-item choices are read by departure-choices.ts.

export const leaveSchema = z.object({
  confirm: z.literal("on", { error: "departures.confirmRequired" }),
  comments: z.enum(["keep", "delete"]).default("keep"),
});

export const deleteAccountSchema = leaveSchema.extend({
  password: z.string({ error: "error.required" }).min(1, "error.required"),
});
