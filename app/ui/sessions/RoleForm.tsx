import { getFormProps, useForm } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { SessionRoleName } from "../../domain/sessions/attendance.server";
import { SubmitButton } from "../Button";
import { FieldErrors, FormErrors } from "../Field";
import { useT } from "../i18n";
import { usePersonName } from "../PersonName";
import type { InvitedPage, LastResult } from "./types";

/**
 * The facilitator gives a role the methods name (case bringer, timekeeper) to one of those who come.
 * The form's intent and its one field are both named after the role.
 */
export function RoleForm({ role, page, lastResult }: { role: SessionRoleName; page: InvitedPage; lastResult: LastResult }) {
  const t = useT();
  const personName = usePersonName();
  const current = page[role];
  const [form, fields] = useForm({ id: `role-${role}`, lastResult, defaultValue: { [role]: current?.id ?? "" } });
  const field = fields[role];
  return (
    <section aria-labelledby={`${role}-heading`}>
      <h3 id={`${role}-heading`}>{t(`session.${role}.title`)}</h3>
      {page.roleCandidates.length === 0 ? (
        <p className="muted">{t("session.role.noCandidates")}</p>
      ) : (
        <Form method="post" className="stack" {...getFormProps(form)}>
          <input type="hidden" name="intent" value={role} />
          <FormErrors errors={form.errors} />
          <fieldset aria-describedby={field.errorId} className="option-list">
            <legend>{t(`session.${role}.legend`)}</legend>
            <p className="field-hint">{t(`session.${role}.hint`)}</p>
            {page.roleCandidates.map((candidate) => (
              <label key={candidate.id} className="option">
                <input type="radio" name={field.name} value={candidate.id} defaultChecked={current?.id === candidate.id} />
                <span>
                  {personName(candidate.name, "participant")}
                  {role === "caseBringer" && candidate.volunteersCase ? (
                    <span className="badge">{t("session.caseBringer.volunteered")}</span>
                  ) : null}
                </span>
              </label>
            ))}
            <label className="option">
              <input type="radio" name={field.name} value="" defaultChecked={!current} />
              <span>{t("session.role.nobody")}</span>
            </label>
            <FieldErrors id={field.errorId} errors={field.errors} />
          </fieldset>
          <div className="actions">
            <SubmitButton variant="secondary">{t(`session.${role}.submit`)}</SubmitButton>
          </div>
        </Form>
      )}
    </section>
  );
}
