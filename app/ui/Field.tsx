import type { ReactNode } from "react";
import { isMessageKey } from "../i18n/i18n";
import { useT } from "./i18n";

export type FieldState = { id: string; name: string; errors?: string[]; errorId: string; descriptionId: string };

/** Turns a message key (from a zod schema) into words; leaves other text as it is. */
export function useMessage() {
  const t = useT();
  return (message: string) => (isMessageKey(message) ? t(message) : message);
}

export function FieldErrors({ id, errors }: { id: string; errors?: string[] }) {
  const message = useMessage();
  if (!errors?.length) return null;
  return (
    <p className="field-error" id={id}>
      {errors.map(message).join(" ")}
    </p>
  );
}

/** A labelled field: label, the control, an optional hint and the errors, linked for screen readers. */
export function Field({
  field,
  label,
  hint,
  children,
}: {
  field: FieldState;
  label: string;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <div className={field.errors?.length ? "field field-invalid" : "field"}>
      <label htmlFor={field.id}>{label}</label>
      {hint ? (
        <p className="field-hint" id={field.descriptionId}>
          {hint}
        </p>
      ) : null}
      {children}
      <FieldErrors id={field.errorId} errors={field.errors} />
    </div>
  );
}

export function FormErrors({ errors }: { errors?: string[] }) {
  const message = useMessage();
  if (!errors?.length) return null;
  return (
    <div className="form-error" role="alert">
      {errors.map((e) => (
        <p key={e}>{message(e)}</p>
      ))}
    </div>
  );
}
