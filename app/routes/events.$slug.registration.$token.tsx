import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { publicUrl } from "~/domain/mail/email.server";
import { registrationChangeSchema, type RegistrationChange } from "~/domain/events/registrations/registration-form";
import { cancelRegistration, changeRegistration, registrationPage } from "~/domain/events/registrations/visitor-registration.server";
import { formatTimeSpan } from "~/i18n/dates";
import { SubmitButton } from "~/ui/Button";
import { Field, FormErrors } from "~/ui/Field";
import { RegistrationExtras } from "~/ui/events/RegistrationExtras";
import { setFlash } from "~/ui/flash.server";
import { useLocale, useT } from "~/ui/i18n";

// /events/:slug/registration/:token — a registrant's own page, behind the personal link from the e-mail:
// no account needed, the secret link is the key. Change the details or cancel.

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.event.title ?? ""} · Leernetwerk` },
  { name: "robots", content: "noindex" },
];

export async function loader({ params }: LoaderFunctionArgs) {
  return json(await registrationPage(params.slug, params.token));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await request.formData();
  const here = new URL(request.url).pathname;
  if (formData.get("intent") === "cancel") {
    const outcome = await cancelRegistration(params.slug, params.token, publicUrl(request));
    if (!outcome.ok) return json({ result: null, message: outcome.message }, { status: 400 });
    return redirect(here, { headers: { "Set-Cookie": await setFlash("eventPublic.flash.cancelled") } });
  }
  const submission = parseWithZod(formData, { schema: registrationChangeSchema });
  if (submission.status !== "success") return json({ result: submission.reply(), message: null }, { status: 400 });
  const outcome = await changeRegistration(params.slug, params.token, submission.value);
  if (!outcome.ok) return json({ result: submission.reply({ formErrors: [outcome.message] }), message: null }, { status: 400 });
  return redirect(here, { headers: { "Set-Cookie": await setFlash("eventPublic.flash.saved") } });
}

export default function RegistrationPage() {
  const t = useT();
  const locale = useLocale();
  const { event, registration, changeable } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const status =
    registration.status === "waiting"
      ? t("eventPublic.registration.status.waiting", { position: registration.waitingPosition })
      : t(`eventPublic.registration.status.${registration.status}`);
  return (
    <article className="page-narrow">
      <h1>{t("eventPublic.registration.title")}</h1>
      <p className="lead">{t("eventPublic.registration.for", { title: event.title })}</p>
      <dl className="milestone-facts">
        <div>
          <dt>{t("eventPublic.when")}</dt>
          <dd>{formatTimeSpan(event.startsAt, event.endsAt, locale)}</dd>
        </div>
        <div>
          <dt>{t("eventPublic.where")}</dt>
          <dd>
            {event.place}, {event.address}
          </dd>
        </div>
        <div>
          <dt>{t("eventPublic.registration.status")}</dt>
          <dd>
            <strong>{status}</strong>
          </dd>
        </div>
        <div>
          <dt>{t("eventPublic.field.email")}</dt>
          <dd>{registration.email}</dd>
        </div>
        {registration.answers.map((answer) => (
          <div key={answer.id}>
            <dt>{answer.label}</dt>
            <dd>{t(answer.yes ? "eventPublic.registration.yes" : "eventPublic.registration.no")}</dd>
          </div>
        ))}
      </dl>
      {reply?.message ? (
        <p className="form-error" role="alert">
          {t(reply.message)}
        </p>
      ) : null}
      {registration.status === "cancelled" ? <p>{t("eventPublic.registration.cancelledNotice")}</p> : null}
      {registration.status !== "cancelled" && !changeable ? <p>{t("eventPublic.registration.over")}</p> : null}
      {changeable ? (
        <>
          <ChangeForm />
          <section aria-labelledby="cancel-heading" className="stack">
            <h2 id="cancel-heading">{t("eventPublic.registration.cancel")}</h2>
            <p>{t("eventPublic.registration.cancelHint")}</p>
            <Form method="post">
              <input type="hidden" name="intent" value="cancel" />
              <SubmitButton variant="danger">{t("eventPublic.registration.cancelConfirm")}</SubmitButton>
            </Form>
          </section>
        </>
      ) : null}
      <p>
        <Link to={`/events/${event.slug}`}>{t("eventPublic.registration.eventPage")}</Link>
      </p>
      <p className="muted">{t("eventPublic.retention")}</p>
    </article>
  );
}

function ChangeForm() {
  const t = useT();
  const { event, registration } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const [form, fields] = useForm<RegistrationChange>({
    id: "change",
    lastResult: reply?.result ?? undefined,
    defaultValue: {
      name: registration.name,
      organisation: registration.organisation,
      dietary: registration.dietary,
      yes: registration.answers.filter((a) => a.yes).map((a) => a.id),
    },
  });
  return (
    <section aria-labelledby="change-heading">
      <h2 id="change-heading">{t("eventPublic.registration.change")}</h2>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="change" />
        <FormErrors errors={form.errors} />
        <Field field={fields.name} label={t("eventPublic.field.name")}>
          <input {...getInputProps(fields.name, { type: "text" })} autoComplete="name" maxLength={120} />
        </Field>
        <Field field={fields.organisation} label={t("eventPublic.field.organisation")}>
          <input {...getInputProps(fields.organisation, { type: "text" })} autoComplete="organization" maxLength={200} />
        </Field>
        <RegistrationExtras
          yes={fields.yes}
          dietary={fields.dietary}
          questions={registration.answers}
          asksDietary={event.asksDietary}
        />
        <div className="actions">
          <SubmitButton>{t("eventPublic.registration.save")}</SubmitButton>
        </div>
      </Form>
    </section>
  );
}
