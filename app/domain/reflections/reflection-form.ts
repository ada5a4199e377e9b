import { z } from "zod";
import { todayInAmsterdam } from "../../i18n/dates";
import { richTextField } from "../../richtext/schema";
import { isoDayField, sessionLinkField } from "../form-fields";
import { visibilities } from "../vocabulary";


/** One schema for writing and editing a reflection (the action parses with it; the form follows it). */
export const reflectionSchema = z.object({
  title: z.string({ error: "error.required" }).trim().min(1, "error.required").max(200, "error.tooLong.200"),
  body: richTextField({ required: true, mentions: true }),
  happenedOn: isoDayField.refine((value) => value <= todayInAmsterdam(), "error.dateFuture"),
  themes: z.array(z.string()).max(20).default([]),
  visibility: z.enum(visibilities, { error: "error.choose" }),
});

export type ReflectionForm = z.infer<typeof reflectionSchema>;

/** Writing a new reflection, possibly from an intervision session (?session=): the link is checked when saving. */
export const newReflectionSchema = reflectionSchema.extend({ session: sessionLinkField });
