import { z } from "zod";

// The admin's retention setting (/admin/retention): off, or 12, 24 or 36 months without a login.

export const retentionChoices = ["off", "12", "24", "36"] as const;
export type RetentionMonths = 12 | 24 | 36;

export const retentionSchema = z.object({
  months: z.enum(retentionChoices, { error: "audit.retention.error.choice" }),
});

export function monthsOf(choice: (typeof retentionChoices)[number]): RetentionMonths | null {
  return choice === "off" ? null : (Number(choice) as RetentionMonths);
}
