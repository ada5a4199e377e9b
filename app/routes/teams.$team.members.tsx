import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireMembership, requireUser, notFound } from "~/auth/permissions.server";
import type { TeamRole } from "../../db/schema";
import { teamRoles } from "~/domain/vocabulary";
import { inviteSchema, removeSchema, roleSchema, withdrawSchema } from "~/domain/member-forms";
import {
  changeMemberRole,
  inviteToTeam,
  listOpenInvitations,
  listTeamMembersForFacilitator,
  removeMember,
  withdrawInvitation,
} from "~/domain/members.server";
import { INVITATION_DAYS } from "~/domain/invitations.server";
import { formatDate } from "~/i18n/dates";
import { SubmitButton } from "~/ui/Button";
import { Field, FieldErrors, FormErrors } from "~/ui/Field";
import { setFlash } from "~/ui/flash.server";
import { useLocale, useT } from "~/ui/i18n";
import type { MessageKey } from "~/i18n/i18n";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.team.name ?? ""} · Leernetwerk` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const team = await requireMembership(user, params.team, "facilitator");
  const [members, invitations] = await Promise.all([
    listTeamMembersForFacilitator(user, team),
    listOpenInvitations(user, team),
  ]);
  return json({ team, members, invitations, me: user.id, invitationDays: INVITATION_DAYS });
}

type Reply =
  | { intent: "invite"; result: SubmissionResult<string[]> }
  | { intent: "role" | "remove"; membershipId: string; result: SubmissionResult<string[]> };

async function backWith(path: string, message: MessageKey) {
  return redirect(path, { headers: { "Set-Cookie": await setFlash(message) } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const team = await requireMembership(user, params.team, "facilitator");
  const here = `/teams/${team.slug}/members`;
  const formData = await request.formData();
  const intent = formData.get("intent");

  if (intent === "invite") {
    const submission = parseWithZod(formData, { schema: inviteSchema });
    if (submission.status !== "success") return json<Reply>({ intent, result: submission.reply() }, { status: 400 });
    const outcome = await inviteToTeam(user, team, submission.value, request);
    if (!outcome.ok) {
      return json<Reply>(
        { intent, result: submission.reply({ fieldErrors: { [outcome.field ?? "email"]: [outcome.message] } }) },
        { status: 400 },
      );
    }
    return backWith(here, "members.flash.invited");
  }

  if (intent === "withdraw") {
    const submission = parseWithZod(formData, { schema: withdrawSchema });
    if (submission.status !== "success") throw notFound();
    await withdrawInvitation(user, team, submission.value.invitationId);
    return backWith(here, "members.flash.withdrawn");
  }

  if (intent === "role") {
    const submission = parseWithZod(formData, { schema: roleSchema });
    const membershipId = String(formData.get("membershipId") ?? "");
    if (submission.status !== "success") {
      return json<Reply>({ intent, membershipId, result: submission.reply() }, { status: 400 });
    }
    const outcome = await changeMemberRole(user, team, membershipId, submission.value.role);
    if (!outcome.ok) {
      return json<Reply>(
        { intent, membershipId, result: submission.reply({ fieldErrors: { role: [outcome.message] } }) },
        { status: 400 },
      );
    }
    // Someone who is no longer a facilitator may not see this page any more.
    if (outcome.self && submission.value.role === "member") return backWith(`/teams/${team.slug}`, "members.flash.selfDemoted");
    return backWith(here, "members.flash.roleChanged");
  }

  if (intent === "remove") {
    const submission = parseWithZod(formData, { schema: removeSchema });
    if (submission.status !== "success") throw notFound();
    const { membershipId } = submission.value;
    const outcome = await removeMember(user, team, membershipId);
    if (!outcome.ok) {
      return json<Reply>({ intent, membershipId, result: submission.reply({ formErrors: [outcome.message] }) }, { status: 400 });
    }
    if (outcome.self) return backWith("/teams", "members.flash.selfRemoved");
    return backWith(here, "members.flash.removed");
  }

  throw new Response("Bad Request", { status: 400 });
}

export default function Members() {
  const t = useT();
  const locale = useLocale();
  const { team, members, invitations, me, invitationDays } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const [inviteForm, inviteFields] = useForm<{ email: string; role: TeamRole }>({
    id: "invite",
    lastResult: reply?.intent === "invite" ? reply.result : undefined,
    defaultValue: { role: "member" },
  });
  const removeRefusal = reply?.intent === "remove" ? (reply.result.error?.[""] ?? undefined) : undefined;
  const inactive = members.filter((m) => m.inactive);

  return (
    <section>
      <p>
        <Link to={`/teams/${team.slug}`}>{t("members.back", { team: team.name })}</Link>
      </p>
      <h1>{t("members.title")}</h1>
      <p className="lead">{t("members.intro", { team: team.name })}</p>

      <h2 id="members-heading">{t("members.list")}</h2>
      <FormErrors errors={removeRefusal} />
      <div className="table-scroll">
        <table aria-labelledby="members-heading">
          <thead>
            <tr>
              <th scope="col">{t("members.name")}</th>
              <th scope="col">{t("members.email")}</th>
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
                </th>
                <td>{m.email}</td>
                <td>
                  <RoleForm
                    member={m}
                    lastResult={reply?.intent === "role" && reply.membershipId === m.membershipId ? reply.result : undefined}
                  />
                </td>
                <td>{t(`perspective.${m.perspective}`)}</td>
                <td>{m.organisation ?? <span className="muted">{t("members.noOrganisation")}</span>}</td>
                <td>
                  <LastLogin member={m} />
                </td>
                <td>
                  <RemoveMember member={m} self={m.personId === me} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

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

      <h2>{t("members.invite.title")}</h2>
      <p>{t("members.invite.intro", { days: invitationDays })}</p>
      <Form method="post" className="stack" {...getFormProps(inviteForm)}>
        <input type="hidden" name="intent" value="invite" />
        <FormErrors errors={inviteForm.errors} />
        <Field field={inviteFields.email} label={t("members.invite.email")}>
          <input {...getInputProps(inviteFields.email, { type: "email" })} autoComplete="off" />
        </Field>
        <Field field={inviteFields.role} label={t("members.invite.role")}>
          <select {...getSelectProps(inviteFields.role)}>
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

      <h2 id="invitations-heading">{t("members.invitations")}</h2>
      {invitations.length === 0 ? (
        <p className="muted">{t("members.invitations.none")}</p>
      ) : (
        <div className="table-scroll">
          <table aria-labelledby="invitations-heading">
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
                  <th scope="row">{invitation.email}</th>
                  <td>{t(`role.${invitation.role}`)}</td>
                  <td>{formatDate(invitation.expiresAt, locale)}</td>
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
        </div>
      )}
    </section>
  );
}

/** When the member last logged in; only facilitators see this page, so only they see it. */
function LastLogin({ member }: { member: { lastLoginAt: string | null; memberSince: string; inactive: boolean } }) {
  const t = useT();
  const locale = useLocale();
  return (
    <>
      {member.lastLoginAt
        ? formatDate(member.lastLoginAt, locale)
        : t("audit.members.noLogin", { date: formatDate(member.memberSince, locale) })}
      {member.inactive ? <span className="badge badge-off"> {t("audit.members.inactiveBadge")}</span> : null}
    </>
  );
}

/** Takes a member out of the coalition after a confirmation; the account stays. */
function RemoveMember({ member, self }: { member: { membershipId: string; name: string }; self: boolean }) {
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
  member: { membershipId: string; name: string; role: TeamRole };
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
