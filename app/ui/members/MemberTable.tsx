import { getFormProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import type { SerializeFrom } from "@remix-run/node";
import { Form } from "@remix-run/react";
import type { TeamMemberRow } from "~/domain/coalitions/members.server";
import { teamRoles } from "~/domain/vocabulary";
import { formatDate } from "~/i18n/dates";
import { SubmitButton } from "../Button";
import { FieldErrors } from "../Field";
import { useLocale, useT } from "../i18n";

export type MemberView = SerializeFrom<TeamMemberRow>;
/** The answer to a refused role change, for the one member it was about. */
export type RoleReply = { membershipId: string; result: SubmissionResult<string[]> };

/** The coalition's people with their role (changeable in place), perspective, last login and a way out; cards on a phone. */
export function MemberTable({
  members,
  me,
  labelledBy,
  roleReply,
}: {
  members: MemberView[];
  me: string;
  labelledBy: string;
  roleReply?: RoleReply;
}) {
  const t = useT();
  return (
    <table aria-labelledby={labelledBy} className="stack-table">
      <thead>
        <tr>
          <th scope="col">{t("members.nameAndEmail")}</th>
          <th scope="col">{t("members.role")}</th>
          <th scope="col">{t("members.perspective")}</th>
          <th scope="col">{t("members.organisation")}</th>
          <th scope="col">{t("audit.members.lastLogin")}</th>
          <th scope="col">{t("members.remove")}</th>
        </tr>
      </thead>
      <tbody>
        {members.map((m) => (
          <tr key={m.membershipId}>
            <th scope="row">
              {m.name}
              {m.personId === me ? <span className="muted"> {t("members.you")}</span> : null}
              {m.deactivated ? <span className="badge"> {t("members.deactivated")}</span> : null}
              <span className="email">{m.email}</span>
            </th>
            <td data-label={t("members.role")}>
              <RoleForm member={m} lastResult={roleReply?.membershipId === m.membershipId ? roleReply.result : undefined} />
            </td>
            <td data-label={t("members.perspective")}>{t(`perspective.${m.perspective}`)}</td>
            <td data-label={t("members.organisation")}>{m.organisation ?? <span className="muted">{t("members.noOrganisation")}</span>}</td>
            <td data-label={t("audit.members.lastLogin")}>
              <LastLogin member={m} />
            </td>
            <td>
              <RemoveMember member={m} self={m.personId === me} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Those who have not logged in for half a year, with the same way out: the facilitator decides. */
export function InactiveMembers({ members, me }: { members: MemberView[]; me: string }) {
  const t = useT();
  const inactive = members.filter((m) => m.inactive);
  return (
    <>
      <h2 id="inactive">{t("audit.members.inactive.title")}</h2>
      {inactive.length === 0 ? (
        <p className="muted">{t("audit.members.inactive.none")}</p>
      ) : (
        <>
          <p>{t("audit.members.inactive.intro")}</p>
          <ul className="plain-list stack" aria-labelledby="inactive">
            {inactive.map((m) => (
              <li key={m.membershipId}>
                <strong>{m.name}</strong> · <LastLogin member={m} />
                <RemoveMember member={m} self={m.personId === me} />
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** When the member last logged in; only facilitators see this page, so only they see it. */
function LastLogin({ member }: { member: Pick<MemberView, "lastLoginAt" | "memberSince" | "inactive"> }) {
  const t = useT();
  const locale = useLocale();
  return (
    <span>
      {member.lastLoginAt
        ? formatDate(member.lastLoginAt, locale)
        : t("audit.members.noLogin", { date: formatDate(member.memberSince, locale) })}
      {member.inactive ? <span className="badge badge-off"> {t("audit.members.inactiveBadge")}</span> : null}
    </span>
  );
}

/** Takes a member out of the coalition after a confirmation; the account stays. */
function RemoveMember({ member, self }: { member: Pick<MemberView, "membershipId" | "name">; self: boolean }) {
  const t = useT();
  return (
    <details className="confirm">
      <summary>
        {t("members.remove")}
        <span className="visually-hidden"> {member.name}</span>
      </summary>
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="remove" />
        <input type="hidden" name="membershipId" value={member.membershipId} />
        <p>{t(self ? "members.remove.confirmSelf" : "members.remove.confirm", { name: member.name })}</p>
        <SubmitButton variant="danger">{t("members.remove.submit")}</SubmitButton>
      </Form>
    </details>
  );
}

/** One member's role, changeable in place; its own small form so that it works without JavaScript. */
function RoleForm({
  member,
  lastResult,
}: {
  member: Pick<MemberView, "membershipId" | "name" | "role">;
  lastResult?: SubmissionResult<string[]>;
}) {
  const t = useT();
  // The current role is part of the id, so that after a change the form starts afresh from the new role.
  const [form, fields] = useForm({
    id: `role-${member.membershipId}-${member.role}`,
    lastResult,
    defaultValue: { membershipId: member.membershipId, role: member.role },
  });
  return (
    <Form method="post" className="inline-form" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="role" />
      <input type="hidden" name="membershipId" value={member.membershipId} />
      <label htmlFor={fields.role.id} className="visually-hidden">
        {t("members.roleOf", { name: member.name })}
      </label>
      <select {...getSelectProps(fields.role)}>
        {teamRoles.map((role) => (
          <option key={role} value={role}>
            {t(`role.${role}`)}
          </option>
        ))}
      </select>
      <SubmitButton variant="secondary">
        {t("members.changeRole")}
        <span className="visually-hidden"> {member.name}</span>
      </SubmitButton>
      <FieldErrors id={fields.role.errorId} errors={fields.role.errors} />
    </Form>
  );
}
