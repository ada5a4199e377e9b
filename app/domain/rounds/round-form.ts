import { z } from "zod";
import { isoDayField } from "../form-fields";
import { perspectives } from "../vocabulary";

// The schemas of the input rounds' forms: opening a round, contributing (a member in the app, someone without
// an account through the round's link), grouping a contribution and choosing the editors. Only actions import
// this module, so zod stays out of the browser bundle.

export const ROUND_QUESTION_MAX = 500;
export const CONTRIBUTION_MAX = 2000;
export const ROUND_LABEL_MAX = 100;

const perspectiveChoice = z.enum(perspectives, { error: "error.choose" });

export const roundSchema = z
  .object({
    question: z.string({ error: "round.error.question" }).trim().min(1, "round.error.question").max(ROUND_QUESTION_MAX, "error.tooLong.500"),
    perspectives: z.array(perspectiveChoice, { error: "round.error.perspectives" }).min(1, "round.error.perspectives"),
    opensOn: isoDayField,
    closesOn: isoDayField,
    openToOutsiders: z.boolean().default(false),
  })
  .refine((round) => round.closesOn >= round.opensOn, {
    path: ["closesOn"],
    message: "round.error.closesBeforeOpens",
    // Also when another field is wrong: the person hears about every field at once.
    when: (payload) => typeof payload.value === "object" && payload.value !== null && isoDays(payload.value),
  });
export type RoundInput = z.output<typeof roundSchema>;

function isoDays(value: object): boolean {
  const { opensOn, closesOn } = value as { opensOn?: unknown; closesOn?: unknown };
  return isoDayField.safeParse(opensOn).success && isoDayField.safeParse(closesOn).success;
}

const body = z
  .string({ error: "round.error.body" })
  .trim()
  .min(1, "round.error.body")
  .max(CONTRIBUTION_MAX, "error.tooLong.2000");

/** A member's contribution: the perspective is their membership's. */
export const contributionSchema = z.object({ body });

/** Through the round's link: a text, an optional name, a perspective among those asked, and the honeypot. */
export const outsiderContributionSchema = z.object({
  body,
  name: z.string().trim().max(120, "error.tooLong.120").optional(),
  perspective: perspectiveChoice,
  // The honeypot: people never see it, form-filling robots do. Never an error, so a robot learns nothing.
  website: z.string().optional().catch(undefined),
});
export type OutsiderContribution = z.output<typeof outsiderContributionSchema>;

/**
 * Grouping one contribution: a group ("" for none, "theme:<id>" for a theme of the programme's list,
 * "label:<id>" for a label of the round), or a new label typed in, which wins; and whether it shapes an article.
 */
export const groupingSchema = z.object({
  contribution: z.uuid({ error: "error.choose" }),
  group: z.string().max(100).optional(),
  newLabel: z.string().trim().max(ROUND_LABEL_MAX, "error.tooLong.100").optional(),
  shapesArticle: z.boolean().default(false),
});
export type GroupingInput = z.output<typeof groupingSchema>;

export const editorsSchema = z.object({
  editors: z.array(z.uuid({ error: "error.choose" })).max(200).default([]),
});
