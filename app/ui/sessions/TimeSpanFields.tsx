import { getInputProps, type FieldMetadata } from "@conform-to/react";
import { Field } from "../Field";
import { useT } from "../i18n";

type Span = { date: string; start: string; end: string };

/** A date with a start and an end time (on the clock in Amsterdam): a candidate time, or a new time for a session. */
export function TimeSpanFields({ span }: { span: ReturnType<FieldMetadata<Span>["getFieldset"]> }) {
  const t = useT();
  return (
    <>
      <Field field={span.date} label={t("session.field.date")}>
        <input {...getInputProps(span.date, { type: "date" })} />
      </Field>
      <Field field={span.start} label={t("session.field.start")}>
        <input {...getInputProps(span.start, { type: "time" })} />
      </Field>
      <Field field={span.end} label={t("session.field.end")}>
        <input {...getInputProps(span.end, { type: "time" })} />
      </Field>
    </>
  );
}
