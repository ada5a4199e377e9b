import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/permissions.server";
import { eventMessageSchema, type MessageRecipients } from "~/domain/events/registrations/message-form";
import { eventRegistrations, eventWithPersonalData, messageRegistrants } from "~/domain/events/registrations/organiser-registrations.server";
import { formatDate, formatDateTime, formatTimeSpan } from "~/i18n/dates";
import { SubmitButton } from "~/ui/Button";
import { Field, FieldErrors, FormErrors } from "~/ui/Field";
import { useLocale, useT } from "~/ui/i18n";
import { TableScroll } from "~/ui/TableScroll";

// /teams/:team/events/:id/registrations — the organisers' view of a coalition's event (the programme-wide
// variant at /programme/events/:id/registrations renders this same page). Anyone else: 404.

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Aanmeldingen · ${data.event.title} · Leernetwerk` : "Leernetwerk" },
];

/** The page's data, for this route and the programme-wide one. */
export async function registrationsPage(request: Request, teamSlug: string | null, id: string | undefined) {
  const user = await requireUser(request);
  const overview = await eventRegistrations(user, teamSlug, id);
  const sent = Number.parseInt(new URL(request.url).searchParams.get("sent") ?? "", 10);
  return json({ ...overview, sent: Number.isFinite(sent) && sent >= 0 ? sent : null });
}

/** The message to everyone registered: organisers only (404 first), then the form, then one e-mail each. */
export async function sendRegistrationsMessage(request: Request, teamSlug: string | null, id: string | undefined) {
  const user = await requireUser(request);
  await eventWithPersonalData(user, teamSlug, id);
  const submission = parseWithZod(await request.formData(), { schema: eventMessageSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const { sent, path } = await messageRegistrants(user, teamSlug, id, submission.value);
  return redirect(`${path}/registrations?sent=${sent}`);
}

export function loader({ request, params }: LoaderFunctionArgs) {
  return registrationsPage(request, params.team ?? "", params.id);
}

export function action({ request, params }: ActionFunctionArgs) {
  return sendRegistrationsMessage(request, params.team ?? "", params.id);
}

export default function EventRegistrations() {
  const t = useT();
  const locale = useLocale();
  const { event, counts, registrations, sent } = useLoaderData<typeof loader>();
  const when = formatTimeSpan(event.startsAt, event.endsAt, locale);
  const deleted = event.personalDataDeletedAt !== null;
  return (
    <section>
      <p>
        <Link to={event.path}>{t("eventRegistrations.back", { event: event.title })}</Link>
      </p>
      <h1>{t("eventRegistrations.title")}</h1>
      <p className="lead">{t("eventRegistrations.intro", { event: event.title, when })}</p>
      {sent !== null ? (
        <p className="flash" role="status">
          {sent === 0 ? t("eventRegistrations.message.sentNone") : t("eventRegistrations.message.sent", { count: sent })}
        </p>
      ) : null}
      {deleted ? (
        <p className="flash">{t("eventRegistrations.deleted", { date: formatDate(event.personalDataDeletedAt!, locale) })}</p>
      ) : null}

      <h2 id="counts">{t("eventRegistrations.counts")}</h2>
      <dl className="milestone-summary" aria-labelledby="counts">
        <div>
          <dt>{t("eventRegistrations.count.registered")}</dt>
          <dd>{counts.registered}</dd>
        </div>
        <div>
          <dt>{t("eventRegistrations.count.placesLeft", { capacity: event.capacity })}</dt>
          <dd>{counts.placesLeft}</dd>
        </div>
        <div>
          <dt>{t("eventRegistrations.count.waiting")}</dt>
          <dd>{counts.waiting}</dd>
        </div>
        <div>
          <dt>{t("eventRegistrations.count.cancelled")}</dt>
          <dd>{counts.cancelled}</dd>
        </div>
        {counts.yes.map((question) => (
          <div key={question.questionId}>
            <dt>{t("eventRegistrations.count.yes", { question: question.label })}</dt>
            <dd>{question.count}</dd>
          </div>
        ))}
        {event.asksDietary && !deleted ? (
          <div>
            <dt>{t("eventRegistrations.count.dietary")}</dt>
            <dd>{counts.dietary}</dd>
          </div>
        ) : null}
      </dl>
      {counts.yes.length > 0 || (event.asksDietary && !deleted) ? <p className="muted">{t("eventRegistrations.countsNote")}</p> : null}

      {registrations ? (
        <>
          <h2 id="list">{t("eventRegistrations.list")}</h2>
          {registrations.length === 0 ? (
            <p className="muted">{t("eventRegistrations.none")}</p>
          ) : (
            <table aria-labelledby="list" className="stack-table">
                <thead>
                  <tr>
                    <th scope="col">{t("eventRegistrations.col.name")}</th>
                    <th scope="col">{t("eventRegistrations.col.email")}</th>
                    <th scope="col">{t("eventRegistrations.col.organisation")}</th>
                    {event.questions.map((q) => (
                      <th scope="col" key={q.id}>
                        {q.label}
                      </th>
                    ))}
                    {event.asksDietary ? <th scope="col">{t("eventRegistrations.col.dietary")}</th> : null}
                    <th scope="col">{t("eventRegistrations.col.status")}</th>
                    <th scope="col">{t("eventRegistrations.col.registeredOn")}</th>
                  </tr>
                </thead>
                <tbody>
                  {registrations.map((r) => (
                    <tr key={r.id}>
                      <th scope="row">{r.name}</th>
                      <td data-label={t("eventRegistrations.col.email")} className="email">{r.email}</td>
                      <td data-label={t("eventRegistrations.col.organisation")}>{r.organisation}</td>
                      {r.answers.map((answer, index) => (
                        <td key={event.questions[index].id} data-label={event.questions[index].label}>
                          {answer === null ? "" : t(answer ? "eventRegistrations.yes" : "eventRegistrations.no")}
                        </td>
                      ))}
                      {event.asksDietary ? <td data-label={t("eventRegistrations.col.dietary")}>{r.dietary}</td> : null}
                      <td data-label={t("eventRegistrations.col.status")}>
                        {r.waitingPosition
                          ? t("eventRegistrations.status.waitingAt", { position: r.waitingPosition })
                          : t(`eventRegistrations.status.${r.status}`)}
                      </td>
                      <td data-label={t("eventRegistrations.col.registeredOn")}>{formatDateTime(r.createdAt, locale)}</td>
                    </tr>
                  ))}
                </tbody>
            </table>
          )}

          <h2>{t("eventRegistrations.downloads")}</h2>
          <ul className="plain-list">
            <li>
              <a href={`${event.path}/registrations.csv`} download>
                {t("eventRegistrations.csv")}
              </a>
            </li>
            <li>
              <Link to={`${event.path}/attendance`}>{t("eventRegistrations.attendanceLink")}</Link>
            </li>
          </ul>

          <MessageForm registered={counts.registered} waiting={counts.waiting} />
        </>
      ) : null}
    </section>
  );
}

function MessageForm({ registered, waiting }: { registered: number; waiting: number }) {
  const t = useT();
  const lastResult = useActionData<SubmissionResult<string[]>>();
  const [form, fields] = useForm<{ subject: string; text: string; recipients: MessageRecipients }>({
    id: "message",
    lastResult,
    defaultValue: { recipients: "registered" },
  });
  const choices: { value: MessageRecipients; count: number }[] = [
    { value: "registered", count: registered },
    { value: "registeredAndWaiting", count: registered + waiting },
  ];
  return (
    <section aria-labelledby="message-heading">
      <h2 id="message-heading">{t("eventRegistrations.message.title")}</h2>
      <p>{t("eventRegistrations.message.intro")}</p>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <Field field={fields.subject} label={t("eventRegistrations.message.subject")}>
          <input {...getInputProps(fields.subject, { type: "text" })} />
        </Field>
        <Field field={fields.text} label={t("eventRegistrations.message.text")}>
          <textarea {...getTextareaProps(fields.text)} rows={8} />
        </Field>
        <fieldset aria-describedby={fields.recipients.errors?.length ? fields.recipients.errorId : undefined}>
          <legend>{t("eventRegistrations.message.recipients")}</legend>
          {choices.map((choice) => (
            <label key={choice.value} className="choice">
              <input
                type="radio"
                name={fields.recipients.name}
                value={choice.value}
                defaultChecked={(fields.recipients.initialValue ?? "registered") === choice.value}
              />
              {t(`eventRegistrations.message.recipients.${choice.value}`, { count: choice.count })}
            </label>
          ))}
          <FieldErrors id={fields.recipients.errorId} errors={fields.recipients.errors} />
        </fieldset>
        <div className="actions">
          <SubmitButton>{t("eventRegistrations.message.submit")}</SubmitButton>
        </div>
      </Form>
    </section>
  );
}
