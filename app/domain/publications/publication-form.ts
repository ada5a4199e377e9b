import { z } from "zod";
import { richTextField } from "../../richtext/schema";

export const publicationKinds = ["newsletter", "article"] as const;
export const quoteAttributions = ["name", "anonymous"] as const;
/** The most a coalition is asked to approve at once (the table checks it too). */
export const QUOTE_MAX = 2000;

/** One schema for writing and editing a publication (the action parses with it; the form follows it). */
export const publicationSchema = z.object({
  kind: z.enum(publicationKinds, { error: "error.choose" }),
  title: z.string({ error: "error.required" }).trim().min(1, "error.required").max(200, "error.tooLong.200"),
  summary: z.string().trim().max(500, "error.tooLong.500").default(""),
  body: richTextField({ required: true }),
});
export type PublicationInput = z.infer<typeof publicationSchema>;

/** Quoting a shared lesson: which one, and the words of it that the coalition is asked to approve. */
export const quoteSchema = z.object({
  lesson: z.string({ error: "error.required" }).trim().min(1, "error.required"),
  words: z.string({ error: "error.required" }).trim().min(1, "error.required").max(QUOTE_MAX, "error.tooLong.2000"),
});
export type QuoteInput = z.infer<typeof quoteSchema>;

/** A facilitator's answer on a quote of their coalition; approving names how the coalition is credited. */
export const quoteDecisionSchema = z
  .object({
    quote: z.string({ error: "error.required" }),
    decision: z.enum(["approve", "decline", "withdraw"], { error: "error.choose" }),
    attribution: z.enum(quoteAttributions, { error: "error.choose" }).optional(),
  })
  .refine((value) => value.decision !== "approve" || value.attribution !== undefined, {
    path: ["attribution"],
    message: "error.choose",
  });
export type QuoteDecision = z.infer<typeof quoteDecisionSchema>;
