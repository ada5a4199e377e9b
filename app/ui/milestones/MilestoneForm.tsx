import type { ReactNode } from "react";
import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { milestoneVisibilities, MAX_REASON_LENGTH } from "../../domain/vocabulary";
import { formatDay } from "../../i18n/dates";
import { RichTextField } from "../../richtext/RichTextField";
import type { RichTextState } from "../../richtext/schema";
import { SubmitButton } from "../Button";
import { Field, FormErrors } from "../Field";
import { useLocale, useT } from "../i18n";
import { VisibilityChoice } from "../Visibility";

export type MilestoneDefaults = { title: string; description?: string; owner: string; visibility: string; targetDate?: string; reason?: string };

/**
 * Adding a milestone and editing its details: the same fields, except that the target date (and the first
 * line of the timeline) are set once, when it is added. Later the date moves only through a status change.
 */
export function MilestoneForm({
  learningQuestion,
  teamName,
  owners,
  defaultValue,
  description,
  draftKey,
  lastResult,
  version,
  currentTargetDate,
}: {
  teamName: string;
  owners: { id: string; name: string }[];
  defaultValue: MilestoneDefaults;
  description: RichTextState | null;
  draftKey: string;
  lastResult?: SubmissionResult<string[]>;
  /** Editing: the version the person started from; absent when adding. */
  version?: number;
  /** Editing: the target date, shown but not editable here. */
  currentTargetDate?: string;
  /** The "Leervraag" choice (app/ui/questions/QuestionChoice). */
  learningQuestion?: ReactNode;
}) {
  const t = useT();
  const locale = useLocale();
  const adding = version === undefined;
  const [form, fields] = useForm({ id: "milestone", lastResult, defaultValue });
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <FormErrors errors={form.errors} />
      {adding ? null : <input type="hidden" name="version" value={version} />}
      <Field field={fields.title} label={t("milestone.field.title")} hint={t("milestone.field.titleHint")}>
        <input {...getInputProps(fields.title, { type: "text", ariaDescribedBy: fields.title.descriptionId })} maxLength={200} />
      </Field>
      <RichTextField
        name="description"
        id={fields.description.id}
        label={t("milestone.field.description")}
        hint={t("milestone.field.descriptionHint")}
        initialState={description}
        draftKey={draftKey}
        errors={fields.description.errors}
      />
      {adding ? (
        <Field field={fields.targetDate} label={t("milestone.field.targetDate")} hint={t("milestone.field.targetDateHint")}>
          <input {...getInputProps(fields.targetDate, { type: "date", ariaDescribedBy: fields.targetDate.descriptionId })} />
        </Field>
      ) : (
        <div className="field">
          <p className="field-label">{t("milestone.field.targetDate")}</p>
          <p>{currentTargetDate ? <time dateTime={currentTargetDate}>{formatDay(currentTargetDate, locale)}</time> : null}</p>
          <p className="field-hint">{t("milestone.targetDateNotHere")}</p>
        </div>
      )}
      <Field field={fields.owner} label={t("milestone.field.owner")} hint={t("milestone.field.ownerHint")}>
        <select {...getSelectProps(fields.owner, { ariaDescribedBy: fields.owner.descriptionId })}>
          <option value="">{t("milestone.field.noOwner")}</option>
          {owners.map((owner) => (
            <option key={owner.id} value={owner.id}>
              {owner.name}
            </option>
          ))}
        </select>
      </Field>
      <VisibilityChoice
        name={fields.visibility.name}
        teamName={teamName}
        defaultValue={(fields.visibility.initialValue as string | undefined) ?? defaultValue.visibility}
        errors={fields.visibility.errors}
        errorId={fields.visibility.errorId}
        options={[...milestoneVisibilities]}
        who={{ team: "milestone.visibility.team.who", network: "milestone.visibility.network.who" }}
      />
      {adding ? (
        <Field field={fields.reason} label={t("milestone.field.firstReason")} hint={t("milestone.field.firstReasonHint")}>
          <textarea {...getTextareaProps(fields.reason, { ariaDescribedBy: fields.reason.descriptionId })} rows={2} maxLength={MAX_REASON_LENGTH} />
        </Field>
      ) : null}
      {learningQuestion}
      <div className="actions">
        <SubmitButton>{t("milestone.save")}</SubmitButton>
      </div>
    </Form>
  );
}
