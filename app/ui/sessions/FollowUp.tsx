import { getCollectionProps, getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { EVALUATION_COMMENT_MAX, SESSION_ACTION_MAX, evaluationScores } from "../../domain/vocabulary";
import { formatDay } from "../../i18n/dates";
import { SubmitButton } from "../Button";
import { Field, FieldErrors, FormErrors } from "../Field";
import { useLocale, useT } from "../i18n";
import { usePersonName } from "../PersonName";
import type { LastResult, NotesPage } from "./types";

/** Follow-up actions: who (a participant), what, by when; ticked off by any participant. One card each. */
export function Actions({ page, lastResult }: { page: NotesPage; lastResult: LastResult }) {
  const t = useT();
  const personName = usePersonName();
  const locale = useLocale();
  const { actions, participants, me } = page;
  return (
    <section id="actions" aria-labelledby="actions-heading">
      <h2 id="actions-heading">{t("notes.actions.title")}</h2>
      {actions.length === 0 ? (
        <p className="muted">{t("notes.actions.none")}</p>
      ) : (
        <ul className="action-cards" aria-labelledby="actions-heading">
          {actions.map((item) => (
            <li key={item.id} className={item.doneAt ? "action-card action-done" : "action-card"}>
              <p className="action-what">{item.what}</p>
              <p className="meta">
                <span>
                  {personName(item.ownerName, "participant")}
                  {item.ownerId === me ? ` ${t("notes.you")}` : null}
                </span>
                <span>{item.dueOn ? t("intervision.actions.due", { date: formatDay(item.dueOn, locale) }) : t("notes.actions.dueNone")}</span>
                {item.overdue ? <span className="badge badge-overdue">{t("notes.actions.overdue")}</span> : null}
                <span className="badge">{item.doneAt ? t("notes.actions.done") : t("notes.actions.open")}</span>
              </p>
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="action-done" />
                <input type="hidden" name="actionId" value={item.id} />
                <input type="hidden" name="done" value={item.doneAt ? "false" : "true"} />
                <SubmitButton variant="secondary">
                  {item.doneAt ? t("notes.actions.reopen") : t("notes.actions.markDone")}
                  <span className="visually-hidden">: {item.what}</span>
                </SubmitButton>
              </Form>
            </li>
          ))}
        </ul>
      )}
      <AddAction key={actions.length} participants={participants} me={me} lastResult={lastResult} />
    </section>
  );
}

function AddAction({ participants, me, lastResult }: { participants: NotesPage["participants"]; me: string; lastResult: LastResult }) {
  const t = useT();
  const [form, fields] = useForm({ id: "add-action", lastResult, defaultValue: { owner: me, what: "", dueOn: "" } });
  return (
    <Form method="post" className="stack card" {...getFormProps(form)} aria-labelledby="add-action-heading">
      <h3 id="add-action-heading">{t("notes.actions.add")}</h3>
      <input type="hidden" name="intent" value="action" />
      <FormErrors errors={form.errors} />
      <Field field={fields.owner} label={t("notes.actions.field.owner")}>
        <select {...getSelectProps(fields.owner)}>
          {participants
            .filter((person) => person.name !== "")
            .map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
        </select>
      </Field>
      <Field field={fields.what} label={t("notes.actions.field.what")} hint={t("notes.actions.field.whatHint")}>
        <input {...getInputProps(fields.what, { type: "text", ariaDescribedBy: fields.what.descriptionId })} maxLength={SESSION_ACTION_MAX} />
      </Field>
      <Field field={fields.dueOn} label={t("notes.actions.field.due")} hint={t("notes.actions.field.dueHint")}>
        <input {...getInputProps(fields.dueOn, { type: "date", ariaDescribedBy: fields.dueOn.descriptionId })} />
      </Field>
      <div className="actions">
        <SubmitButton variant="secondary">{t("notes.actions.submit")}</SubmitButton>
      </div>
    </Form>
  );
}

/** The closing evaluation: each participant's score from 1 to 5 and one sentence, read by all participants. */
export function Evaluation({ page, lastResult }: { page: NotesPage; lastResult: LastResult }) {
  const t = useT();
  const personName = usePersonName();
  const { evaluations, participants, myEvaluation } = page;
  return (
    <section id="evaluation" aria-labelledby="evaluation-heading">
      <h2 id="evaluation-heading">{t("notes.evaluation.title")}</h2>
      <p>{t("notes.evaluation.intro")}</p>
      <h3>{t("notes.evaluation.all")}</h3>
      {evaluations.length === 0 ? (
        <p className="muted">{t("notes.evaluation.none")}</p>
      ) : (
        <>
          <p className="meta">{t("notes.evaluation.count", { count: evaluations.length, total: participants.length })}</p>
          <ul className="plain-list evaluations">
            {evaluations.map((evaluation) => (
              <li key={evaluation.personId}>
                <strong>{personName(evaluation.name, "participant")}</strong>{" "}
                <span className="badge">{t("notes.evaluation.scoreOf", { score: evaluation.score })}</span> {evaluation.comment}
              </li>
            ))}
          </ul>
        </>
      )}
      <EvaluationForm key={myEvaluation ? `${myEvaluation.score}:${myEvaluation.comment}` : "none"} mine={myEvaluation} lastResult={lastResult} />
    </section>
  );
}

function EvaluationForm({ mine, lastResult }: { mine: NotesPage["myEvaluation"]; lastResult: LastResult }) {
  const t = useT();
  const [form, fields] = useForm({
    id: "evaluation-form",
    lastResult,
    defaultValue: { score: mine ? String(mine.score) : "", comment: mine?.comment ?? "" },
  });
  const scoreInvalid = Boolean(fields.score.errors?.length);
  return (
    <Form method="post" className="stack card" {...getFormProps(form)} aria-labelledby="evaluation-form-heading">
      <h3 id="evaluation-form-heading">{t("notes.evaluation.yours")}</h3>
      <input type="hidden" name="intent" value="evaluation" />
      <FormErrors errors={form.errors} />
      <fieldset
        className={scoreInvalid ? "field-invalid" : undefined}
        aria-describedby={[`${fields.score.id}-hint`, scoreInvalid ? fields.score.errorId : null].filter(Boolean).join(" ")}
      >
        <legend>{t("notes.evaluation.score")}</legend>
        <p className="field-hint" id={`${fields.score.id}-hint`}>
          {t("notes.evaluation.scoreHint")}
        </p>
        <div className="score-choices">
          {getCollectionProps(fields.score, { type: "radio", options: evaluationScores.map(String) }).map((props) => (
            <label className="option" key={props.key} htmlFor={props.id}>
              <input {...props} key={props.key} />
              <span>{props.value}</span>
            </label>
          ))}
        </div>
        <FieldErrors id={fields.score.errorId} errors={fields.score.errors} />
      </fieldset>
      <Field field={fields.comment} label={t("notes.evaluation.comment")}>
        <input {...getInputProps(fields.comment, { type: "text" })} maxLength={EVALUATION_COMMENT_MAX} />
      </Field>
      <div className="actions">
        <SubmitButton variant="secondary">{t("notes.evaluation.save")}</SubmitButton>
      </div>
    </Form>
  );
}
