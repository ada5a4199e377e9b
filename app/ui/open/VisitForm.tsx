import type { SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { SubmitButton } from "../Button";
import { Field, FormErrors } from "../Field";
import { useT } from "../i18n";
import { controlProps, serverFields } from "../ServerFields";

/** The "kom kijken" form: checked on the server only, so it works the same without JavaScript. */
export function VisitForm({ lastResult }: { lastResult?: SubmissionResult<string[]> | null }) {
  const t = useT();
  const { field, formErrors } = serverFields("visit", lastResult);
  const organisation = field("organisation");
  const contactName = field("contactName");
  const email = field("email");
  const wishes = field("wishes");
  return (
    <Form method="post" className="stack" noValidate>
      <FormErrors errors={formErrors} />
      <Field field={organisation} label={t("open.form.organisation")} hint={t("open.form.organisationHint")}>
        <input type="text" {...controlProps(organisation, { hint: true })} autoComplete="organization" maxLength={200} />
      </Field>
      <Field field={contactName} label={t("open.form.contactName")}>
        <input type="text" {...controlProps(contactName)} autoComplete="name" maxLength={120} />
      </Field>
      <Field field={email} label={t("open.form.email")} hint={t("open.form.emailHint")}>
        <input type="email" {...controlProps(email, { hint: true })} autoComplete="email" />
      </Field>
      <Field field={wishes} label={t("open.form.wishes")} hint={t("open.form.wishesHint")}>
        <textarea {...controlProps(wishes, { hint: true })} rows={5} maxLength={2000} />
      </Field>
      {/* The honeypot: hidden from sight and from screen readers, out of the tab order, never autofilled. */}
      <div className="visually-hidden" aria-hidden="true">
        <label htmlFor="visit-website">{t("open.form.honeypot")}</label>
        <input type="text" id="visit-website" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      <div className="actions">
        <SubmitButton>{t("open.form.submit")}</SubmitButton>
      </div>
    </Form>
  );
}
