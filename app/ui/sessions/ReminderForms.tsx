import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { sessionReminders } from "../../domain/vocabulary";
import { SubmitButton } from "../Button";
import { Field, FieldErrors, FormErrors } from "../Field";
import { useT } from "../i18n";
import type { InvitedPage, LastResult } from "./types";

/** The facilitator chooses when those coming are reminded: the day before, two hours before, or not. */
export function ReminderForm({ page, lastResult }: { page: InvitedPage; lastResult: LastResult }) {
  const t = useT();
  const [form, fields] = useForm({ id: "reminder", lastResult, defaultValue: { reminder: page.reminder ?? "day_before" } });
  return (
    <section aria-labelledby="reminder-heading">
      <h2 id="reminder-heading">{t("session.reminder.title")}</h2>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="reminder" />
        <FormErrors errors={form.errors} />
        <fieldset aria-describedby={fields.reminder.errorId} className="option-list">
          <legend>{t("session.reminder.legend")}</legend>
          <p className="field-hint">{t("session.reminder.hint")}</p>
          {sessionReminders.map((choice) => (
            <label key={choice} className="option">
              <input type="radio" name={fields.reminder.name} value={choice} defaultChecked={(page.reminder ?? "day_before") === choice} />
              <span>{t(`session.reminder.${choice}`)}</span>
            </label>
          ))}
          <FieldErrors id={fields.reminder.errorId} errors={fields.reminder.errors} />
        </fieldset>
        <div className="actions">
          <SubmitButton variant="secondary">{t("session.reminder.submit")}</SubmitButton>
        </div>
      </Form>
    </section>
  );
}

/** The case bringer's question for the others to think about beforehand; it goes into the reminder. */
export function PreparationForm({ page, lastResult }: { page: InvitedPage; lastResult: LastResult }) {
  const t = useT();
  const [form, fields] = useForm({ id: "preparation", lastResult, defaultValue: { question: page.preparationQuestion ?? "" } });
  return (
    <section aria-labelledby="preparation-heading">
      <h2 id="preparation-heading">{t("session.preparation.title")}</h2>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="preparation" />
        <FormErrors errors={form.errors} />
        <Field field={fields.question} label={t("session.preparation.label")} hint={t("session.preparation.hint")}>
          <textarea {...getTextareaProps(fields.question, { ariaDescribedBy: fields.question.descriptionId })} rows={3} />
        </Field>
        <div className="actions">
          <SubmitButton variant="secondary">{t("session.preparation.submit")}</SubmitButton>
        </div>
      </Form>
    </section>
  );
}

/** The facilitator reminds who has not answered the poll, once per poll. */
export function PollReminderForm({ page, lastResult }: { page: InvitedPage; lastResult: LastResult }) {
  const t = useT();
  const [form] = useForm({ id: "remind-poll", lastResult });
  return (
    <section aria-labelledby="poll-reminder-heading">
      <h2 id="poll-reminder-heading">{t("poll.reminder.title")}</h2>
      <FormErrors errors={form.errors} />
      {page.pollReminded ? (
        <p className="muted">{t("poll.reminder.already")}</p>
      ) : (
        <Form method="post" className="stack" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="remindPoll" />
          <p className="field-hint">{t("poll.reminder.hint")}</p>
          <div className="actions">
            <SubmitButton variant="secondary">{t("poll.reminder.submit")}</SubmitButton>
          </div>
        </Form>
      )}
    </section>
  );
}
