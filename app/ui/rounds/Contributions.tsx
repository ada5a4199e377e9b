import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { Perspective } from "../../../db/schema";
import { formatDate } from "../../i18n/dates";
import { SubmitButton } from "../Button";
import { Field, FormErrors } from "../Field";
import { useLocale, useT } from "../i18n";
import { usePersonName } from "../PersonName";

export type Contribution = {
  id: string;
  body: string;
  perspective: Perspective;
  personId: string | null;
  name: string | null;
  groupId: string | null;
  shapesArticle: boolean;
  createdAt: string;
};
export type RoundGroup = { id: string; themeId: string | null; label: string | null; themeNl: string | null; themeEn: string | null; count: number };
export type ThemeOption = { id: string; name_nl: string; name_en: string };
export type Reply = { intent?: string; contribution?: string; result?: SubmissionResult<string[]> } | undefined;

export function useGroupName() {
  const locale = useLocale();
  return (group: RoundGroup) => (group.themeId ? (locale === "en" ? group.themeEn : group.themeNl) : group.label) ?? "";
}

/** A member writes their contribution, in the perspective of their membership. */
export function ContributeForm({ perspective, reply }: { perspective: Perspective; reply: Reply }) {
  const t = useT();
  const [form, fields] = useForm({ id: "contribute", lastResult: reply?.intent === "contribute" ? reply.result : undefined });
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="contribute" />
      <FormErrors errors={form.errors} />
      <Field field={fields.body} label={t("round.contribute.label", { perspective: t(`perspective.${perspective}`) })} hint={t("round.contribute.hint")}>
        <textarea {...getTextareaProps(fields.body, { ariaDescribedBy: fields.body.descriptionId })} rows={4} maxLength={2000} />
      </Field>
      <div className="actions">
        <SubmitButton>{t("round.contribute.submit")}</SubmitButton>
      </div>
    </Form>
  );
}

/** Each perspective apart, with its count and its contributions; editors group each one where it stands. */
export function PerspectiveSection({
  perspective,
  contributions,
  groups,
  themes,
  canGroup,
  reply,
}: {
  perspective: Perspective | null;
  contributions: Contribution[];
  groups: RoundGroup[];
  themes: ThemeOption[];
  canGroup: boolean;
  reply: Reply;
}) {
  const t = useT();
  const id = `perspective-${perspective ?? "other"}`;
  return (
    <section aria-labelledby={id} className="card">
      <h3 id={id}>
        {perspective ? t(`perspective.${perspective}`) : t("round.otherPerspectives")}{" "}
        <span className="muted">({t("round.contributionCount", { count: contributions.length })})</span>
      </h3>
      {contributions.length === 0 ? (
        <p className="muted">{t("round.noContributions")}</p>
      ) : (
        <ul className="plain-list">
          {contributions.map((c) => (
            <ContributionItem key={c.id} contribution={c} groups={groups} themes={themes} canGroup={canGroup} reply={reply} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ContributionItem({
  contribution: c,
  groups,
  themes,
  canGroup,
  reply,
}: {
  contribution: Contribution;
  groups: RoundGroup[];
  themes: ThemeOption[];
  canGroup: boolean;
  reply: Reply;
}) {
  const t = useT();
  const locale = useLocale();
  const personName = usePersonName();
  const groupName = useGroupName();
  const group = groups.find((g) => g.id === c.groupId);
  const author = c.personId ? personName(c.name) : c.name || t("round.anonymous");
  return (
    <li className="comment">
      <p>{c.body}</p>
      <p className="meta">
        <span>
          {author}
          {c.personId ? null : ` · ${t("round.viaLink")}`} · {formatDate(c.createdAt, locale)}
        </span>
        {group ? <span className="badge">{groupName(group)}</span> : null}
        {c.shapesArticle ? <span className="badge badge-network">{t("round.shapesArticle")}</span> : null}
      </p>
      {canGroup ? <GroupingForm contribution={c} groups={groups} themes={themes} reply={reply} /> : null}
    </li>
  );
}

function GroupingForm({ contribution: c, groups, themes, reply }: { contribution: Contribution; groups: RoundGroup[]; themes: ThemeOption[]; reply: Reply }) {
  const t = useT();
  const locale = useLocale();
  const mine = reply?.intent === "group" && reply.contribution === c.id;
  const current = groups.find((g) => g.id === c.groupId);
  const [form, fields] = useForm({
    id: `group-${c.id}`,
    lastResult: mine ? reply.result : undefined,
    defaultValue: {
      group: current ? (current.themeId ? `theme:${current.themeId}` : `label:${current.id}`) : "",
      newLabel: "",
      shapesArticle: c.shapesArticle ? "on" : undefined,
    },
  });
  const labels = groups.filter((g) => g.label !== null);
  return (
    <details open={mine || undefined}>
      <summary>{t("round.group.summary")}</summary>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="group" />
        <input type="hidden" name="contribution" value={c.id} />
        <FormErrors errors={form.errors} />
        <Field field={fields.group} label={t("round.group.choose")}>
          <select {...getSelectProps(fields.group)}>
            <option value="">{t("round.group.none")}</option>
            {labels.length > 0 ? (
              <optgroup label={t("round.group.labels")}>
                {labels.map((g) => (
                  <option key={g.id} value={`label:${g.id}`}>
                    {g.label}
                  </option>
                ))}
              </optgroup>
            ) : null}
            <optgroup label={t("round.group.themes")}>
              {themes.map((theme) => (
                <option key={theme.id} value={`theme:${theme.id}`}>
                  {locale === "en" ? theme.name_en : theme.name_nl}
                </option>
              ))}
            </optgroup>
          </select>
        </Field>
        <Field field={fields.newLabel} label={t("round.group.newLabel")} hint={t("round.group.newLabelHint")}>
          <input {...getInputProps(fields.newLabel, { type: "text", ariaDescribedBy: fields.newLabel.descriptionId })} maxLength={100} />
        </Field>
        <label className="choice" htmlFor={fields.shapesArticle.id}>
          <input {...getInputProps(fields.shapesArticle, { type: "checkbox" })} />
          {t("round.group.shapesArticle")}
        </label>
        <div className="actions">
          <SubmitButton variant="secondary">{t("round.group.submit")}</SubmitButton>
        </div>
      </Form>
    </details>
  );
}
