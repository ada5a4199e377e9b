import { z } from "zod";
import { richTextField } from "../../../richtext/schema";
import { isoDayField } from "../../form-fields";
import { EVALUATION_COMMENT_MAX, SESSION_ACTION_MAX } from "../../vocabulary";

// The schemas of the notes page, one per form (each form sends its `intent`). Only the action imports
// this module, so zod stays out of the browser bundle.

const version = z.coerce.number({ error: "richtext.invalid" }).int().min(0).max(1_000_000);

export const noteSchema = z.object({
  phase: z.coerce.number({ error: "richtext.invalid" }).int().min(0).max(100),
  version,
  // Emptying a phase's notes is allowed: the text may have moved to the take-away or been wrong.
  body: richTextField(),
});

export const takeawaySchema = z.object({ version, takeaway: richTextField() });

export const actionSchema = z.object({
  owner: z.string({ error: "error.choose" }).max(100),
  what: z.string({ error: "error.required" }).trim().min(1, "error.required").max(SESSION_ACTION_MAX, "error.tooLong"),
  dueOn: isoDayField.optional(),
});

export const actionDoneSchema = z.object({
  actionId: z.string({ error: "error.required" }).max(100),
  done: z.enum(["true", "false"]),
});

const scoreMessage = "notes.evaluation.error.score";

export const evaluationSchema = z.object({
  score: z.coerce.number({ error: scoreMessage }).int(scoreMessage).min(1, scoreMessage).max(5, scoreMessage),
  comment: z
    .string({ error: "notes.evaluation.error.comment" })
    .trim()
    .min(1, "notes.evaluation.error.comment")
    .max(EVALUATION_COMMENT_MAX, "error.tooLong"),
});
