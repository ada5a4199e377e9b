import { getCollectionProps, getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { startSession } from "~/auth/session.server";
import type { Perspective } from "../../db/schema";
import { acceptanceSchema } from "~/domain/coalitions/member-forms";
import { perspectives } from "~/domain/vocabulary";
import {
  acceptInvitation,
  canJoinTeam,
  closedInvitationReason,
  findOpenInvitation,
} from "~/domain/accounts/invitations.server";
import { formatDate } from "~/i18n/dates";
import type { MessageKey } from "~/i18n/i18n";
import { SubmitButton } from "~/ui/Button";
import { Field, FieldErrors, FormErrors } from "~/ui/Field";
import { setFlash } from "~/ui/flash.server";
import { useLocale, useT } from "~/ui/i18n";


type AcceptForm = {
  name?: string;
  password: string;
  perspective?: Perspective;
  organisationId?: string;
};

const goneMessages = {
  unknown: "invite.gone.unknown",
  used: "invite.gone.used",
  withdrawn: "invite.gone.withdrawn",
  expired: "invite.gone.expired",
} as const satisfies Record<string, MessageKey>;

/** A link that does not work: 404 when it never existed, 410 when it was used, withdrawn or expired. */
async function gone(token: string) {
  const reason = await closedInvitationReason(token);
  return json({ gone: goneMessages[reason] } as const, { status: reason === "unknown" ? 404 : 410 });
}

export async function loader({ params }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  const invitation = await findOpenInvitation(token);
  if (!invitation) return gone(token);
  return json({
    gone: null,
    invitation: {
      email: invitation.email,
      kind: invitation.coalition_id ? ("team" as const) : ("funder" as const),
      role: invitation.role,
      coalitionName: invitation.coalitionName,
      inviterName: invitation.inviterName,
      expiresAt: invitation.expires_at,
      existingAccount: invitation.existingPersonId !== null,
      // a team invitation for an admin's or the funder's address cannot be accepted (DESIGN.md §2)
      blocked: Boolean(invitation.coalition_id) && !canJoinTeam(invitation.existingAccountRole),
      organisations: invitation.organisations,
    },
  });
}

const hidePasswords = { hideFields: ["password", "confirm"] };
const refusals: Record<"wrongPassword" | "throttled" | "organisation" | "accountRole", Record<string, MessageKey[]>> = {
  wrongPassword: { password: ["invite.existing.wrongPassword"] },
  throttled: { password: ["login.throttled"] },
  organisation: { organisationId: ["invite.organisationUnknown"] },
  accountRole: { "": ["invite.blocked"] },
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const invitation = await findOpenInvitation(token);
  if (!invitation) return gone(token);
  const submission = parseWithZod(await request.formData(), { schema: acceptanceSchema(invitation) });
  if (submission.status !== "success") {
    return json({ gone: null, result: submission.reply(hidePasswords) }, { status: 400 });
  }
  const { name, password, perspective, organisationId }: AcceptForm = submission.value;
  const accepted = await acceptInvitation(token, {
    name: name ?? "",
    password,
    perspective,
    organisationId: organisationId || null,
    address: (context as { clientAddress?: string }).clientAddress ?? "unknown",
  });
  if (!accepted.ok) {
    if (accepted.reason === "gone") return gone(token);
    const fieldErrors: Record<string, string[]> = refusals[accepted.reason];
    return json({ gone: null, result: submission.reply({ fieldErrors, ...hidePasswords }) }, { status: 400 });
  }
  const headers = new Headers();
  headers.append("Set-Cookie", await startSession(accepted.personId, request));
  headers.append("Set-Cookie", await setFlash("invite.welcome"));
  return redirect(accepted.coalitionSlug ? `/teams/${accepted.coalitionSlug}` : "/programme", { headers });
}

export default function Invite() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const goneMessage = reply?.gone ?? data.gone;
  if (goneMessage || !("invitation" in data)) {
    return (
      <section className="page-narrow">
        <h1>{t("invite.gone.title")}</h1>
        <p>{t(goneMessage ?? "invite.gone.unknown")}</p>
        <p>
          <Link to="/login">{t("invite.gone.login")}</Link>
        </p>
      </section>
    );
  }
  return <Acceptance invitation={data.invitation} lastResult={reply && "result" in reply ? reply.result : undefined} />;
}

