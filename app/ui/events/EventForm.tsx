import { getCollectionProps, getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import type { SerializeFrom } from "@remix-run/node";
import { Form, Link } from "@remix-run/react";
import type { EventFormDefaults } from "../../domain/events/event-form";
import type { EventDetails, PresentableItem } from "../../domain/events/events.server";
import { formatDateTime, formatTimeSpan } from "../../i18n/dates";
import { RichText } from "../../richtext/RichText";
import { RichTextField } from "../../richtext/RichTextField";
import type { RichTextState } from "../../richtext/schema";
import { SubmitButton } from "../Button";
import { ConflictView } from "../ConflictView";
import { Field, FieldErrors, FormErrors } from "../Field";
import { useLocale, useT } from "../i18n";

// The organisers' side of network events (issue 7): the event form, the lists, the organiser page and
// "Wat we presenteerden". The team's pages and the programme's pages share these; only the addresses differ.

export type EventView = SerializeFrom<EventDetails>;
const audiences = ["public", "network"] as const;

/** Creating and editing an event: the same fields, the same rules; works without JavaScript. */
export function EventForm({
  defaultValue,
  description,
  draftKey,
  lastResult,
  version,
  registered,
  submitLabel,
  cancelTo,
}: {
  defaultValue: EventFormDefaults;
  description: RichTextState | null;
  draftKey: string;
  lastResult?: SubmissionResult<string[]>;
  version?: number;
  /** On an edit: how many places are taken, below which the capacity cannot go. */
  registered?: number;
  submitLabel: string;
  cancelTo: string;
}) {
  const t = useT();
  const [form, fields] = useForm({ id: "event", lastResult, defaultValue });
  const audience = (fields.audience.initialValue as string | undefined) ?? defaultValue.audience;
  const capacityHint = [
    t("event.field.capacityHint"),
    registered ? t("event.field.capacityRegistered", { count: registered }) : null,
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <FormErrors errors={form.errors} />
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      <Field field={fields.title} label={t("event.field.title")} hint={t("event.field.titleHint")}>
        <input {...getInputProps(fields.title, { type: "text", ariaDescribedBy: fields.title.descriptionId })} autoComplete="off" />
      </Field>
      <RichTextField
        name="description"
        id={fields.description.id}
        label={t("event.field.description")}
        hint={t("event.field.descriptionHint")}
        initialState={description}
        draftKey={draftKey}
        errors={fields.description.errors}
      />

      <fieldset className="stack">
        <legend>{t("event.field.where")}</legend>
        <Field field={fields.place} label={t("event.field.place")} hint={t("event.field.placeHint")}>
          <input {...getInputProps(fields.place, { type: "text", ariaDescribedBy: fields.place.descriptionId })} autoComplete="off" />
        </Field>
        <Field field={fields.address} label={t("event.field.address")}>
          <input {...getInputProps(fields.address, { type: "text" })} autoComplete="street-address" />
        </Field>
      </fieldset>

      <fieldset className="stack" aria-describedby="event-when-hint">
        <legend>{t("event.field.when")}</legend>
        <p className="field-hint" id="event-when-hint">
          {t("event.field.whenHint")}
        </p>
        <div className="slot-row">
          <Field field={fields.day} label={t("event.field.day")}>
            <input {...getInputProps(fields.day, { type: "date" })} />
          </Field>
          <Field field={fields.start} label={t("event.field.start")}>
            <input {...getInputProps(fields.start, { type: "time" })} />
          </Field>
          <Field field={fields.end} label={t("event.field.end")}>
            <input {...getInputProps(fields.end, { type: "time" })} />
          </Field>
        </div>
      </fieldset>

      <fieldset className="stack" aria-describedby={`${fields.programme.descriptionId} ${fields.programme.errorId}`}>
        <legend>{t("event.field.programme")}</legend>
        <p className="field-hint" id={fields.programme.descriptionId}>
          {t("event.field.programmeHint")}
        </p>
        <FieldErrors id={fields.programme.errorId} errors={fields.programme.errors} />
        {fields.programme.getFieldList().map((row, index) => {
          const item = row.getFieldset();
          return (
            <fieldset key={row.key} className="slot-row">
              <legend>{t("event.field.programmeItem", { number: index + 1 })}</legend>
              <Field field={item.time} label={t("event.field.itemTime")}>
                <input {...getInputProps(item.time, { type: "time" })} />
              </Field>
              <Field field={item.title} label={t("event.field.itemTitle")}>
                <input {...getInputProps(item.title, { type: "text" })} autoComplete="off" />
              </Field>
            </fieldset>
          );
        })}
      </fieldset>

      <Field field={fields.capacity} label={t("event.field.capacity")} hint={capacityHint}>
        <input
          {...getInputProps(fields.capacity, { type: "number", ariaDescribedBy: fields.capacity.descriptionId })}
          min={Math.max(1, registered ?? 0)}
          max={10000}
          inputMode="numeric"
        />
      </Field>

      <fieldset className="stack" aria-describedby="event-deadline-hint">
        <legend>{t("event.field.deadline")}</legend>
        <p className="field-hint" id="event-deadline-hint">
          {t("event.field.deadlineHint")}
        </p>
        <div className="slot-row">
          <Field field={fields.deadlineDay} label={t("event.field.deadlineDay")}>
            <input {...getInputProps(fields.deadlineDay, { type: "date" })} />
          </Field>
          <Field field={fields.deadlineTime} label={t("event.field.deadlineTime")}>
            <input {...getInputProps(fields.deadlineTime, { type: "time" })} />
          </Field>
        </div>
      </fieldset>

      <fieldset className="stack" aria-describedby={`${fields.questions.descriptionId} ${fields.questions.errorId}`}>
        <legend>{t("event.field.questions")}</legend>
        <p className="field-hint" id={fields.questions.descriptionId}>
          {t("event.field.questionsHint")}
        </p>
        <FieldErrors id={fields.questions.errorId} errors={fields.questions.errors} />
        {fields.questions.getFieldList().map((question, index) => (
          <Field key={question.key} field={question} label={t("event.field.question", { number: index + 1 })}>
            <input {...getInputProps(question, { type: "text" })} autoComplete="off" />
          </Field>
        ))}
        <label className="choice" htmlFor={fields.asksDietary.id}>
          <input {...getInputProps(fields.asksDietary, { type: "checkbox" })} />
          {t("event.field.asksDietary")}
        </label>
      </fieldset>

      <fieldset
        className={fields.audience.errors?.length ? "field-invalid" : undefined}
        aria-describedby={fields.audience.errors?.length ? fields.audience.errorId : undefined}
      >
        <legend>{t("event.audience.legend")}</legend>
        {audiences.map((option) => {
          const id = `${fields.audience.id}-${option}`;
          return (
            <div className="choice-with-hint" key={option}>
              <input
                type="radio"
                id={id}
                name={fields.audience.name}
                value={option}
                defaultChecked={audience === option}
                aria-describedby={`${id}-who`}
              />
              <label htmlFor={id}>{t(`event.audience.${option}`)}</label>
              <p className="field-hint" id={`${id}-who`}>
                {t(`event.audience.${option}.who`)}
              </p>
            </div>
          );
        })}
        <FieldErrors id={fields.audience.errorId} errors={fields.audience.errors} />
      </fieldset>

      <div className="actions">
        <SubmitButton>{submitLabel}</SubmitButton>
        <Link to={cancelTo}>{t("form.cancel")}</Link>
      </div>
    </Form>
  );
}

/** The edit page's body: the form, or after a stale save the form beside the version saved in between. */
export function EventEditor({
  event,
  current,
  defaults,
  lastResult,
  description,
  registered,
  cancelTo,
}: {
  event: EventView;
  current: EventView | null;
  defaults: EventFormDefaults;
  lastResult?: SubmissionResult<string[]>;
  description: RichTextState | null;
  registered: number;
  cancelTo: string;
}) {
  const t = useT();
  const form = (
    <EventForm
      key={current?.version ?? event.version}
      defaultValue={defaults}
      description={description}
      draftKey={`event:${event.id}`}
      lastResult={lastResult}
      version={current?.version ?? event.version}
      registered={registered}
      submitLabel={t("event.edit.submit")}
      cancelTo={cancelTo}
    />
  );
  if (!current) return form;
  return (
    <ConflictView
      title={t("event.conflict.title")}
      body={t("event.conflict.body")}
      mine={form}
      theirs={
        <>
          <h3>{current.title}</h3>
          <EventFacts event={current} />
          <RichText state={current.description as RichTextState} />
        </>
      }
    />
  );
}

/** When, where, the programme and how registering works: what organisers check at a glance. */
export function EventFacts({ event, registered }: { event: EventView; registered?: number }) {
  const t = useT();
  const locale = useLocale();
  const time = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "nl-NL", { timeZone: "Europe/Amsterdam", timeStyle: "short" });
  return (
    <dl className="milestone-facts">
      <div>
        <dt>{t("event.page.when")}</dt>
        <dd>{formatTimeSpan(event.startsAt, event.endsAt, locale)}</dd>
      </div>
      <div>
        <dt>{t("event.page.where")}</dt>
        <dd>
          {event.place}
          <br />
          {event.address}
        </dd>
      </div>
      <div>
        <dt>{t("event.page.programme")}</dt>
        <dd>
          <ul className="plain-list">
            {event.programme.map((item) => (
              <li key={item.id}>
                <time dateTime={item.startsAt}>{time.format(new Date(item.startsAt))}</time> {item.title}
              </li>
            ))}
          </ul>
        </dd>
      </div>
      <div>
        <dt>{t("event.page.registration")}</dt>
        <dd>
          <span className="badge">{t(`event.audience.${event.audience}`)}</span> {t(`event.audience.${event.audience}.who`)}
          <br />
          {registered !== undefined ? <>{t("event.page.places", { registered, capacity: event.capacity })} </> : null}
          {t("event.page.deadline", { deadline: formatDateTime(event.registrationDeadline, locale) })}
          <br />
          {[t("event.page.questions"), ...event.questions.map((q) => q.label), ...(event.asksDietary ? [t("event.page.dietary")] : [])].join(", ")}.
        </dd>
      </div>
    </dl>
  );
}

