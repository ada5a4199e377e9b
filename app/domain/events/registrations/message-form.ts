import { z } from "zod";

// The schema of the organisers' message to everyone registered for an event. Only the action imports it,
// so zod stays out of the browser bundle.

export const messageRecipients = ["registered", "registeredAndWaiting"] as const;
export type MessageRecipients = (typeof messageRecipients)[number];

export const eventMessageSchema = z.object({
  subject: z
    .string({ error: "error.required" })
    .trim()
    .min(1, "error.required")
    .max(150, "eventRegistrations.error.subjectLong")
    // A subject is one line: a line break would let the text spill into the mail's headers.
    .transform((subject) => subject.replace(/\s+/g, " ")),
  text: z.string({ error: "error.required" }).trim().min(1, "error.required").max(5000, "eventRegistrations.error.textLong"),
  recipients: z.enum(messageRecipients, { error: "error.choose" }),
});

export type EventMessage = z.infer<typeof eventMessageSchema>;
