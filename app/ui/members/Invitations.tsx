import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import type { SerializeFrom } from "@remix-run/node";
import { Form } from "@remix-run/react";
import type { TeamRole } from "../../../db/schema";
import type { OpenInvitationRow } from "~/domain/coalitions/members.server";
import { teamRoles } from "~/domain/vocabulary";
import { formatDate } from "~/i18n/dates";
import { SubmitButton } from "../Button";
import { Field, FormErrors } from "../Field";
import { useLocale, useT } from "../i18n";

/** The form that sends someone a personal invitation to the coalition, with a role. */
export function InviteForm({ days, lastResult }: { days: number; lastResult?: SubmissionResult<string[]> }) {
  const t = useT();
  const [form, fields] = useForm<{ email: string; role: TeamRole }>({ id: "invite", lastResult, defaultValue: { role: "member" } });
  return (
    <>
      <h2>{t("members.invite.title")}</h2>
      <p>{t("members.invite.intro", { days })}</p>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="invite" />
        <FormErrors errors={form.errors} />
        <Field field={fields.email} label={t("members.invite.email")}>
          <input {...getInputProps(fields.email, { type: "email" })} autoComplete="off" />
        </Field>
        <Field field={fields.role} label={t("members.invite.role")}>
          <select {...getSelectProps(fields.role)}>
            {teamRoles.map((role) => (
              <option key={role} value={role}>
                {t(`role.${role}`)}
              </option>
            ))}
          </select>
        </Field>
        <div className="actions">
          <SubmitButton>{t("members.invite.submit")}</SubmitButton>
        </div>
      </Form>
    </>
  );
}

/** Invitations not yet used, each to withdraw; cards on a phone. */
export function OpenInvitations({ invitations }: { invitations: SerializeFrom<OpenInvitationRow>[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <h2 id="invitations-heading">{t("members.invitations")}</h2>
      {invitations.length === 0 ? (
        <p className="muted">{t("members.invitations.none")}</p>
      ) : (
        <table aria-labelledby="invitations-heading" className="stack-table">
          <thead>
            <tr>
              <th scope="col">{t("members.email")}</th>
              <th scope="col">{t("members.role")}</th>
              <th scope="col">{t("members.invitations.expires")}</th>
              <th scope="col">{t("members.invitations.withdraw")}</th>
            </tr>
          </thead>
          <tbody>
            {invitations.map((invitation) => (
              <tr key={invitation.id}>
                <th scope="row" className="email">
                  {invitation.email}
                </th>
                <td data-label={t("members.role")}>{t(`role.${invitation.role}`)}</td>
                <td data-label={t("members.invitations.expires")}>{formatDate(invitation.expiresAt, locale)}</td>
                <td>
                  <Form method="post">
                    <input type="hidden" name="intent" value="withdraw" />
                    <input type="hidden" name="invitationId" value={invitation.id} />
                    <SubmitButton variant="secondary">
                      {t("members.invitations.withdraw")}
                      <span className="visually-hidden"> {invitation.email}</span>
                    </SubmitButton>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
