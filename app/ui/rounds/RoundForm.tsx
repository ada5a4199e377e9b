import { getCollectionProps, getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { perspectives } from "../../domain/vocabulary";
import { SubmitButton } from "../Button";
import { Field, FieldErrors, FormErrors } from "../Field";
import { useT } from "../i18n";

export type RoundFormValues = { question: string; perspectives: string[]; opensOn: string; closesOn: string; openToOutsiders: boolean };

/** Opening an input round: the question, the perspectives asked, the dates, and whether outsiders may answer. */
export function RoundForm({
  defaultValue,
  lastResult,
  cancelTo,
}: {
  defaultValue: RoundFormValues;
  lastResult?: SubmissionResult<string[]> | null;
  cancelTo: string;
}) {
  const t = useT();
  const [form, fields] = useForm({
    id: "round",
    lastResult: lastResult ?? undefined,
    defaultValue: { ...defaultValue, openToOutsiders: defaultValue.openToOutsiders ? "on" : undefined },
    shouldRevalidate: "onBlur",
  });
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <FormErrors errors={form.errors} />
      <Field field={fields.question} label={t("round.field.question")} hint={t("round.field.questionHint")}>
        <textarea {...getTextareaProps(fields.question, { ariaDescribedBy: fields.question.descriptionId })} rows={3} />
      </Field>
      <fieldset aria-describedby={fields.perspectives.errors?.length ? fields.perspectives.errorId : undefined}>
        <legend>{t("round.field.perspectives")}</legend>
        <p className="field-hint">{t("round.field.perspectivesHint")}</p>
        <div className="choice-grid">
          {getCollectionProps(fields.perspectives, { type: "checkbox", options: [...perspectives] }).map((props) => (
            <label className="choice" key={props.key} htmlFor={props.id}>
              <input {...props} key={props.key} />
              {t(`perspective.${props.value as (typeof perspectives)[number]}`)}
            </label>
          ))}
        </div>
        <FieldErrors id={fields.perspectives.errorId} errors={fields.perspectives.errors} />
      </fieldset>
      <Field field={fields.opensOn} label={t("round.field.opensOn")}>
        <input {...getInputProps(fields.opensOn, { type: "date" })} />
      </Field>
      <Field field={fields.closesOn} label={t("round.field.closesOn")} hint={t("round.field.closesOnHint")}>
        <input {...getInputProps(fields.closesOn, { type: "date", ariaDescribedBy: fields.closesOn.descriptionId })} />
      </Field>
      <div className="choice-with-hint">
        <input {...getInputProps(fields.openToOutsiders, { type: "checkbox", ariaDescribedBy: fields.openToOutsiders.descriptionId })} />
        <label htmlFor={fields.openToOutsiders.id}>{t("round.field.openToOutsiders")}</label>
        <p className="field-hint" id={fields.openToOutsiders.descriptionId}>
          {t("round.field.openToOutsidersHint")}
        </p>
      </div>
      <div className="actions">
        <SubmitButton>{t("round.new.submit")}</SubmitButton>
        <Link to={cancelTo}>{t("round.cancel")}</Link>
      </div>
    </Form>
  );
}
