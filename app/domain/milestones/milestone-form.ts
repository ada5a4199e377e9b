import { z } from "zod";
import { richTextField } from "../../richtext/schema";
import { isoDayField } from "../form-fields";
import { MAX_REASON_LENGTH, milestoneStatuses, milestoneVisibilities } from "../vocabulary";

// The milestone forms' schemas, apart from milestones.server.ts so that a page can use them without
// pulling the database into the browser bundle.

const details = {
  title: z.string({ error: "error.required" }).trim().min(1, "error.required").max(200, "error.tooLong.200"),
  description: richTextField(),
  owner: z.uuid({ error: "error.choose" }).optional(),
  visibility: z.enum(milestoneVisibilities, { error: "error.choose" }),
};

/** Adding a milestone: its target date is also the planned date, which never changes afterwards. */
export const newMilestoneSchema = z.object({
  ...details,
  targetDate: isoDayField,
  reason: z.string().trim().max(MAX_REASON_LENGTH, "milestone.error.reasonTooLong").optional(),
});

/** Editing the details; the target date moves only through an "adjusted" status change with a reason. */
export const milestoneDetailsSchema = z.object(details);

const statusChangeFields = z.object({
  status: z.enum(milestoneStatuses, { error: "error.choose" }),
  reason: z
    .string({ error: "milestone.error.reasonRequired" })
    .trim()
    .min(1, "milestone.error.reasonRequired")
    .max(MAX_REASON_LENGTH, "milestone.error.reasonTooLong"),
  newTargetDate: isoDayField.optional(),
});
const adjustmentFields = statusChangeFields.pick({ status: true, newTargetDate: true });

/** A status change always says why; an adjustment also says to which date. */
export const statusChangeSchema = statusChangeFields.refine((value) => value.status !== "adjusted" || value.newTargetDate !== undefined, {
  path: ["newTargetDate"],
  message: "milestone.error.newTargetDateRequired",
  // Also when the reason is missing: the person hears about every field at once.
  when: (payload) => adjustmentFields.safeParse(payload.value).success,
});

export type NewMilestoneForm = z.infer<typeof newMilestoneSchema>;
export type MilestoneDetailsForm = z.infer<typeof milestoneDetailsSchema>;
export type StatusChangeForm = z.infer<typeof statusChangeSchema>;
