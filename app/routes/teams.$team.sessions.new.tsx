import { getCollectionProps, getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireTeamReader, requireUser } from "~/auth/permissions.server";
import { publicUrl } from "~/domain/email.server";
import { intervisionMethods } from "~/domain/intervision-methods";
import { newSessionSchema } from "~/domain/session-form";
import { createSession, inviteeCandidates, requireSessionScheduler } from "~/domain/sessions.server";
import { MAX_SESSION_SLOTS } from "~/domain/vocabulary";
import { SubmitButton } from "~/ui/Button";
import { Field, FieldErrors, FormErrors } from "~/ui/Field";
import { setFlash } from "~/ui/flash.server";
import { useLocale, useT } from "~/ui/i18n";
import { methodPath } from "~/ui/SessionFacts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.team.name ?? ""} · Leernetwerk` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const team = await requireTeamReader(user, params.team);
  requireSessionScheduler(user, team);
  return json({ team, candidates: await inviteeCandidates(user, team) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const team = await requireTeamReader(user, params.team);
  requireSessionScheduler(user, team);
  const submission = parseWithZod(await request.formData(), { schema: newSessionSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const outcome = await createSession(user, team, submission.value, publicUrl(request));
  if (!outcome.ok) {
    return json(submission.reply({ fieldErrors: { [outcome.field ?? ""]: [outcome.message] } }), { status: 400 });
  }
  return redirect(`/teams/${team.slug}/sessions/${outcome.id}`, { headers: { "Set-Cookie": await setFlash("session.created") } });
}

const blankRows = Array.from({ length: MAX_SESSION_SLOTS }, () => ({ date: "", start: "", end: "" }));

export default function NewSession() {
  const t = useT();
  const locale = useLocale();
  const { team, candidates } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "new-session",
    lastResult,
    defaultValue: { title: "", method: intervisionMethods[0]?.slug ?? "", place: "", videoUrl: "", invitees: [], slots: blankRows },
  });
  const rows = fields.slots.getFieldList();
  const method = intervisionMethods.find((m) => m.slug === (fields.method.value ?? fields.method.initialValue));
  return (
    <section>
      <p>
        <Link to={`/teams/${team.slug}/sessions`}>{t("session.back")}</Link>
      </p>
      <h1>{t("sessions.new")}</h1>
      <p className="lead">{t("session.new.intro")}</p>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <Field field={fields.title} label={t("session.field.title")} hint={t("session.field.titleHint")}>
          <input {...getInputProps(fields.title, { type: "text", ariaDescribedBy: fields.title.descriptionId })} autoComplete="off" />
        </Field>
        <Field field={fields.method} label={t("session.field.method")}>
          <select {...getSelectProps(fields.method)}>
            {intervisionMethods.map((m) => (
              <option key={m.slug} value={m.slug}>
                {m.name[locale]}
              </option>
            ))}
          </select>
        </Field>
        <p className="field-hint">
          {method ? (
            <Link to={methodPath(method.slug)}>{t("session.field.methodRead", { method: method.name[locale] })}</Link>
          ) : null}{" "}
          <Link to={methodPath()}>{t("session.field.methodsAll")}</Link>
        </p>
        <fieldset className="stack">
          <legend>{t("session.field.where")}</legend>
          <p className="field-hint">{t("session.field.whereHint")}</p>
          <Field field={fields.place} label={t("session.field.place")}>
            <input {...getInputProps(fields.place, { type: "text" })} autoComplete="off" />
          </Field>
          <Field field={fields.videoUrl} label={t("session.field.videoUrl")} hint={t("session.field.videoUrlHint")}>
            <input
              {...getInputProps(fields.videoUrl, { type: "url", ariaDescribedBy: fields.videoUrl.descriptionId })}
              autoComplete="off"
              inputMode="url"
            />
          </Field>
        </fieldset>
        <fieldset aria-describedby={`${fields.invitees.descriptionId} ${fields.invitees.errorId}`}>
          <legend>{t("session.field.invitees")}</legend>
          <p className="field-hint" id={fields.invitees.descriptionId}>
            {t("session.field.inviteesHint")}
          </p>
          {candidates.length === 0 ? (
            <p className="muted">{t("session.field.inviteesNone")}</p>
          ) : (
            <div className="choice-grid">
              {getCollectionProps(fields.invitees, { type: "checkbox", options: candidates.map((c) => c.id) }).map((props, index) => (
                <label className="choice" key={props.key} htmlFor={props.id}>
                  <input {...props} key={props.key} />
                  {candidates[index].name}
                  {candidates[index].role === "facilitator" ? <span className="muted"> ({t("role.facilitator")})</span> : null}
                </label>
              ))}
            </div>
          )}
          <FieldErrors id={fields.invitees.errorId} errors={fields.invitees.errors} />
        </fieldset>
        <fieldset className="stack" aria-describedby={`${fields.slots.descriptionId} ${fields.slots.errorId}`}>
          <legend>{t("session.field.slots")}</legend>
          <p className="field-hint" id={fields.slots.descriptionId}>
            {t("session.field.slotsHint", { max: MAX_SESSION_SLOTS })}
          </p>
          <FieldErrors id={fields.slots.errorId} errors={fields.slots.errors} />
          {rows.map((row, index) => {
            const slot = row.getFieldset();
            return (
              <fieldset key={row.key} className="slot-row">
                <legend>{t("session.field.slot", { number: index + 1 })}</legend>
                <Field field={slot.date} label={t("session.field.date")}>
                  <input {...getInputProps(slot.date, { type: "date" })} />
                </Field>
                <Field field={slot.start} label={t("session.field.start")}>
                  <input {...getInputProps(slot.start, { type: "time" })} />
                </Field>
                <Field field={slot.end} label={t("session.field.end")}>
                  <input {...getInputProps(slot.end, { type: "time" })} />
                </Field>
              </fieldset>
            );
          })}
        </fieldset>
        <div className="actions">
          <SubmitButton>{t("session.new.submit")}</SubmitButton>
          <Link to={`/teams/${team.slug}/sessions`}>{t("form.cancel")}</Link>
        </div>
      </Form>
    </section>
  );
}
