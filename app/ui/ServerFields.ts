import type { SubmissionResult } from "@conform-to/react";
import type { FieldState } from "./Field";

// The forms on reading pages (a comment, a milestone's status change) validate on the server only: their
// action answers with Conform's submission reply, and this turns it into field ids, errors and the values
// typed, without shipping the form library to a page that is mostly read (DESIGN.md §7, 120 KB).

export type ServerField = FieldState & { defaultValue?: string };

export function serverFields(formId: string, lastResult: SubmissionResult<string[]> | undefined | null) {
  const errors = lastResult?.error ?? {};
  const values = (lastResult?.initialValue ?? {}) as Record<string, unknown>;
  const field = (name: string): ServerField => {
    const id = `${formId}-${name}`;
    const value = values[name];
    return {
      id,
      name,
      errors: errors[name] ?? undefined,
      errorId: `${id}-error`,
      descriptionId: `${id}-description`,
      defaultValue: typeof value === "string" ? value : undefined,
    };
  };
  return { field, formErrors: errors[""] ?? undefined };
}

/** The attributes of a control for a server-checked field: linked to its label, hint and error. */
export function controlProps(field: ServerField, options: { hint?: boolean } = {}) {
  const invalid = Boolean(field.errors?.length);
  const describedBy = [options.hint ? field.descriptionId : null, invalid ? field.errorId : null].filter(Boolean).join(" ");
  return {
    id: field.id,
    name: field.name,
    defaultValue: field.defaultValue,
    "aria-invalid": invalid || undefined,
    "aria-describedby": describedBy || undefined,
  };
}
