import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireAdmin, requireUser } from "~/auth/permissions.server";
import {
  facilitatorSchema,
  funderSchema,
  type FacilitatorInvitationForm,
  type FunderInvitationForm,
} from "~/domain/admin/admin-forms";
import {
  inviteFacilitator,
  inviteFunder,
  listCoalitionChoices,
  listRecentInvitations,
} from "~/domain/admin/admin.server";
import { mailStaysInOutbox } from "~/domain/mail/email.server";
import { formatDate, formatDateTime } from "~/i18n/dates";
import { SubmitButton } from "~/ui/Button";
import { Field, FormErrors } from "~/ui/Field";
import { setFlash } from "~/ui/flash.server";
import { useLocale, useT } from "~/ui/i18n";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [coalitions, invitations] = await Promise.all([listCoalitionChoices(user), listRecentInvitations(user)]);
  return json({ coalitions, invitations, language: user.language });
}

type Reply = { intent: "facilitator" | "funder"; result: SubmissionResult<string[]> };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requireAdmin(user); // before reading the form: others learn nothing, not even what it expects
  const formData = await request.formData();
  if (formData.get("intent") === "funder") {
    const submission = parseWithZod(formData, { schema: funderSchema });
    if (submission.status !== "success") {
      return json<Reply>({ intent: "funder", result: submission.reply() }, { status: 400 });
    }
    const result = await inviteFunder(user, submission.value, request);
    if (!result.ok) {
      const reply = submission.reply({ fieldErrors: result.fieldErrors });
      return json<Reply>({ intent: "funder", result: reply }, { status: 400 });
    }
  } else {
    const submission = parseWithZod(formData, { schema: facilitatorSchema });
    if (submission.status !== "success") {
      return json<Reply>({ intent: "facilitator", result: submission.reply() }, { status: 400 });
    }
    const result = await inviteFacilitator(user, submission.value, request);
    if (!result.ok) {
      const reply = submission.reply({ fieldErrors: result.fieldErrors });
      return json<Reply>({ intent: "facilitator", result: reply }, { status: 400 });
    }
  }
  const flash = mailStaysInOutbox() ? "admin.invite.sentOutbox" : "admin.invite.sent";
  return redirect("/admin/invitations", { headers: { "Set-Cookie": await setFlash(flash) } });
}

export default function AdminInvitations() {
  const t = useT();
  const locale = useLocale();
  const { coalitions, invitations, language } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const [facilitatorForm, facilitatorFields] = useForm<FacilitatorInvitationForm>({
    id: "invite-facilitator",
    lastResult: reply?.intent === "facilitator" ? reply.result : undefined,
    defaultValue: { coalitionId: searchParams.get("coalition") ?? "", language },
  });
  const [funderForm, funderFields] = useForm<FunderInvitationForm>({
    id: "invite-funder",
    lastResult: reply?.intent === "funder" ? reply.result : undefined,
    defaultValue: { language },
  });
  return (
    <section>
      <p>
        <Link to="/admin">{t("admin.back")}</Link>
      </p>
      <h1>{t("admin.invitations.title")}</h1>
      <p className="lead">{t("admin.invitations.intro")}</p>

      <div className="admin-columns">
        <section aria-labelledby="invite-facilitator-title">
          <h2 id="invite-facilitator-title">{t("admin.invite.facilitator.title")}</h2>
          {coalitions.length === 0 ? (
            <p>
              {t("admin.invite.noCoalitions")} <Link to="/admin/coalitions/new">{t("admin.coalitions.new")}</Link>
            </p>
          ) : (
            <Form method="post" className="stack" {...getFormProps(facilitatorForm)}>
              <input type="hidden" name="intent" value="facilitator" />
              <FormErrors errors={facilitatorForm.errors} />
              <Field field={facilitatorFields.email} label={t("admin.invite.email")}>
                <input {...getInputProps(facilitatorFields.email, { type: "email" })} autoComplete="off" />
              </Field>
              <Field field={facilitatorFields.coalitionId} label={t("admin.invite.coalition")}>
                <select {...getSelectProps(facilitatorFields.coalitionId)}>
                  <option value="">{t("admin.invite.coalitionPlaceholder")}</option>
                  {coalitions.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name} ({c.place})
                    </option>
                  ))}
                </select>
              </Field>
              <Field field={facilitatorFields.language} label={t("admin.invite.language")}>
                <select {...getSelectProps(facilitatorFields.language)}>
                  <option value="nl">{t("lang.nl")}</option>
                  <option value="en">{t("lang.en")}</option>
                </select>
              </Field>
              <div className="actions">
                <SubmitButton>{t("admin.invite.send")}</SubmitButton>
              </div>
            </Form>
          )}
        </section>

        <section aria-labelledby="invite-funder-title">
          <h2 id="invite-funder-title">{t("admin.invite.funder.title")}</h2>
          <p className="muted">{t("admin.invite.funder.intro")}</p>
          <Form method="post" className="stack" {...getFormProps(funderForm)}>
            <input type="hidden" name="intent" value="funder" />
            <FormErrors errors={funderForm.errors} />
            <Field field={funderFields.email} label={t("admin.invite.email")}>
              <input {...getInputProps(funderFields.email, { type: "email" })} autoComplete="off" />
            </Field>
            <Field field={funderFields.language} label={t("admin.invite.language")}>
              <select {...getSelectProps(funderFields.language)}>
                <option value="nl">{t("lang.nl")}</option>
                <option value="en">{t("lang.en")}</option>
              </select>
            </Field>
            <div className="actions">
              <SubmitButton>{t("admin.invite.send")}</SubmitButton>
            </div>
          </Form>
        </section>
      </div>

      <h2>{t("admin.invitations.recent")}</h2>
      {invitations.length === 0 ? (
        <p>{t("admin.invitations.none")}</p>
      ) : (
          <table className="stack-table">
            <thead>
              <tr>
                <th scope="col">{t("admin.invitations.email")}</th>
                <th scope="col">{t("admin.invitations.for")}</th>
                <th scope="col">{t("admin.invitations.role")}</th>
                <th scope="col">{t("admin.invitations.sentAt")}</th>
                <th scope="col">{t("admin.invitations.status")}</th>
              </tr>
            </thead>
            <tbody>
              {invitations.map((i) => (
                <tr key={i.id}>
                  <th scope="row" className="email">{i.email}</th>
                  <td data-label={t("admin.invitations.for")}>{i.coalitionName ?? t("admin.invitations.programme")}</td>
                  <td data-label={t("admin.invitations.role")}>{i.role === "funder" ? t("accountRole.funder") : t(`role.${i.role}`)}</td>
                  <td data-label={t("admin.invitations.sentAt")}>{formatDateTime(i.createdAt, locale)}</td>
                  <td data-label={t("admin.invitations.status")}>
                    {i.status === "open"
                      ? t("admin.invitations.status.open", { date: formatDate(i.expiresAt, locale) })
                      : t(`admin.invitations.status.${i.status}`)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
      )}
    </section>
  );
}
