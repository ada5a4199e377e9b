import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { SubmitButton } from "../Button";
import { Field, FormErrors, useMessage } from "../Field";
import { useT } from "../i18n";

/**
 * Signing: name, function and date, and a tick that one has read the whole text above. `outsider` says "je"
 * (the signing link is a public page), otherwise the page says "u".
 */
export function SignatureForm({
  versionNumber,
  defaultName,
  today,
  lastResult,
  outsider = false,
}: {
  versionNumber: number;
  defaultName: string;
  today: string;
  lastResult?: SubmissionResult<string[]>;
  outsider?: boolean;
}) {
  const t = useT();
  const message = useMessage();
  const [form, fields] = useForm<{ name: string; function: string; signedOn: string; read: string; version: string }>({ id: "signature", lastResult, defaultValue: { name: defaultName, signedOn: today } });
  const words = outsider ? "agreement.sign.je" : "agreement.sign.u";
  return (
    <Form method="post" className="stack card" {...getFormProps(form)}>
      <FormErrors errors={form.errors} />
      <input type="hidden" name="intent" value="sign" />
      <input type="hidden" name="version" value={versionNumber} />
      <Field field={fields.name} label={t("agreement.sign.name")}>
        <input {...getInputProps(fields.name, { type: "text" })} autoComplete="name" maxLength={200} />
      </Field>
      <Field field={fields.function} label={t("agreement.sign.function")} hint={t("agreement.sign.functionHint")}>
        <input {...getInputProps(fields.function, { type: "text", ariaDescribedBy: fields.function.descriptionId })} autoComplete="organization-title" maxLength={200} />
      </Field>
      <Field field={fields.signedOn} label={t("agreement.sign.date")}>
        <input {...getInputProps(fields.signedOn, { type: "date" })} />
      </Field>
      <div className={fields.read.errors?.length ? "field field-invalid" : "field"}>
        <label className="choice">
          <input type="checkbox" name={fields.read.name} value="yes" aria-invalid={fields.read.errors?.length ? true : undefined} aria-describedby={fields.read.errors?.length ? fields.read.errorId : undefined} />{" "}
          {t(`${words}.read`, { number: versionNumber })}
        </label>
        {fields.read.errors?.length ? (
          <p className="field-error" id={fields.read.errorId}>
            {fields.read.errors.map(message).join(" ")}
          </p>
        ) : null}
      </div>
      <div className="actions">
        <SubmitButton>{t(`${words}.submit`)}</SubmitButton>
      </div>
    </Form>
  );
}
