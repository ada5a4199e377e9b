import { z } from "zod";
import { isoDayField } from "../form-fields";

// The learning question forms' schemas, apart from the server module so that a page can use them without
// pulling the database into the browser bundle.

/** The most questions a coalition keeps on its agenda at once. */
export const MAX_ACTIVE_QUESTIONS = 7;

/** Empty date boxes (undefined once Conform has read the form) are simply not filled in; the rest must be real days. */
const harvestDatesField = z
  .array(z.string().optional())
  .max(12)
  .default([])
  .transform((values) => values.map((value) => (value ?? "").trim()).filter((value) => value !== ""))
  // One message for the whole list, on the list: the boxes have no names of their own.
  .refine((values) => values.every((value) => isoDayField.safeParse(value).success), "error.date");

/** Proposing, adding and editing a question: the same fields. */
export const questionSchema = z.object({
  question: z.string({ error: "error.required" }).trim().min(1, "error.required").max(300, "error.tooLong.300"),
  explanation: z.string().trim().max(2000, "error.tooLong.2000").default(""),
  themes: z.array(z.string()).max(20).default([]),
  owner: z.uuid({ error: "error.choose" }).optional(),
  harvestDates: harvestDatesField,
});

export type QuestionForm = z.infer<typeof questionSchema>;

/** The buttons on the list: take a proposal on the agenda, archive, move up or down. */
export const questionStepSchema = z.object({
  intent: z.enum(["activate", "archive", "up", "down"]),
  id: z.string().max(100),
  version: z.coerce.number().int(),
});
