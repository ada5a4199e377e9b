import { z } from "zod";

// The leave and delete forms. The per-item choices have one radio group each, named "choice:<kind>:<id>";
// the domain only acts on the person's own items, so a forged name changes nothing.

export const leaveSchema = z.object({
  confirm: z.literal("on", { error: "departures.confirmRequired" }),
  comments: z.enum(["keep", "delete"]).default("keep"),
});

export const deleteAccountSchema = leaveSchema.extend({
  password: z.string({ error: "error.required" }).min(1, "error.required"),
});

const CHOICE = /^choice:(reflection|lesson|milestone):([0-9a-f-]{36})$/i;

export function choiceName(item: { kind: string; id: string }): string {
  return `choice:${item.kind}:${item.id}`;
}

/** The radio answers, keyed "kind.id" as the domain expects. */
export function choicesFrom(formData: FormData): Map<string, "delete" | "keep"> {
  const choices = new Map<string, "delete" | "keep">();
  for (const [name, value] of formData) {
    const match = CHOICE.exec(name);
    if (match && (value === "delete" || value === "keep")) choices.set(`${match[1]}.${match[2].toLowerCase()}`, value);
  }
  return choices;
}

/** What the person had chosen, to show again when the form comes back with an error (never the password). */
export function choicesAsSent(formData: FormData): Record<string, string> {
  const sent: Record<string, string> = {};
  for (const [name, value] of formData) if (name === "comments" || CHOICE.test(name)) sent[name] = String(value);
  return sent;
}
