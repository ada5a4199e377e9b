import { getFormProps, getInputProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { outsiderContributionSchema } from "~/domain/rounds/round-form";
import { contributeAsOutsider, roundForOutsiders } from "~/domain/rounds/outsider-contribution.server";
import { formatDay } from "~/i18n/dates";
import { SubmitButton } from "~/ui/Button";
import { Field, FieldErrors, FormErrors } from "~/ui/Field";
import { formErrors } from "~/ui/form-answer.server";
import { useLocale, useT } from "~/ui/i18n";

// /rounds/:token — an input round's page for people without an account, on a phone and without JavaScript:
// the question, a text, an optional name and a perspective. What they typed comes back on every refusal.

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.round.question ?? ""} · Leernetwerk` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const round = await roundForOutsiders(params.token);
  return json({ round, thanked: new URL(request.url).searchParams.has("bedankt") });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: outsiderContributionSchema });
  if (submission.status !== "success") return formErrors(submission, 400, { throttled: false });
  const outcome = await contributeAsOutsider(params.token, submission.value, {
    address: (context.clientAddress as string | undefined) ?? "unknown",
  });
  if (outcome.ok) return redirect(`/rounds/${params.token}?bedankt`);
  if (outcome.reason === "throttled") return formErrors(submission, 429, { throttled: true, refusal: { ok: false, message: "roundPublic.throttled" } });
  if (outcome.reason === "perspective") return formErrors(submission, 400, { throttled: false, refusal: { ok: false, message: "error.choose", field: "perspective" } });
  return formErrors(submission, 400, { throttled: false, refusal: { ok: false, message: "roundPublic.closedNow" } });
}

export default function OutsiderRound() {
  const t = useT();
  const locale = useLocale();
  const { round, thanked } = useLoaderData<typeof loader>();
  return (
    <article className="page-narrow">
      <p className="lead">{t("roundPublic.from", { coalition: round.coalitionName, place: round.coalitionPlace })}</p>
      <h1>{round.question}</h1>
      {thanked ? (
        <section className="card" role="status" aria-labelledby="thanks">
          <h2 id="thanks">{t("roundPublic.thanks.title")}</h2>
          <p>{t("roundPublic.thanks.body", { coalition: round.coalitionName })}</p>
          <p>
            <a href="?">{t("roundPublic.thanks.again")}</a>
          </p>
        </section>
      ) : round.state === "open" ? (
        <>
          <p>{t("roundPublic.intro", { closes: formatDay(round.closesOn, locale) })}</p>
          <ContributionForm />
        </>
      ) : (
        <section className="card" aria-labelledby="not-open">
          <h2 id="not-open">{t(round.state === "coming" ? "roundPublic.notYet.title" : "roundPublic.closed.title")}</h2>
          <p>
            {round.state === "coming"
              ? t("roundPublic.notYet.body", { opens: formatDay(round.opensOn, locale) })
              : t("roundPublic.closed.body", { closes: formatDay(round.closesOn, locale), coalition: round.coalitionName })}
          </p>
        </section>
      )}
      <p className="muted">{t("roundPublic.privacy")}</p>
    </article>
  );
}

function ContributionForm() {
  const t = useT();
  const { round } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const [form, fields] = useForm({ id: "contribution", lastResult: reply?.result ?? undefined });
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <FormErrors errors={form.errors} />
      <Field field={fields.body} label={t("roundPublic.field.body")} hint={t("roundPublic.field.bodyHint")}>
        <textarea {...getTextareaProps(fields.body, { ariaDescribedBy: fields.body.descriptionId })} rows={6} maxLength={2000} />
      </Field>
      <fieldset aria-describedby={fields.perspective.errors?.length ? fields.perspective.errorId : undefined}>
        <legend>{t("roundPublic.field.perspective")}</legend>
        {round.perspectives.map((p) => (
          <label className="choice" key={p} htmlFor={`${fields.perspective.id}-${p}`}>
            <input
              type="radio"
              id={`${fields.perspective.id}-${p}`}
              name={fields.perspective.name}
              value={p}
              defaultChecked={fields.perspective.initialValue === p}
            />
            {t(`roundPublic.perspective.${p}`)}
          </label>
        ))}
        <FieldErrors id={fields.perspective.errorId} errors={fields.perspective.errors} />
      </fieldset>
      <Field field={fields.name} label={t("roundPublic.field.name")} hint={t("roundPublic.field.nameHint")}>
        <input {...getInputProps(fields.name, { type: "text", ariaDescribedBy: fields.name.descriptionId })} autoComplete="name" maxLength={120} />
      </Field>
      {/* The honeypot: hidden from sight and from screen readers, out of the tab order, never autofilled. */}
      <div className="visually-hidden" aria-hidden="true">
        <label htmlFor="contribution-website">{t("roundPublic.field.honeypot")}</label>
        <input type="text" id="contribution-website" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      <div className="actions">
        <SubmitButton>{t("roundPublic.submit")}</SubmitButton>
      </div>
    </Form>
  );
}