type Choices = { lessons: PresentableItem[]; reflections: PresentableItem[]; linked: PresentableItem[] };

/** The organiser page: the event as organisers see it, and after it started, what was presented. */
export function EventOrganiserPage({
  event,
  registered,
  backTo,
  basePath,
  choices,
  lastResult,
  report,
}: {
  event: EventView;
  registered: number;
  backTo: string;
  basePath: string;
  /** Null until the event has started. */
  choices: Choices | null;
  lastResult?: SubmissionResult<string[]>;
  report: RichTextState | null;
}) {
  const t = useT();
  return (
    <section>
      <p>
        <Link to={backTo}>{t("event.back")}</Link>
      </p>
      <h1>{event.title}</h1>
      <p className="lead">
        {event.coalitionName ? t("event.page.ofTeam", { team: event.coalitionName }) : t("event.page.programmeWide")}
      </p>
      <nav aria-label={t("event.page.organisers")} className="actions section-links">
        <Link to={`${basePath}/edit`}>{t("event.page.edit")}</Link>
        <Link to={`/events/${event.slug}`}>{t("event.page.publicPage")}</Link>
        <Link to={`${basePath}/registrations`}>{t("event.page.registrations")}</Link>
      </nav>
      <EventFacts event={event} registered={registered} />
      <RichText state={event.description as RichTextState} />
      <section aria-labelledby="presented">
        <h2 id="presented">{t("event.presented.title")}</h2>
        {choices ? (
          <PresentedForm choices={choices} lastResult={lastResult} report={report} eventId={event.id} />
        ) : (
          <p className="muted">{t("event.presented.afterStart")}</p>
        )}
      </section>
    </section>
  );
}

