import {
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
  type SubmissionResult,
} from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import type { OrganisationKind } from "../../../db/schema";
import { organisationKinds } from "../../domain/vocabulary";
import { SubmitButton } from "../Button";
import { Field, FormErrors } from "../Field";
import { useT } from "../i18n";

export type PartnerRowValue = { partnerId?: string; name?: string; kind?: OrganisationKind; remove?: boolean };
export type CoalitionFormValue = {
  name?: string;
  slug?: string;
  place?: string;
  description?: string;
  partners: PartnerRowValue[];
};

/**
 * The coalition and its partner organisations in one plain form: existing organisations can be renamed,
 * given another kind or removed, and the blank rows add new ones. Works without JavaScript.
 */
export function CoalitionForm({
  id,
  defaultValue,
  lastResult,
  submitLabel,
}: {
  id: string;
  defaultValue: CoalitionFormValue;
  lastResult?: SubmissionResult<string[]>;
  submitLabel: string;
}) {
  const t = useT();
  const [form, fields] = useForm({ id, defaultValue, lastResult });
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <FormErrors errors={form.errors} />
      <Field field={fields.name} label={t("admin.coalition.name")}>
        <input {...getInputProps(fields.name, { type: "text" })} autoComplete="off" />
      </Field>
      <Field field={fields.slug} label={t("admin.coalition.slug")} hint={t("admin.coalition.slugHint")}>
        <input
          {...getInputProps(fields.slug, { type: "text", ariaDescribedBy: fields.slug.descriptionId })}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
        />
      </Field>
      <Field field={fields.place} label={t("admin.coalition.place")}>
        <input {...getInputProps(fields.place, { type: "text" })} autoComplete="off" />
      </Field>
      <Field
        field={fields.description}
        label={t("admin.coalition.description")}
        hint={t("admin.coalition.descriptionHint")}
      >
        <textarea {...getTextareaProps(fields.description, { ariaDescribedBy: fields.description.descriptionId })} />
      </Field>
      <fieldset className="stack" aria-describedby={fields.partners.descriptionId}>
        <legend>{t("admin.coalition.partners")}</legend>
        <p className="field-hint" id={fields.partners.descriptionId}>
          {t("admin.coalition.partnersHint")}
        </p>
        <FormErrors errors={fields.partners.errors} />
        {fields.partners.getFieldList().map((row, index) => {
          const partner = row.getFieldset();
          const existing = Boolean(partner.partnerId.initialValue);
          return (
            <fieldset key={row.key} className="partner-row">
              <legend>{t("admin.partner.legend", { number: index + 1 })}</legend>
              {existing ? <input {...getInputProps(partner.partnerId, { type: "hidden" })} /> : null}
              <Field field={partner.name} label={t("admin.partner.name")}>
                <input {...getInputProps(partner.name, { type: "text" })} autoComplete="off" />
              </Field>
              <Field field={partner.kind} label={t("admin.partner.kind")}>
                <select {...getSelectProps(partner.kind)}>
                  <option value="">{t("admin.partner.kindPlaceholder")}</option>
                  {organisationKinds.map((kind) => (
                    <option key={kind} value={kind}>
                      {t(`orgKind.${kind}`)}
                    </option>
                  ))}
                </select>
              </Field>
              {existing ? (
                <label className="choice">
                  <input {...getInputProps(partner.remove, { type: "checkbox" })} />
                  {t("admin.partner.remove")}
                </label>
              ) : null}
            </fieldset>
          );
        })}
      </fieldset>
      <div className="actions">
        <SubmitButton>{submitLabel}</SubmitButton>
        <Link to="/admin">{t("form.cancel")}</Link>
      </div>
    </Form>
  );
}