type InvitationView = {
  email: string;
  kind: "team" | "funder";
  role: "member" | "facilitator" | null;
  coalitionName: string | null;
  inviterName: string | null;
  expiresAt: string;
  existingAccount: boolean;
  blocked: boolean;
  organisations: { id: string; name: string }[];
};

function Acceptance({
  invitation,
  lastResult,
}: {
  invitation: InvitationView;
  lastResult?: SubmissionResult<string[]>;
}) {
  const t = useT();
  const locale = useLocale();
  const [form, fields] = useForm({ lastResult });
  const inviter = invitation.inviterName ?? t("invite.inviterUnknown");
  const intro =
    invitation.kind === "team"
      ? t("invite.intro.team", {
          inviter,
          coalition: invitation.coalitionName ?? "",
          role: t(invitation.role === "facilitator" ? "invite.as.facilitator" : "invite.as.member"),
        })
      : t("invite.intro.funder", { inviter });

  return (
    <section className="page-narrow">
      <h1>{t("invite.title")}</h1>
      <p className="lead">{intro}</p>
      <p>
        {t("invite.for", { email: invitation.email, date: formatDate(invitation.expiresAt, locale) })}
      </p>

      {invitation.blocked ? (
        <p className="form-error">{t("invite.blocked")}</p>
      ) : (
        <Form method="post" className="stack" {...getFormProps(form)}>
          <h2>{t(invitation.existingAccount ? "invite.existing.title" : "invite.new.title")}</h2>
          <FormErrors errors={form.errors} />
          {invitation.existingAccount ? (
            <>
              <p>{t("invite.existing.intro", { email: invitation.email })}</p>
              <Field field={fields.password} label={t("invite.existing.password")}>
                <input {...getInputProps(fields.password, { type: "password" })} autoComplete="current-password" />
              </Field>
              <p>
                <Link to="/forgot-password">{t("login.forgot")}</Link>
              </p>
            </>
          ) : (
            <>
              <Field field={fields.name} label={t("invite.name")} hint={t("invite.nameHint")}>
                <input
                  {...getInputProps(fields.name, { type: "text", ariaDescribedBy: fields.name.descriptionId })}
                  autoComplete="name"
                />
              </Field>
              <Field field={fields.password} label={t("invite.password")} hint={t("reset.passwordHint")}>
                <input
                  {...getInputProps(fields.password, { type: "password", ariaDescribedBy: fields.password.descriptionId })}
                  autoComplete="new-password"
                />
              </Field>
              <Field field={fields.confirm} label={t("invite.confirm")}>
                <input {...getInputProps(fields.confirm, { type: "password" })} autoComplete="new-password" />
              </Field>
            </>
          )}

          {invitation.kind === "team" ? (
            <>
              <fieldset
                className={fields.perspective.errors?.length ? "field-invalid" : undefined}
                aria-describedby={
                  fields.perspective.errors?.length
                    ? `${fields.perspective.descriptionId} ${fields.perspective.errorId}`
                    : fields.perspective.descriptionId
                }
              >
                <legend>{t("invite.perspective")}</legend>
                <p className="field-hint" id={fields.perspective.descriptionId}>
                  {t("invite.perspectiveHint")}
                </p>
                {getCollectionProps(fields.perspective, { type: "radio", options: [...perspectives] }).map(
                  ({ key, ...props }) => (
                    <label className="choice" key={key} htmlFor={props.id}>
                      <input {...props} />
                      {t(`perspective.${props.value as Perspective}`)}
                    </label>
                  ),
                )}
                <FieldErrors id={fields.perspective.errorId} errors={fields.perspective.errors} />
              </fieldset>
              <Field field={fields.organisationId} label={t("invite.organisation")} hint={t("invite.organisationHint")}>
                <select {...getSelectProps(fields.organisationId, { ariaDescribedBy: fields.organisationId.descriptionId })}>
                  <option value="">{t("invite.organisationNone")}</option>
                  {invitation.organisations.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name}
                    </option>
                  ))}
                </select>
              </Field>
            </>
          ) : null}

          <div className="actions">
            <SubmitButton>{t(invitation.existingAccount ? "invite.existing.submit" : "invite.new.submit")}</SubmitButton>
          </div>
        </Form>
      )}
    </section>
  );
}
