import type { SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { MilestoneStatus } from "../../../db/schema";
import { MAX_REASON_LENGTH, milestoneStatuses } from "../../domain/vocabulary";
import { formatDateTime, formatDay } from "../../i18n/dates";
import { SubmitButton } from "../Button";
import { Field, FormErrors } from "../Field";
import { useLocale, useT } from "../i18n";
import { usePersonName } from "../PersonName";
import { controlProps, serverFields } from "../ServerFields";

export function MilestoneStatusBadge({ status }: { status: MilestoneStatus }) {
  const t = useT();
  return <span className={`badge badge-status-${status}`}>{t(`status.${status}`)}</span>;
}

export function OverdueBadge() {
  const t = useT();
  return <span className="badge badge-overdue">{t("milestone.overdue")}</span>;
}

/** A calendar day ('YYYY-MM-DD') as readable text, machine-readable too. */
export function Day({ value }: { value: string }) {
  const locale = useLocale();
  return <time dateTime={value}>{formatDay(value, locale)}</time>;
}

export type TimelineEntry = {
  id: string;
  fromStatus: MilestoneStatus | null;
  toStatus: MilestoneStatus;
  reason: string;
  previousTargetDate: string | null;
  newTargetDate: string | null;
  changedAt: string;
  changedByName: string;
};

/** Plan versus reality: every status change, oldest first, who made it and why. */
export function MilestoneTimeline({ entries }: { entries: TimelineEntry[] }) {
  const t = useT();
  const personName = usePersonName();
  const locale = useLocale();
  if (entries.length === 0) return <p className="muted">{t("milestone.timeline.none")}</p>;
  return (
    <ol className="timeline">
      {entries.map((entry) => (
        <li key={entry.id} className="timeline-entry">
          <p className="timeline-change">
            {entry.fromStatus
              ? t("milestone.timeline.change", { from: t(`status.${entry.fromStatus}`), to: t(`status.${entry.toStatus}`) })
              : t("milestone.timeline.created", { to: t(`status.${entry.toStatus}`) })}
          </p>
          <p className="meta">
            <time dateTime={entry.changedAt}>{formatDateTime(entry.changedAt, locale)}</time>
            <span>{t("milestone.timeline.by", { name: personName(entry.changedByName) })}</span>
          </p>
          <p className="timeline-reason">
            <span className="visually-hidden">{t("milestone.timeline.reason")} </span>
            {entry.reason}
          </p>
          {entry.previousTargetDate && entry.newTargetDate ? (
            <p className="timeline-dates">
              {t("milestone.timeline.moved")} {t("milestone.timeline.movedFrom")} <Day value={entry.previousTargetDate} />{" "}
              {t("milestone.timeline.movedTo")} <Day value={entry.newTargetDate} />
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

/** "Status wijzigen": a new status, always with a reason; "adjusted" also with the new target date. */
export function StatusChangeForm({
  current,
  targetDate,
  version,
  lastResult,
}: {
  current: MilestoneStatus;
  targetDate: string;
  version: number;
  lastResult?: SubmissionResult<string[]>;
}) {
  const t = useT();
  const locale = useLocale();
  const { field, formErrors } = serverFields("status-change", lastResult);
  const [status, reason, newTargetDate] = [field("status"), field("reason"), field("newTargetDate")];
  // Staying in the same status says nothing, except for a second adjustment to yet another date.
  const choices = milestoneStatuses.filter((status) => status !== current || status === "adjusted");
  return (
    <Form method="post" className="stack" id="status-change" key={version}>
      <FormErrors errors={formErrors} />
      <input type="hidden" name="version" value={version} />
      <Field field={status} label={t("milestone.field.status")}>
        <select {...controlProps(status)}>
          <option value="">{t("milestone.field.statusChoose")}</option>
          {choices.map((status) => (
            <option key={status} value={status}>
              {t(`status.${status}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field field={reason} label={t("milestone.field.reason")} hint={t("milestone.field.reasonHint")}>
        <textarea {...controlProps(reason, { hint: true })} rows={3} maxLength={MAX_REASON_LENGTH} />
      </Field>
      <Field
        field={newTargetDate}
        label={t("milestone.field.newTargetDate")}
        hint={t("milestone.field.newTargetDateHint", { date: formatDay(targetDate, locale) })}
      >
        <input type="date" {...controlProps(newTargetDate, { hint: true })} />
      </Field>
      <div className="actions">
        <SubmitButton>{t("milestone.statusForm.submit")}</SubmitButton>
      </div>
    </Form>
  );
}
