import { getFormProps, getInputProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { joinRequestSchema, type JoinRequestInput } from "~/domain/agreements/joining/join-form";
import { publicAgreementPage, sendJoinRequest } from "~/domain/agreements/joining/public-agreement.server";
import { publicUrl } from "~/domain/mail/email.server";
import { AgreementText, Partners, Signatories, VersionLine } from "~/ui/agreements/joining/PublicAgreement";
import { SubmitButton } from "~/ui/Button";
import { Field, FieldErrors, FormErrors } from "~/ui/Field";
import { useT } from "~/ui/i18n";

// /agreements/:team — a coalition's published agreement, for anyone, without an account and without
// JavaScript: what the partners agreed, who signed, and the form to ask to join. 404 while not published.

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.coalition.name ?? ""} · Samenwerkingsovereenkomst · Leernetwerk` }];

export async function loader({ params }: LoaderFunctionArgs) {
  return json(await publicAgreementPage(params.team));
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: joinRequestSchema });
  if (submission.status !== "success") return json({ result: submission.reply(), throttled: false }, { status: 400 });
  const outcome = await sendJoinRequest(params.team, submission.value, {
    address: (context.clientAddress as string | undefined) ?? "unknown",
    origin: publicUrl(request),
  });
  if (!outcome.ok) return json({ result: submission.reply(), throttled: true }, { status: 429 });
  return redirect(`/agreements/${params.team}/thanks`);
}

export default function PublicAgreementPage() {
  const t = useT();
  const { coalition, partners, people, version, signatures } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  return (
    <article className="agreement-page">
      <h1>{t("joining.public.title", { name: coalition.name })}</h1>
      <p className="lead">{t("joining.public.lead", { name: coalition.name, place: coalition.place })}</p>
      <VersionLine number={version.number} signedAt={version.signedAt} />
      <section aria-labelledby="partners-heading">
        <h2 id="partners-heading">{t("joining.public.partners")}</h2>
        <Partners partners={partners} people={people} />
      </section>
      <AgreementText vision={version.vision} articles={version.articles} />
      <section aria-labelledby="signatures-heading">
        <h2 id="signatures-heading">{t("joining.public.signatures")}</h2>
        <Signatories signatures={signatures} />
      </section>
      <section aria-labelledby="join-heading">
        <h2 id="join-heading">{t("joining.public.join")}</h2>
        <p>{t("joining.public.joinIntro", { name: coalition.name })}</p>
        {reply?.throttled ? (
          <div className="form-error" role="alert">
            <p>
              <strong>{t("joining.public.throttled.title")}</strong>
            </p>
            <p>{t("joining.public.throttled")}</p>
          </div>
        ) : null}
        <JoinForm />
      </section>
      <p className="muted">{t("joining.public.retention")}</p>
    </article>
  );
}

function JoinForm() {
  const t = useT();
  const reply = useActionData<typeof action>();
  const [form, fields] = useForm<JoinRequestInput>({
    id: "join",
    lastResult: reply?.result ?? undefined,
    defaultValue: { kind: "organisation" },
  });
  const kind = fields.kind.initialValue ?? "organisation";
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <FormErrors errors={form.errors} />
      <fieldset>
        <legend>{t("joining.public.field.kind")}</legend>
        {(["organisation", "individual"] as const).map((option) => (
          <label key={option} className="choice" htmlFor={`${fields.kind.id}-${option}`}>
            <input type="radio" id={`${fields.kind.id}-${option}`} name={fields.kind.name} value={option} defaultChecked={kind === option} />
            <span>{t(`joining.public.field.kind.${option}`)}</span>
          </label>
        ))}
        <FieldErrors id={fields.kind.errorId} errors={fields.kind.errors} />
      </fieldset>
      <Field field={fields.organisationName} label={t("joining.public.field.organisationName")} hint={t("joining.public.field.organisationNameHint")}>
        <input
          {...getInputProps(fields.organisationName, { type: "text", ariaDescribedBy: fields.organisationName.descriptionId })}
          autoComplete="organization"
          maxLength={200}
        />
      </Field>
      <Field field={fields.contactName} label={t("joining.public.field.contactName")} hint={t("joining.public.field.contactNameHint")}>
        <input
          {...getInputProps(fields.contactName, { type: "text", ariaDescribedBy: fields.contactName.descriptionId })}
          autoComplete="name"
          maxLength={120}
        />
      </Field>
      <Field field={fields.email} label={t("joining.public.field.email")} hint={t("joining.public.field.emailHint")}>
        <input {...getInputProps(fields.email, { type: "email", ariaDescribedBy: fields.email.descriptionId })} autoComplete="email" />
      </Field>
      <Field field={fields.motivation} label={t("joining.public.field.motivation")} hint={t("joining.public.field.motivationHint")}>
        <textarea {...getTextareaProps(fields.motivation, { ariaDescribedBy: fields.motivation.descriptionId })} rows={5} maxLength={2000} />
      </Field>
      {/* The honeypot: hidden from sight and from screen readers, out of the tab order, never autofilled. */}
      <div className="visually-hidden" aria-hidden="true">
        <label htmlFor="join-website">{t("joining.public.field.honeypot")}</label>
        <input type="text" id="join-website" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      <div className="actions">
        <SubmitButton>{t("joining.public.submit")}</SubmitButton>
      </div>
    </Form>
  );
}
