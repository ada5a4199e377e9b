import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { Theme } from "../../domain/programme/themes.server";
import { SubmitButton } from "../Button";
import { Field, FieldErrors, FormErrors } from "../Field";
import { useT } from "../i18n";
import { ThemeChoice } from "../ThemeChoice";

export type QuestionDefaults = { question: string; explanation: string; themes: string[]; owner: string; harvestDates: string[] };

/** Proposing, adding and editing a learning question: the same fields. Two empty date boxes for new harvest dates. */
export function QuestionForm({
  themes,
  owners,
  defaultValue,
  lastResult,
  version,
  submitLabel,
}: {
  themes: Theme[];
  owners: { id: string; name: string }[];
  defaultValue: QuestionDefaults;
  lastResult?: SubmissionResult<string[]> | null;
  /** Editing: the version the person started from. */
  version?: number;
  submitLabel: string;
}) {
  const t = useT();
  const [form, fields] = useForm({ id: "question", lastResult, defaultValue, shouldValidate: "onSubmit" });
  const dates = [...defaultValue.harvestDates, "", ""];
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <FormErrors errors={form.errors} />
      <input type="hidden" name="intent" value="save" />
      {version === undefined ? null : <input type="hidden" name="version" value={version} />}
      <Field field={fields.question} label={t("questions.field.question")} hint={t("questions.field.questionHint")}>
        <input {...getInputProps(fields.question, { type: "text", ariaDescribedBy: fields.question.descriptionId })} maxLength={300} />
      </Field>
      <Field field={fields.explanation} label={t("questions.field.explanation")} hint={t("questions.field.explanationHint")}>
        <textarea {...getTextareaProps(fields.explanation, { ariaDescribedBy: fields.explanation.descriptionId })} rows={3} maxLength={2000} />
      </Field>
      <ThemeChoice field={fields.themes} themes={themes} />
      <Field field={fields.owner} label={t("questions.field.owner")} hint={t("questions.field.ownerHint")}>
        <select {...getSelectProps(fields.owner, { ariaDescribedBy: fields.owner.descriptionId })}>
          <option value="">{t("questions.field.noOwner")}</option>
          {owners.map((owner) => (
            <option key={owner.id} value={owner.id}>
              {owner.name}
            </option>
          ))}
        </select>
      </Field>
      <fieldset className={fields.harvestDates.errors?.length ? "field field-invalid" : "field"} aria-describedby={fields.harvestDates.errorId}>
        <legend>{t("questions.field.harvestDates")}</legend>
        <p className="field-hint">{t("questions.field.harvestDatesHint")}</p>
        {dates.map((day, index) => (
          <div className="field" key={`${index}-${day}`}>
            <label htmlFor={`harvest-date-${index}`}>{t("questions.field.harvestDate", { n: index + 1 })}</label>
            <input id={`harvest-date-${index}`} type="date" name="harvestDates" defaultValue={day} />
          </div>
        ))}
        <FieldErrors id={fields.harvestDates.errorId} errors={fields.harvestDates.errors} />
      </fieldset>
      <div className="actions">
        <SubmitButton>{submitLabel}</SubmitButton>
      </div>
    </Form>
  );
}
