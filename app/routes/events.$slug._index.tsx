import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getUser } from "~/auth/permissions.server";
import { publicUrl } from "~/domain/mail/email.server";
import { registrationSchema, type RegistrationInput } from "~/domain/events/registrations/registration-form";
import { publicEventPage, registerForEvent } from "~/domain/events/registrations/visitor-registration.server";
import { readersOf } from "~/domain/coalitions/readers.server";
import { amsterdamDayAndTime, formatDateTime, formatTimeSpan } from "~/i18n/dates";
import { RichText } from "~/richtext/RichText";
import type { RichTextState } from "~/richtext/schema";
import { SubmitButton } from "~/ui/Button";
import { Field, FormErrors } from "~/ui/Field";
import { RegistrationExtras } from "~/ui/events/RegistrationExtras";
import { useLocale, useT } from "~/ui/i18n";
import { Readers } from "~/ui/Readers";

// /events/:slug — an event's public page: for anyone with the link (a network event: signed-in people),
// on a phone and without JavaScript. Registering answers on the same page.

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.event.title ?? ""} · Leernetwerk` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const page = await publicEventPage(user, params.slug);
  return json({ ...page, readers: await readersOf({ kind: "event", slug: page.event.slug }, user) });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await getUser(request);
  const submission = parseWithZod(await request.formData(), { schema: registrationSchema });
  if (submission.status !== "success") return json({ result: submission.reply(), done: null, throttled: false }, { status: 400 });
  const outcome = await registerForEvent(user, params.slug, submission.value, {
    address: (context.clientAddress as string | undefined) ?? "unknown",
    origin: publicUrl(request),
  });
  if (!outcome.ok && outcome.reason === "throttled") return json({ result: null, done: null, throttled: true }, { status: 429 });
  if (!outcome.ok) {
    return json(
      { result: submission.reply({ formErrors: ["eventPublic.register.closed"] }), done: null, throttled: false },
      { status: 400 }
    );
  }
  return json({ result: null, done: outcome.shown, throttled: false });
}

export default function EventPage() {
  const t = useT();
  const locale = useLocale();
  const { event, placesLeft, form, afterwards, readers } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  return (
    <article className="event-page">
      <h1>{event.title}</h1>
      <p className="lead">
        {event.coalitionName ? t("eventPublic.organiser", { name: event.coalitionName }) : t("eventPublic.organiserProgramme")}
      </p>
      <Readers readers={readers} />
      {reply?.done ? (
        <p className="flash" role="status">
          {t(reply.done === "registered" ? "eventPublic.done.registered" : "eventPublic.done.waiting")}
        </p>
      ) : null}
      {reply?.throttled ? (
        <div className="form-error" role="alert">
          <p>
            <strong>{t("eventPublic.throttled.title")}</strong>
          </p>
          <p>{t("eventPublic.throttled")}</p>
        </div>
      ) : null}
      <dl className="milestone-facts">
        <div>
          <dt>{t("eventPublic.when")}</dt>
          <dd>{formatTimeSpan(event.startsAt, event.endsAt, locale)}</dd>
        </div>
        <div>
          <dt>{t("eventPublic.where")}</dt>
          <dd>
            {event.place}
            <br />
            {event.address}
          </dd>
        </div>
        <div>
          <dt>{t("eventPublic.places")}</dt>
          <dd>
            {placesLeft > 0
              ? t("eventPublic.placesLeft", { left: placesLeft, capacity: event.capacity })
              : t("eventPublic.placesNone", { capacity: event.capacity })}
          </dd>
        </div>
        <div>
          <dt>{t("eventPublic.deadline")}</dt>
          <dd>{formatDateTime(event.registrationDeadline, locale)}</dd>
        </div>
      </dl>
      <p>
        <a className="button button-secondary" href={`/events/${event.slug}.ics`} download={`${event.slug}.ics`}>
          {t("eventPublic.calendar")}
        </a>
      </p>
      <RichText state={event.description as RichTextState} />
      {event.programme.length ? (
        <section aria-labelledby="programme-heading">
          <h2 id="programme-heading">{t("eventPublic.programme")}</h2>
          <ol className="plain-list event-programme">
            {event.programme.map((item) => (
              <li key={`${item.startsAt}-${item.title}`}>
                <time dateTime={new Date(item.startsAt).toISOString()}>{amsterdamDayAndTime(item.startsAt).time}</time>{" "}
                {item.title}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {afterwards && (afterwards.report || afterwards.items.length > 0) ? (
        <section aria-labelledby="presented-heading">
          <h2 id="presented-heading">{t("eventPublic.presented")}</h2>
          {afterwards.report ? <RichText state={afterwards.report as RichTextState} /> : null}
          {afterwards.items.length > 0 ? (
            <ul className="plain-list">
              {afterwards.items.map((item) => (
                <li key={item.id}>
                  <span className="badge">{t(`network.kind.${item.kind}`)}</span> <Link to={item.href}>{item.title}</Link>{" "}
                  <span className="muted">· {item.coalitionName}</span>
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}
      {reply?.done || reply?.throttled ? null : (
        <section aria-labelledby="register-heading">
          <h2 id="register-heading">{t("eventPublic.register.title")}</h2>
          {form === "closed" ? <p>{t("eventPublic.register.closed")}</p> : <RegistrationForm />}
        </section>
      )}
      <p className="muted">{t("eventPublic.retention")}</p>
    </article>
  );
}

function RegistrationForm() {
  const t = useT();
  const { event, form: state, signedIn } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const [form, fields] = useForm<RegistrationInput>({
    id: "register",
    lastResult: reply?.result ?? undefined,
    defaultValue: signedIn ? { name: signedIn.name, email: signedIn.email } : undefined,
  });
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      {state === "full" ? <p className="form-error">{t("eventPublic.register.full")}</p> : null}
      {signedIn ? <p className="muted">{t("eventPublic.register.signedIn", { name: signedIn.name })}</p> : null}
      <FormErrors errors={form.errors} />
      <Field field={fields.name} label={t("eventPublic.field.name")}>
        <input {...getInputProps(fields.name, { type: "text" })} autoComplete="name" maxLength={120} />
      </Field>
      <Field field={fields.email} label={t("eventPublic.field.email")} hint={t("eventPublic.field.emailHint")}>
        <input
          {...getInputProps(fields.email, { type: "email", ariaDescribedBy: fields.email.descriptionId })}
          autoComplete="email"
        />
      </Field>
      <Field field={fields.organisation} label={t("eventPublic.field.organisation")}>
        <input {...getInputProps(fields.organisation, { type: "text" })} autoComplete="organization" maxLength={200} />
      </Field>
      <RegistrationExtras
        yes={fields.yes}
        dietary={fields.dietary}
        questions={event.questions}
        asksDietary={event.asksDietary}
        showHint
      />
      {/* The honeypot: hidden from sight and from screen readers, out of the tab order, never autofilled. */}
      <div className="visually-hidden" aria-hidden="true">
        <label htmlFor="register-website">{t("eventPublic.field.honeypot")}</label>
        <input type="text" id="register-website" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      <div className="actions">
        <SubmitButton>{t(state === "full" ? "eventPublic.submitWaiting" : "eventPublic.submit")}</SubmitButton>
      </div>
    </Form>
  );
}
