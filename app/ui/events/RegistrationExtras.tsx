import { getCollectionProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import { Field, FieldErrors } from "../Field";
import { useT } from "../i18n";

/**
 * The event's own yes/no questions and, where it asks, dietary needs: the same on registering and on changing
 * a registration.
 */
export function RegistrationExtras({
  yes,
  dietary,
  questions,
  asksDietary,
  showHint,
}: {
  yes: FieldMetadata<string[] | undefined>;
  dietary: FieldMetadata<string | undefined>;
  questions: { id: string; label: string }[];
  asksDietary: boolean;
  showHint?: boolean;
}) {
  const t = useT();
  const boxes = getCollectionProps(yes, { type: "checkbox", options: questions.map((q) => q.id) });
  const hintId = `${yes.id}-hint`;
  return (
    <>
      {questions.length ? (
        <fieldset aria-describedby={showHint ? hintId : undefined}>
          <legend>{t("eventPublic.field.questions")}</legend>
          {showHint ? (
            <p className="field-hint" id={hintId}>
              {t("eventPublic.field.questionsHint")}
            </p>
          ) : null}
          <ul className="plain-list">
            {boxes.map((props, index) => (
              <li key={props.key}>
                <label className="choice" htmlFor={props.id}>
                  <input {...props} key={props.key} />
                  <span>{questions[index].label}</span>
                </label>
              </li>
            ))}
          </ul>
          <FieldErrors id={yes.errorId} errors={yes.errors} />
        </fieldset>
      ) : null}
      {asksDietary ? (
        <Field field={dietary} label={t("eventPublic.field.dietary")}>
          <textarea {...getTextareaProps(dietary)} rows={2} maxLength={500} />
        </Field>
      ) : null}
    </>
  );
}
