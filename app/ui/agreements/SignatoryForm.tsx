import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import type { SerializeFrom } from "@remix-run/node";
import { Form } from "@remix-run/react";
import type { SignatoryView } from "../../domain/agreements/agreements.server";
import { formatDate, formatDay } from "../../i18n/dates";
import { SubmitButton } from "../Button";
import { Field, FieldErrors, FormErrors } from "../Field";
import { useLocale, useT } from "../i18n";

/**
 * One partner organisation: who signs for it (a member, or someone without an account who gets a link by mail),
 * and how far they are. Once the organisation signed, there is nothing left to change.
 */
export function SignatoryForm({
  signatory,
  members,
  lastResult,
}: {
  signatory: SerializeFrom<SignatoryView>;
  members: { id: string; name: string }[];
  lastResult?: SubmissionResult<string[]>;
}) {
  const t = useT();
  const locale = useLocale();
  const id = `signatory-${signatory.organisationId}`;
  const [form, fields] = useForm({
    id,
    lastResult,
    defaultValue: {
      who: signatory.email ? "outsider" : "member",
      person: signatory.personId ?? "",
      name: signatory.personId ? "" : (signatory.name ?? ""),
      email: signatory.email ?? "",
    },
  });
  const heading = <h2 id={`${id}-heading`}>{signatory.organisationName}</h2>;
  if (signatory.signature) {
    return (
      <section aria-labelledby={`${id}-heading`}>
        {heading}
        <p>
          {t("agreement.signedBy", {
            name: signatory.signature.name || t("agreement.nameErased"),
            function: signatory.signature.function,
            date: formatDay(signatory.signature.signedOn, locale),
          })}
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby={`${id}-heading`}>
      {heading}
      <p className="meta">
        {signatory.name
          ? signatory.linkExpiresAt
            ? t("agreement.linkSent", { name: signatory.name, date: formatDate(signatory.linkExpiresAt, locale) })
            : t("agreement.waitingFor", { name: signatory.name })
          : t("agreement.nobodyNamed")}
      </p>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <input type="hidden" name="organisation" value={signatory.organisationId} />
        <fieldset>
          <legend>{t("agreement.who")}</legend>
          <label className="choice">
            <input type="radio" name={fields.who.name} value="member" defaultChecked={fields.who.initialValue === "member"} />
            {t("agreement.who.member")}
          </label>
          <label className="choice">
            <input type="radio" name={fields.who.name} value="outsider" defaultChecked={fields.who.initialValue === "outsider"} />
            {t("agreement.who.outsider")}
          </label>
          <FieldErrors id={fields.who.errorId} errors={fields.who.errors} />
        </fieldset>
        <Field field={fields.person} label={t("agreement.field.member")}>
          <select {...getSelectProps(fields.person)}>
            <option value="">{t("agreement.field.chooseMember")}</option>
            {members.map((member) => (
              <option key={member.id} value={member.id}>
                {member.name}
              </option>
            ))}
          </select>
        </Field>
        <Field field={fields.name} label={t("agreement.field.outsiderName")} hint={t("agreement.field.outsiderHint")}>
          <input {...getInputProps(fields.name, { type: "text", ariaDescribedBy: fields.name.descriptionId })} maxLength={200} autoComplete="off" />
        </Field>
        <Field field={fields.email} label={t("agreement.field.email")}>
          <input {...getInputProps(fields.email, { type: "email" })} maxLength={254} autoComplete="off" />
        </Field>
        <div className="actions">
          <SubmitButton>{signatory.name ? t("agreement.nameAgain") : t("agreement.name")}</SubmitButton>
        </div>
      </Form>
    </section>
  );
}
