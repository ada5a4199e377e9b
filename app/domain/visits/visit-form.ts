import { z } from "zod";

// The forms of a visit request: the outsider's request from /open, and the facilitator's answer. Only actions
// import this module, so zod stays out of the browser bundle.

const text = (max: 120 | 200 | 2000, required: "open.error.organisation" | "open.error.contactName" | "open.error.wishes") =>
  z.string({ error: required }).trim().min(1, required).max(max, `error.tooLong.${max}`);

export const visitRequestSchema = z.object({
  organisation: text(200, "open.error.organisation"),
  contactName: text(120, "open.error.contactName"),
  email: z
    .string({ error: "error.required" })
    .trim()
    .max(320, "error.tooLong.320")
    .pipe(z.email({ error: "error.email" })),
  wishes: text(2000, "open.error.wishes"),
  // The honeypot: people never see it, form-filling robots do. Never an error, so a robot learns nothing.
  website: z.string().optional().catch(undefined),
});
export type VisitRequestInput = z.output<typeof visitRequestSchema>;

export const visitAnswerSchema = z.object({
  requestId: z.string({ error: "visits.error.request" }).max(100),
  answer: z.string({ error: "visits.error.answer" }).trim().min(1, "visits.error.answer").max(2000, "error.tooLong.2000"),
});
export type VisitAnswerInput = z.output<typeof visitAnswerSchema>;
