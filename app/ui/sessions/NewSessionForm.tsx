import { getCollectionProps, getFormProps, getInputProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { MAX_SESSION_SLOTS } from "../../domain/vocabulary";
import { SubmitButton } from "../Button";
import { Field, FieldErrors, FormErrors } from "../Field";
import { useT } from "../i18n";
import { methodPath } from "./SessionFacts";
import { TimeSpanFields } from "./TimeSpanFields";

type Candidate = { id: string; name: string; role: string };
/** A method as the form offers it, in the reader's language (the whole catalogue stays on the server). */
export type MethodOption = { slug: string; name: string; fitsWhen: string };
const blankRow = { date: "", start: "", end: "" };

/**
 * Scheduling an intervision: what, where, whom, and the candidate times. The times start as one row;
 * "add a time" is a Conform intent button, so without JavaScript it posts the form, which comes back with
 * one more row and everything typed kept, and with JavaScript it adds the row at once.
 */
export function NewSessionForm({
  teamSlug,
  candidates,
  methods,
  lastResult,
}: {
  teamSlug: string;
  candidates: Candidate[];
  methods: MethodOption[];
  lastResult?: SubmissionResult<string[]>;
}) {
  const t = useT();
  const [form, fields] = useForm({
    id: "new-session",
    lastResult,
    defaultValue: { title: "", method: methods[0]?.slug ?? "", place: "", videoUrl: "", invitees: [], slots: [blankRow] },
  });
  const rows = fields.slots.getFieldList();
  return (
    <Form method="post" className="stack new-session" {...getFormProps(form)}>
      <FormErrors errors={form.errors} />
      <Field field={fields.title} label={t("session.field.title")} hint={t("session.field.titleHint")}>
        <input {...getInputProps(fields.title, { type: "text", ariaDescribedBy: fields.title.descriptionId })} autoComplete="off" />
      </Field>
      <MethodChoice field={fields.method} methods={methods} />
      <fieldset className="stack">
        <legend>{t("session.field.where")}</legend>
        <p className="field-hint">{t("session.field.whereHint")}</p>
        <Field field={fields.place} label={t("session.field.place")}>
          <input {...getInputProps(fields.place, { type: "text" })} autoComplete="off" />
        </Field>
        <Field field={fields.videoUrl} label={t("session.field.videoUrl")} hint={t("session.field.videoUrlHint")}>
          <input {...getInputProps(fields.videoUrl, { type: "url", ariaDescribedBy: fields.videoUrl.descriptionId })} autoComplete="off" inputMode="url" />
        </Field>
      </fieldset>
      <fieldset aria-describedby={`${fields.invitees.descriptionId} ${fields.invitees.errorId}`}>
        <legend>{t("session.field.invitees")}</legend>
        <p className="field-hint" id={fields.invitees.descriptionId}>
          {t("session.field.inviteesHint")}
        </p>
        {candidates.length === 0 ? (
          <p className="muted">{t("session.field.inviteesNone")}</p>
        ) : (
          <div className="option-grid">
            {getCollectionProps(fields.invitees, { type: "checkbox", options: candidates.map((c) => c.id) }).map((props, index) => (
              <label className="option" key={props.key} htmlFor={props.id}>
                <input {...props} key={props.key} />
                <span>
                  {candidates[index].name}
                  {candidates[index].role === "facilitator" ? <span className="muted"> ({t("role.facilitator")})</span> : null}
                </span>
              </label>
            ))}
          </div>
        )}
        <FieldErrors id={fields.invitees.errorId} errors={fields.invitees.errors} />
      </fieldset>
      <fieldset className="stack" aria-describedby={`${fields.slots.descriptionId} ${fields.slots.errorId}`}>
        <legend>{t("session.field.slots")}</legend>
        <p className="field-hint" id={fields.slots.descriptionId}>
          {t("session.field.slotsHint", { max: MAX_SESSION_SLOTS })}
        </p>
        <FieldErrors id={fields.slots.errorId} errors={fields.slots.errors} />
        {rows.map((row, index) => {
          return (
            <fieldset key={row.key ?? index} className="slot-row">
              <legend>{t("session.field.slot", { number: index + 1 })}</legend>
              <TimeSpanFields span={row.getFieldset()} />
              {rows.length > 1 ? (
                <button className="link-button slot-remove" {...form.remove.getButtonProps({ name: fields.slots.name, index })}>
                  {t("session.field.slotRemove", { number: index + 1 })}
                </button>
              ) : null}
            </fieldset>
          );
        })}
        {rows.length < MAX_SESSION_SLOTS ? (
          <div>
            <button className="button button-secondary" {...form.insert.getButtonProps({ name: fields.slots.name, defaultValue: blankRow })}>
              {t("session.field.slotAdd")}
            </button>
          </div>
        ) : null}
      </fieldset>
      <div className="actions">
        <SubmitButton>{t("session.new.submit")}</SubmitButton>
        <Link to={`/teams/${teamSlug}/sessions`}>{t("form.cancel")}</Link>
      </div>
    </Form>
  );
}

/** The methods as choices, each with the kind of question it suits, so the facilitator picks by the question. */
function MethodChoice({ field, methods }: { field: FieldMetadata<string>; methods: MethodOption[] }) {
  const t = useT();
  const choices = getCollectionProps(field, { type: "radio", options: methods.map((method) => method.slug) });
  return (
    <fieldset aria-describedby={field.errorId} className="method-choice">
      <legend>{t("session.field.method")}</legend>
      <p className="field-hint">
        {t("session.field.methodHint")} <Link to={methodPath()}>{t("session.field.methodsAll")}</Link>
      </p>
      {choices.map((props, index) => {
        const method = methods[index];
        return (
          <div className="option method-option" key={props.key}>
            <input {...props} key={props.key} aria-describedby={`${props.id}-fits`} />
            <div>
              <label htmlFor={props.id}>{method.name}</label>
              <p className="field-hint" id={`${props.id}-fits`}>
                {t("method.fitsWhen", { question: method.fitsWhen })}
              </p>
            </div>
          </div>
        );
      })}
      <FieldErrors id={field.errorId} errors={field.errors} />
    </fieldset>
  );
}