function PresentedForm({
  choices,
  lastResult,
  report,
  eventId,
}: {
  choices: Choices;
  lastResult?: SubmissionResult<string[]>;
  report: RichTextState | null;
  eventId: string;
}) {
  const t = useT();
  const [form, fields] = useForm({
    id: "presented",
    lastResult,
    defaultValue: {
      report: undefined as string | undefined,
      lessons: choices.linked.filter((item) => item.kind === "lesson").map((item) => item.id),
      reflections: choices.linked.filter((item) => item.kind === "reflection").map((item) => item.id),
    },
  });
  const groups = [
    { field: fields.lessons, items: choices.lessons, legend: t("event.presented.lessons"), none: t("event.presented.noLessons") },
    {
      field: fields.reflections,
      items: choices.reflections,
      legend: t("event.presented.reflections"),
      none: t("event.presented.noReflections"),
    },
  ];
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <p>{t("event.presented.intro")}</p>
      <FormErrors errors={form.errors} />
      {groups.map(({ field, items, legend, none }) => (
        <fieldset
          key={field.name}
          className={field.errors?.length ? "field-invalid" : undefined}
          aria-describedby={field.errors?.length ? field.errorId : undefined}
        >
          <legend>{legend}</legend>
          {items.length === 0 ? (
            <p className="muted">{none}</p>
          ) : (
            <ul className="plain-list source-choices">
              {getCollectionProps(field, { type: "checkbox", options: items.map((item) => item.id) }).map((props, index) => (
                <li key={props.key}>
                  <label className="choice" htmlFor={props.id}>
                    <input {...props} key={props.key} />
                    <span>
                      {items[index].title} <span className="muted">· {items[index].coalitionName}</span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          )}
          <FieldErrors id={field.errorId} errors={field.errors} />
        </fieldset>
      ))}
      <RichTextField
        name="report"
        id={fields.report.id}
        label={t("event.presented.report")}
        hint={t("event.presented.reportHint")}
        initialState={report}
        draftKey={`event:${eventId}:report`}
        errors={fields.report.errors}
      />
      <div className="actions">
        <SubmitButton>{t("event.presented.save")}</SubmitButton>
      </div>
    </Form>
  );
}
