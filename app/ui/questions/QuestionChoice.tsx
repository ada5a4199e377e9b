import { useT } from "../i18n";

/**
 * "Leervraag" on the forms of reflections, lessons, milestones and take-aways: one of the coalition's active
 * questions, or none. Without active questions there is nothing to choose, and the field is left out.
 */
export function QuestionChoice({ choice }: { choice: { options: { id: string; question: string }[]; selected: string } }) {
  const t = useT();
  if (choice.options.length === 0) return null;
  return (
    <div className="field">
      <label htmlFor="learning-question">{t("questions.choice.label")}</label>
      <p className="field-hint" id="learning-question-hint">
        {t("questions.choice.hint")}
      </p>
      <select id="learning-question" name="question" defaultValue={choice.selected} aria-describedby="learning-question-hint">
        <option value="">{t("questions.choice.none")}</option>
        {choice.options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.question}
          </option>
        ))}
      </select>
    </div>
  );
}
