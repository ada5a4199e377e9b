// The choices of the admin's retention setting, apart from its schema so the page does not bring zod along.

export const retentionChoices = ["off", "12", "24", "36"] as const;
export type RetentionMonths = 12 | 24 | 36;

export function monthsOf(choice: (typeof retentionChoices)[number]): RetentionMonths | null {
  return choice === "off" ? null : (Number(choice) as RetentionMonths);
}
