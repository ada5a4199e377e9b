import { getCollectionProps, getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { RoundThemeChoice } from "../../domain/agreements/round-themes.server";
import { RichTextField } from "../../richtext/RichTextField";
import type { RichTextState } from "../../richtext/schema";
import { SubmitButton } from "../Button";
import { Field, FieldErrors, FormErrors } from "../Field";
import { useT } from "../i18n";

/** Writing one article: its title, its text, and the round themes it came from. */
export function ArticleForm({
  defaultValue,
  body,
  themes,
  draftKey,
  version,
  lastResult,
}: {
  defaultValue: { title: string; sources: string[] };
  body: RichTextState | null;
  themes: RoundThemeChoice[];
  draftKey: string;
  /** Editing: the version the person started from; absent when adding. */
  version?: number;
  lastResult?: SubmissionResult<string[]>;
}) {
  const t = useT();
  const [form, fields] = useForm<{ title: string; body: string; sources: string[]; version: string }>({ id: "article", lastResult, defaultValue });
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <FormErrors errors={form.errors} />
      {version === undefined ? null : <input type="hidden" name="version" value={version} />}
      <Field field={fields.title} label={t("agreement.field.title")} hint={t("agreement.field.titleHint")}>
        <input {...getInputProps(fields.title, { type: "text", ariaDescribedBy: fields.title.descriptionId })} maxLength={200} />
      </Field>
      <RichTextField name="body" id={fields.body.id} label={t("agreement.field.body")} initialState={body} draftKey={draftKey} errors={fields.body.errors} />
      <fieldset>
        <legend>{t("agreement.field.sources")}</legend>
        <p className="field-hint">{themes.length ? t("agreement.field.sourcesHint") : t("agreement.field.noThemes")}</p>
        <div className="choice-grid">
          {getCollectionProps(fields.sources, { type: "checkbox", options: themes.map((theme) => theme.id) }).map((props, index) => (
            <label className="choice" key={props.key} htmlFor={props.id}>
              <input {...props} key={props.key} />
              <span>
                {themes[index].label} <span className="muted">({themes[index].question})</span>
              </span>
            </label>
          ))}
        </div>
        <FieldErrors id={fields.sources.errorId} errors={fields.sources.errors} />
      </fieldset>
      <div className="actions">
        <SubmitButton>{t("agreement.saveArticle")}</SubmitButton>
      </div>
    </Form>
  );
}
