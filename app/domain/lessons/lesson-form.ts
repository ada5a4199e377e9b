import { z } from "zod";
import { LESSON_STATEMENT_MAX, lessonVisibilities } from "../vocabulary";
import { richTextField } from "../../richtext/schema";
import { sessionLinkField } from "../form-fields";

/** A lesson is one short insight: a sentence or two, as on a card or a slide. */

/** One schema for proposing and editing a lesson (the action parses with it; the form follows it). */
export const lessonSchema = z.object({
  statement: z
    .string({ error: "error.required" })
    .trim()
    .min(1, "error.required")
    .max(LESSON_STATEMENT_MAX, "lesson.error.statementLength"),
  explanation: richTextField({ mentions: true }),
  themes: z.array(z.string()).max(20).default([]),
  sources: z.array(z.string()).max(200, "lesson.error.source").default([]),
  // A lesson is there to be shared: with the team or the whole network, never private.
  visibility: z.enum(lessonVisibilities, { error: "error.choose" }),
});

export type LessonForm = z.infer<typeof lessonSchema>;

/** Proposing a new lesson, possibly from an intervision session (?session=): the link is checked when saving. */
export const newLessonSchema = lessonSchema.extend({ session: sessionLinkField });
