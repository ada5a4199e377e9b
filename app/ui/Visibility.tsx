import type { Visibility } from "../../db/schema";
import type { MessageKey } from "../i18n/i18n";
import { FieldErrors } from "./Field";
import { useT } from "./i18n";

const order: Visibility[] = ["private", "team", "network"];

export function VisibilityBadge({ visibility }: { visibility: Visibility }) {
  const t = useT();
  return <span className={`badge badge-${visibility}`}>{t(`visibility.${visibility}`)}</span>;
}

/** The author's choice of readers, each option with a plain line saying exactly who will read it. */
export function VisibilityChoice({
  name,
  teamName,
  defaultValue,
  errors,
  errorId,
  options = order,
  who = {},
}: {
  name: string;
  teamName: string;
  defaultValue?: string;
  errors?: string[];
  errorId: string;
  options?: Visibility[];
  /** Other words for who reads an option, where an object has its own rule (the funder always reads milestones). */
  who?: Partial<Record<Visibility, MessageKey>>;
}) {
  const t = useT();
  return (
    <fieldset className={errors?.length ? "field-invalid" : undefined} aria-describedby={errors?.length ? errorId : undefined}>
      <legend>{t("visibility.legend")}</legend>
      {options.map((visibility) => {
        const id = `${name}-${visibility}`;
        return (
          <div className="choice-with-hint" key={visibility}>
            <input type="radio" id={id} name={name} value={visibility} defaultChecked={defaultValue === visibility} aria-describedby={`${id}-who`} />
            <label htmlFor={id}>{t(`visibility.${visibility}`)}</label>
            <p className="field-hint" id={`${id}-who`}>
              {t(who[visibility] ?? `visibility.${visibility}.who`, { team: teamName })}
            </p>
          </div>
        );
      })}
      <FieldErrors id={errorId} errors={errors} />
    </fieldset>
  );
}
