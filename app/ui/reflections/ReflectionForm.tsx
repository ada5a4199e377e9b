import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import type { Theme } from "../../domain/programme/themes.server";
import type { MentionSource } from "../../richtext/mentions";
import { RichTextField } from "../../richtext/RichTextField";
import type { RichTextState } from "../../richtext/schema";
import { SubmitButton } from "../Button";
import { Field, FormErrors } from "../Field";
import { useT } from "../i18n";
import { ThemeChoice } from "../ThemeChoice";
import { VisibilityChoice } from "../Visibility";

export type ReflectionDefaults = { title: string; body?: string; happenedOn: string; themes: string[]; visibility: string };

/** Writing and editing a reflection: the same fields, the same rules. */
export function ReflectionForm({
  learningQuestion,
  teamName,
  themes,
  defaultValue,
  body,
  draftKey,
  lastResult,
  version,
  mentions,
  children,
}: {
  teamName: string;
  themes: Theme[];
  defaultValue: ReflectionDefaults;
  body: RichTextState | null;
  draftKey: string;
  lastResult?: SubmissionResult<string[]>;
  version?: number;
  /** Where "@" finds people who can read it: the coalition, and the item once saved. */
  mentions: MentionSource;
  /** Extra fields at the top of the form, such as the session a new reflection is written from. */
  children?: ReactNode;
  /** The "Leervraag" choice (app/ui/questions/QuestionChoice). */
  learningQuestion?: ReactNode;
}) {
  const t = useT();
  const [form, fields] = useForm({ id: "reflection", lastResult, defaultValue });
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <FormErrors errors={form.errors} />
      {children}
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      <Field field={fields.title} label={t("reflection.field.title")}>
        <input {...getInputProps(fields.title, { type: "text" })} maxLength={200} />
      </Field>
      <RichTextField
        name="body"
        id={fields.body.id}
        label={t("reflection.field.body")}
        hint={t("reflection.field.bodyHint")}
        initialState={body}
        draftKey={draftKey}
        errors={fields.body.errors}
        mentions={mentions}
      />
      <Field field={fields.happenedOn} label={t("reflection.field.date")} hint={t("reflection.field.dateHint")}>
        <input {...getInputProps(fields.happenedOn, { type: "date", ariaDescribedBy: fields.happenedOn.descriptionId })} />
      </Field>
      <ThemeChoice field={fields.themes} themes={themes} />
      <VisibilityChoice
        name={fields.visibility.name}
        teamName={teamName}
        defaultValue={(fields.visibility.initialValue as string | undefined) ?? defaultValue.visibility}
        errors={fields.visibility.errors}
        errorId={fields.visibility.errorId}
      />
      {learningQuestion}
      <div className="actions">
        <SubmitButton>{t("reflection.save")}</SubmitButton>
      </div>
    </Form>
  );
}
