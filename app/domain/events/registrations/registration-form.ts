import { z } from "zod";

// The schemas of registering for an event and of changing a registration through the personal link. Only
// actions import this module, so zod stays out of the browser bundle.

const name = z.string({ error: "eventPublic.error.name" }).trim().min(1, "eventPublic.error.name").max(120, "error.tooLong.120");
const organisation = z.string().trim().max(200, "error.tooLong.200").optional();
const dietary = z.string().trim().max(500, "error.tooLong.500").optional();
/** The ids of the yes/no questions ticked; unknown ids are ignored when saving. */
const yes = z.array(z.string().max(100)).max(50).default([]);

export const registrationSchema = z.object({
  name,
  email: z
    .string({ error: "error.required" })
    .trim()
    .max(320, "error.tooLong.320")
    .pipe(z.email({ error: "error.email" })),
  organisation,
  yes,
  dietary,
  // The honeypot: people never see it, form-filling robots do. Never an error, so a robot learns nothing.
  website: z.string().optional().catch(undefined),
});
export type RegistrationInput = z.output<typeof registrationSchema>;

export const registrationChangeSchema = z.object({ name, organisation, yes, dietary });
export type RegistrationChange = z.output<typeof registrationChangeSchema>;
