import { z } from "zod";
import { todayInAmsterdam } from "../i18n/dates";
import { richTextField } from "../richtext/schema";
import { visibilities } from "./vocabulary";


const isoDay = z
  .string({ error: "error.date" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "error.date")
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), "error.date");

/** One schema for writing and editing a reflection (the action parses with it; the form follows it). */
export const reflectionSchema = z.object({
  title: z.string({ error: "error.required" }).trim().min(1, "error.required").max(200, "error.tooLong"),
  body: richTextField({ required: true }),
  happenedOn: isoDay.refine((value) => value <= todayInAmsterdam(), "error.dateFuture"),
  themes: z.array(z.string()).max(20).default([]),
  visibility: z.enum(visibilities, { error: "error.choose" }),
});

export type ReflectionForm = z.infer<typeof reflectionSchema>;
