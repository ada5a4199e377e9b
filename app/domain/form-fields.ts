import { z } from "zod";

// Form fields that several objects' schemas share. Like every schema module, only actions import this.

/** A calendar day as 'YYYY-MM-DD' that exists (no 31 February), within a sensible range. */
export const isoDayField = z
  .string({ error: "error.date" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "error.date")
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) && value >= "2000-01-01" && value <= "2199-12-31";
  }, "error.date");

/**
 * The intervision session a new reflection or lesson comes from. Only its participants get it linked
 * (checked when saving, see sessionToLink); anything else, malformed or not, is left unlinked.
 */
export const sessionLinkField = z.string().max(100).optional().catch(undefined);
