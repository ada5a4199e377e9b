import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { choiceName } from "../../domain/privacy/departure-choices";
import type { Visibility } from "../../../db/schema";
import { SubmitButton } from "../Button";
import { Field, FieldErrors, FormErrors } from "../Field";
import { useT } from "../i18n";
import { VisibilityBadge } from "../Visibility";

export type DepartingItem = {
  kind: "reflection" | "lesson" | "milestone";
  id: string;
  title: string;
  visibility: Visibility;
  coalitionName: string;
};
export type DepartingView = { items: DepartingItem[]; privateReflections: number; comments: number };

/**
 * Leaving a coalition and deleting an account ask the same question of everything the person shared: delete it,
 * or keep it for the team under "former member". Choices made survive a refused submit.
 */
export function DepartureForm({
  departing,
  lastResult,
  chosen,
  confirmLabel,
  submitLabel,
  askPassword,
  showCoalition,
}: {
  departing: DepartingView;
  lastResult?: SubmissionResult<string[]>;
  chosen?: Record<string, string>;
  confirmLabel: string;
  submitLabel: string;
  askPassword?: boolean;
  showCoalition?: boolean;
}) {
  const t = useT();
  const [form, fields] = useForm({ id: "departure", lastResult, shouldValidate: "onSubmit" });
  const { items, privateReflections, comments } = departing;
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <FormErrors errors={form.errors} />
      {privateReflections > 0 ? <p>{t("departures.private", { count: privateReflections })}</p> : null}
      <fieldset className="stack">
        <legend>{t("departures.items.legend")}</legend>
        <p className="field-hint">{t("departures.items.intro")}</p>
        {items.length === 0 ? <p>{t("departures.items.none")}</p> : null}
        <ul className="plain-list departure-items">
          {items.map((item) => (
            <li key={`${item.kind}.${item.id}`}>
              <ChoiceGroup
                name={choiceName(item)}
                chosen={chosen?.[choiceName(item)]}
                legend={
                  <>
                    <span className="muted">{t(`departures.kind.${item.kind}`)}</span> {item.title}{" "}
                    <VisibilityBadge visibility={item.visibility} />
                    {showCoalition ? <span className="muted"> · {item.coalitionName}</span> : null}
                  </>
                }
              />
            </li>
          ))}
        </ul>
      </fieldset>
      {comments > 0 ? (
        <ChoiceGroup
          name={fields.comments.name}
          chosen={chosen?.[fields.comments.name]}
          legend={t("departures.comments.legend", { count: comments })}
        />
      ) : null}
      <p>{t("departures.notes")}</p>
      <p>{t("departures.signatures")}</p>
      {askPassword ? (
        <Field field={fields.password} label={t("departures.delete.password")}>
          <input {...getInputProps(fields.password, { type: "password" })} autoComplete="current-password" />
        </Field>
      ) : null}
      <div className={fields.confirm.errors?.length ? "field field-invalid" : "field"}>
        <label className="choice">
          <input
            {...getInputProps(fields.confirm, { type: "checkbox" })}
            aria-describedby={fields.confirm.errors?.length ? fields.confirm.errorId : undefined}
          />{" "}
          {confirmLabel}
        </label>
        <FieldErrors id={fields.confirm.errorId} errors={fields.confirm.errors} />
      </div>
      <div className="actions">
        <SubmitButton variant="danger">{submitLabel}</SubmitButton>
      </div>
    </Form>
  );
}

function ChoiceGroup({ name, legend, chosen }: { name: string; legend: ReactNode; chosen?: string }) {
  const t = useT();
  const value = chosen === "delete" ? "delete" : "keep";
  return (
    <fieldset className="choice-group">
      <legend>{legend}</legend>
      {(["keep", "delete"] as const).map((choice) => (
        <label key={choice} className="choice">
          <input type="radio" name={name} value={choice} defaultChecked={value === choice} /> {t(`departures.choice.${choice}`)}
        </label>
      ))}
    </fieldset>
  );
}
