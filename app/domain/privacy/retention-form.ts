import { z } from "zod";

import { retentionChoices } from "./retention-choices";

// The admin's retention setting (/admin/retention): off, or 12, 24 or 36 months without a login.

export const retentionSchema = z.object({
  months: z.enum(retentionChoices, { error: "audit.retention.error.choice" }),
});
