// The per-item choices of the leave and delete forms: one radio group each, named "choice:<kind>:<id>"; the
// domain only acts on the person's own items, so a forged name changes nothing. Apart from the schemas in
// departure-form.ts, so the form in the browser does not bring zod along.

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
