import { getCollectionProps, getFormProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { LESSON_STATEMENT_MAX, lessonVisibilities } from "../../domain/vocabulary";
import type { Theme } from "../../domain/programme/themes.server";
import { formatDay } from "../../i18n/dates";
import type { MentionSource } from "../../richtext/mentions";
import { RichTextField } from "../../richtext/RichTextField";
import type { RichTextState } from "../../richtext/schema";
import { SubmitButton } from "../Button";
import { Field, FieldErrors, FormErrors } from "../Field";
import { useLocale, useT } from "../i18n";
import { ThemeChoice } from "../ThemeChoice";
import { VisibilityChoice } from "../Visibility";


export type LessonDefaults = { statement: string; explanation?: string; themes: string[]; sources: string[]; visibility: string };
export type SourceChoice = { id: string; title: string; happenedOn: string };

/** Proposing and editing a lesson: the same fields, the same rules. */
export function LessonForm({
  learningQuestion,
  teamName,
  themes,
  sources,
  defaultValue,
  explanation,
  draftKey,
  lastResult,
  version,
  mentions,
  children,
}: {
  teamName: string;
  themes: Theme[];
  sources: SourceChoice[];
  defaultValue: LessonDefaults;
  explanation: RichTextState | null;
  draftKey: string;
  lastResult?: SubmissionResult<string[]>;
  version?: number;
  /** Where "@" finds people who can read it: the coalition, and the item once saved. */
  mentions: MentionSource;
  /** Extra fields at the top of the form, such as the session a new lesson is written from. */
  children?: ReactNode;
  /** The "Leervraag" choice (app/ui/questions/QuestionChoice). */
  learningQuestion?: ReactNode;
}) {
  const t = useT();
  const locale = useLocale();
  const [form, fields] = useForm({ id: "lesson", lastResult, defaultValue });
  const sourceBoxes = getCollectionProps(fields.sources, { type: "checkbox", options: sources.map((source) => source.id) });
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <FormErrors errors={form.errors} />
      {children}
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      <Field field={fields.statement} label={t("lesson.field.statement")} hint={t("lesson.field.statementHint")}>
        <textarea
          {...getTextareaProps(fields.statement, { ariaDescribedBy: fields.statement.descriptionId })}
          rows={3}
          maxLength={LESSON_STATEMENT_MAX}
        />
      </Field>
      <RichTextField
        name="explanation"
        id={fields.explanation.id}
        label={t("lesson.field.explanation")}
        hint={t("lesson.field.explanationHint")}
        initialState={explanation}
        draftKey={draftKey}
        errors={fields.explanation.errors}
        mentions={mentions}
      />
      <ThemeChoice field={fields.themes} themes={themes} />
      <VisibilityChoice
        name={fields.visibility.name}
        teamName={teamName}
        defaultValue={(fields.visibility.initialValue as string | undefined) ?? defaultValue.visibility}
        errors={fields.visibility.errors}
        errorId={fields.visibility.errorId}
        options={[...lessonVisibilities]}
      />
      <fieldset
        className={fields.sources.errors?.length ? "field-invalid" : undefined}
        aria-describedby={[`${fields.sources.id}-hint`, fields.sources.errors?.length ? fields.sources.errorId : null]
          .filter(Boolean)
          .join(" ")}
      >
        <legend>{t("lesson.field.sources")}</legend>
        <p className="field-hint" id={`${fields.sources.id}-hint`}>
          {t("lesson.field.sourcesHint")}
        </p>
        {sources.length === 0 ? (
          <p className="muted">{t("lesson.field.sourcesNone")}</p>
        ) : (
          <ul className="plain-list source-choices">
            {sourceBoxes.map((props, index) => (
              <li key={props.key}>
                <label className="choice" htmlFor={props.id}>
                  <input {...props} key={props.key} />
                  <span>
                    {sources[index].title} <span className="muted">· {formatDay(sources[index].happenedOn, locale)}</span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        )}
        <p className="field-hint">{t("lesson.field.sourcesMore")}</p>
        <FieldErrors id={fields.sources.errorId} errors={fields.sources.errors} />
      </fieldset>
      {learningQuestion}
      <div className="actions">
        <SubmitButton>{t("lesson.save")}</SubmitButton>
      </div>
    </Form>
  );
}
