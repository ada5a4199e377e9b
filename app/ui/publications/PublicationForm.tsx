import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { publicationKinds } from "../../domain/publications/publication-form";
import { RichTextField } from "../../richtext/RichTextField";
import type { RichTextState } from "../../richtext/schema";
import { SubmitButton } from "../Button";
import { Field, FormErrors } from "../Field";
import { useT } from "../i18n";

export type PublicationDefaults = { kind: string; title: string; summary: string; body?: string };

/** Writing and editing a publication: the same fields, the same rules. */
export function PublicationForm({
  defaultValue,
  body,
  draftKey,
  lastResult,
  version,
}: {
  defaultValue: PublicationDefaults;
  body: RichTextState | null;
  draftKey: string;
  lastResult?: SubmissionResult<string[]> | null;
  version?: number;
}) {
  const t = useT();
  const [form, fields] = useForm({ id: "publication", lastResult, defaultValue });
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <FormErrors errors={form.errors} />
      <input type="hidden" name="intent" value="save" />
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      <Field field={fields.kind} label={t("publication.field.kind")}>
        <select {...getSelectProps(fields.kind)}>
          {publicationKinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`publication.kind.${kind}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field field={fields.title} label={t("publication.field.title")} hint={t("publication.field.titleHint")}>
        <input {...getInputProps(fields.title, { type: "text", ariaDescribedBy: fields.title.descriptionId })} maxLength={200} />
      </Field>
      <Field field={fields.summary} label={t("publication.field.summary")} hint={t("publication.field.summaryHint")}>
        <textarea {...getTextareaProps(fields.summary, { ariaDescribedBy: fields.summary.descriptionId })} rows={3} maxLength={500} />
      </Field>
      <RichTextField
        name="body"
        id={fields.body.id}
        label={t("publication.field.body")}
        hint={t("publication.field.bodyHint")}
        initialState={body}
        draftKey={draftKey}
        errors={fields.body.errors}
      />
      <div className="actions">
        <SubmitButton>{t("publication.save")}</SubmitButton>
      </div>
    </Form>
  );
}
