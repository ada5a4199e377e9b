import { getFormProps, useForm } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { SubmitButton } from "../Button";
import { FormErrors } from "../Field";
import { useT } from "../i18n";
import { TimeSpanFields } from "./TimeSpanFields";
import type { InvitedPage, LastResult } from "./types";

/** The facilitator moves a fixed session to another time; everyone gets the updated calendar file. */
export function RescheduleForm({ page, lastResult }: { page: InvitedPage; lastResult: LastResult }) {
  const t = useT();
  const [form, fields] = useForm({ id: "reschedule", lastResult, defaultValue: page.currentTime ?? undefined });
  return (
    <section aria-labelledby="reschedule-heading">
      <h2 id="reschedule-heading">{t("session.reschedule.title")}</h2>
      <p className="field-hint">{t("session.reschedule.hint")}</p>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="reschedule" />
        <FormErrors errors={form.errors} />
        <div className="slot-row">
          <TimeSpanFields span={fields} />
        </div>
        <div className="actions">
          <SubmitButton variant="secondary">{t("session.reschedule.submit")}</SubmitButton>
        </div>
      </Form>
    </section>
  );
}

export function CancelForm({ lastResult }: { lastResult: LastResult }) {
  const t = useT();
  const [form] = useForm({ id: "cancel", lastResult });
  return (
    <section aria-labelledby="cancel-heading">
      <h2 id="cancel-heading">{t("session.cancel.title")}</h2>
      <FormErrors errors={form.errors} />
      <details className="confirm">
        <summary>{t("session.cancel.open")}</summary>
        <Form method="post" className="stack" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="cancel" />
          <p>{t("session.cancel.confirm")}</p>
          <SubmitButton variant="danger">{t("session.cancel.submit")}</SubmitButton>
        </Form>
      </details>
    </section>
  );
}
