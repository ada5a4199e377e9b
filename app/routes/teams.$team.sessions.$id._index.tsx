import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  type SerializeFrom,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { requireTeamReader, requireUser } from "~/auth/permissions.server";
import { publicUrl } from "~/domain/email.server";
import {
  cancelSchema,
  caseBringerSchema,
  confirmSchema,
  rescheduleSchema,
  rsvpSchema,
  voteSchema,
  volunteerSchema,
} from "~/domain/session-form";
import {
  answerInvitation,
  cancelSession,
  chooseCaseBringer,
  confirmSessionTime,
  rescheduleSession,
  sessionPage,
  voteOnTimes,
  volunteerAsCaseBringer,
  type Outcome,
} from "~/domain/sessions.server";
import { rsvpAnswers, slotAnswers } from "~/domain/vocabulary";
import { formatTimeSpan } from "~/i18n/dates";
import type { MessageKey } from "~/i18n/i18n";
import { SubmitButton } from "~/ui/Button";
import { Field, FieldErrors, FormErrors } from "~/ui/Field";
import { setFlash } from "~/ui/flash.server";
import { useLocale, useT } from "~/ui/i18n";
import { methodPath, SessionStatusBadge, SessionWhen } from "~/ui/SessionFacts";
import { usePersonName } from "~/ui/PersonName";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.page.facts.title ?? ""} · Leernetwerk` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const team = await requireTeamReader(user, params.team);
  return json({ team, page: await sessionPage(user, team, params.id) });
}

const intents = ["vote", "confirm", "rsvp", "volunteer", "caseBringer", "reschedule", "cancel"] as const;
type Intent = (typeof intents)[number];
type Reply = { intent: Intent; result: SubmissionResult<string[]> };

const flashOf: Record<Intent, MessageKey> = {
  vote: "poll.saved",
  confirm: "session.flash.confirmed",
  rsvp: "session.flash.rsvp",
  volunteer: "session.flash.volunteer",
  caseBringer: "session.flash.caseBringer",
  reschedule: "session.flash.rescheduled",
  cancel: "session.flash.cancelled",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const team = await requireTeamReader(user, params.team);
  const formData = await request.formData();
  const intent = formData.get("intent") as Intent;
  if (!intents.includes(intent)) throw new Response("Bad Request", { status: 400 });
  const origin = publicUrl(request);

  // Each intent: parse its own small form, let the domain decide, and answer with the outcome.
  async function handle<S extends z.ZodType>(schema: S, run: (value: z.output<S>) => Promise<Outcome>) {
    const submission = parseWithZod(formData, { schema });
    if (submission.status !== "success") return json<Reply>({ intent, result: submission.reply() }, { status: 400 });
    const outcome = await run(submission.value as z.output<S>);
    if (!outcome.ok) {
      const errors = outcome.field ? { fieldErrors: { [outcome.field]: [outcome.message] } } : { formErrors: [outcome.message] };
      return json<Reply>({ intent, result: submission.reply(errors) }, { status: 400 });
    }
    return redirect(`/teams/${team.slug}/sessions/${params.id}`, { headers: { "Set-Cookie": await setFlash(flashOf[intent]) } });
  }

  switch (intent) {
    case "vote":
      return handle(voteSchema, (v) => voteOnTimes(user, team, params.id, v.answers));
    case "confirm":
      return handle(confirmSchema, (v) => confirmSessionTime(user, team, params.id, v.slotId, origin));
    case "rsvp":
      return handle(rsvpSchema, (v) => answerInvitation(user, team, params.id, v.rsvp));
    case "volunteer":
      return handle(volunteerSchema, (v) => volunteerAsCaseBringer(user, team, params.id, v.volunteer === "yes"));
    case "caseBringer":
      return handle(caseBringerSchema, (v) => chooseCaseBringer(user, team, params.id, v.caseBringer ?? null));
    case "reschedule":
      return handle(rescheduleSchema, (v) => rescheduleSession(user, team, params.id, v, origin));
    case "cancel":
      return handle(cancelSchema, () => cancelSession(user, team, params.id, origin));
  }
}

type Data = SerializeFrom<typeof loader>;
type Invited = Extract<Data["page"], { view: "invited" }>;

export default function SessionPage() {
  const t = useT();
  const { team, page } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const replyFor = (intent: Intent) => (reply?.intent === intent ? reply.result : undefined);
  const { facts } = page;
  return (
    <article>
      <p>
        <Link to={`/teams/${team.slug}/sessions`}>{t("session.back")}</Link>
      </p>
      <h1>{facts.title}</h1>
      <dl className="milestone-facts">
        <div>
          <dt>{t("session.when")}</dt>
          <dd>
            <SessionWhen startsAt={facts.startsAt} endsAt={facts.endsAt} />{" "}
            {facts.status !== "confirmed" ? <SessionStatusBadge status={facts.status} /> : null}
          </dd>
        </div>
        <div>
          <dt>{t("session.method")}</dt>
          <dd>
            {facts.methodName} <Link to={methodPath(facts.method)}>{t("session.methodRead")}</Link>
          </dd>
        </div>
        {facts.status === "confirmed" ? (
          <div>
            <dt>{t("session.participants")}</dt>
            <dd>{facts.participants}</dd>
          </div>
        ) : null}
        {page.view === "invited" ? <WhereAndWho page={page} /> : null}
      </dl>
      {page.view === "observer" ? (
        <p className="muted">{t("session.observer")}</p>
      ) : (
        <InvitedView team={team} page={page} replyFor={replyFor} />
      )}
    </article>
  );
}

function WhereAndWho({ page }: { page: Invited }) {
  const t = useT();
  return (
    <>
      <div>
        <dt>{t("session.where")}</dt>
        <dd>
          {page.place ? <span>{page.place}</span> : null}
          {page.place && page.videoUrl ? " · " : null}
          {page.videoUrl ? (
            <a href={page.videoUrl} rel="noopener noreferrer">
              {t("session.videoLink")}
            </a>
          ) : null}
        </dd>
      </div>
      <div>
        <dt>{t("session.facilitator")}</dt>
        <dd>{page.facilitatorName}</dd>
      </div>
      {page.role === "participant" ? (
        <div>
          <dt>{t("session.caseBringer")}</dt>
          <dd>{page.caseBringer ? page.caseBringer.name : <span className="muted">{t("session.caseBringerNone")}</span>}</dd>
        </div>
      ) : null}
    </>
  );
}

function InvitedView({
  team,
  page,
  replyFor,
}: {
  team: Data["team"];
  page: Invited;
  replyFor: (intent: Intent) => SubmissionResult<string[]> | undefined;
}) {
  const t = useT();
  const confirmed = page.facts.status === "confirmed";
  return (
    <>
      {page.facts.status === "cancelled" ? <p className="form-error">{t("session.cancelledNotice")}</p> : null}
      {confirmed || page.role === "participant" ? (
        <p className="actions">
          {page.role === "participant" ? (
            <Link className="button button-primary" to={`/teams/${team.slug}/sessions/${page.facts.id}/notes`}>
              {t("session.notesLink")}
            </Link>
          ) : null}
          {confirmed ? (
            <a className="button button-secondary" href={`/teams/${team.slug}/sessions/${page.facts.id}.ics`} download="intervisie.ics">
              {t("calendar.download")}
            </a>
          ) : null}
        </p>
      ) : null}

      {confirmed && page.me.rsvp ? <RsvpForm page={page} lastResult={replyFor("rsvp")} /> : null}
      {confirmed && page.me.rsvp === "yes" ? <VolunteerForm page={page} lastResult={replyFor("volunteer")} /> : null}
      {page.manage && confirmed ? <CaseBringerForm page={page} lastResult={replyFor("caseBringer")} /> : null}

      <Poll page={page} lastResult={replyFor("vote")} />
      {page.manage && page.poll.open ? <ConfirmForm page={page} lastResult={replyFor("confirm")} /> : null}

      <Invitees page={page} />

      {page.manage && confirmed ? (
        <>
          <RescheduleForm page={page} lastResult={replyFor("reschedule")} />
          <CancelForm lastResult={replyFor("cancel")} />
        </>
      ) : null}
    </>
  );
}

function Poll({ page, lastResult }: { page: Invited; lastResult?: SubmissionResult<string[]> }) {
  const t = useT();
  const locale = useLocale();
  const [form] = useForm({ id: "vote", lastResult });
  const { poll } = page;
  const votes = poll.open;
  const table = (
    <div className="table-scroll">
      <table aria-labelledby="poll-heading" className="poll">
        <thead>
          <tr>
            <th scope="col">{t("poll.time")}</th>
            {slotAnswers.map((answer) => (
              <th scope="col" key={answer}>
                {t(`poll.answer.${answer}`)}
              </th>
            ))}
            {votes ? <th scope="col">{t("poll.yourAnswer")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {poll.slots.map((slot) => {
            const when = formatTimeSpan(slot.startsAt, slot.endsAt, locale);
            return (
              <tr key={slot.id} className={slot.id === poll.suggestedSlotId ? "poll-suggested" : undefined}>
                <th scope="row">
                  {when}
                  {slot.id === poll.suggestedSlotId ? <span className="badge"> {t("poll.suggested")}</span> : null}
                </th>
                {slotAnswers.map((answer) => (
                  <td key={answer}>
                    <strong>{slot.answers[answer].length}</strong>
                    {slot.answers[answer].length > 0 ? (
                      <span className="poll-names"> {slot.answers[answer].map((person) => person.name).join(", ")}</span>
                    ) : null}
                  </td>
                ))}
                {votes ? (
                  <td>
                    <fieldset className="poll-choice">
                      <legend className="visually-hidden">{t("poll.yourAnswerFor", { time: when })}</legend>
                      {slotAnswers.map((answer) => (
                        <label key={answer} className="choice">
                          <input type="radio" name={`answers.${slot.id}`} value={answer} defaultChecked={slot.mine === answer} />
                          {t(`poll.answer.${answer}`)}
                        </label>
                      ))}
                    </fieldset>
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
  return (
    <section aria-labelledby="poll-heading">
      <h2 id="poll-heading">{t("poll.title")}</h2>
      <p className="field-hint">{votes ? t("poll.intro") : t("poll.closedIntro")}</p>
      {votes ? (
        <Form method="post" className="stack" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="vote" />
          <FormErrors errors={form.errors} />
          {table}
          <div className="actions">
            <SubmitButton>{t("poll.submit")}</SubmitButton>
          </div>
        </Form>
      ) : (
        <>
          <FormErrors errors={form.errors} />
          {table}
        </>
      )}
      {poll.notAnswered.length > 0 ? (
        <p className="muted">{t("poll.notAnswered", { names: poll.notAnswered.map((person) => person.name).join(", ") })}</p>
      ) : null}
    </section>
  );
}

function ConfirmForm({ page, lastResult }: { page: Invited; lastResult?: SubmissionResult<string[]> }) {
  const t = useT();
  const locale = useLocale();
  const [form, fields] = useForm({ id: "confirm", lastResult, defaultValue: { slotId: page.poll.suggestedSlotId ?? "" } });
  return (
    <section aria-labelledby="confirm-heading">
      <h2 id="confirm-heading">{t("session.confirm.title")}</h2>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="confirm" />
        <FormErrors errors={form.errors} />
        <fieldset aria-describedby={fields.slotId.errorId}>
          <legend>{t("session.confirm.legend")}</legend>
          <p className="field-hint">{t("session.confirm.hint")}</p>
          {page.poll.slots.map((slot) => (
            <label key={slot.id} className="choice">
              <input type="radio" name={fields.slotId.name} value={slot.id} defaultChecked={slot.id === page.poll.suggestedSlotId} />
              {formatTimeSpan(slot.startsAt, slot.endsAt, locale)}
              {" — "}
              {t("poll.tally", { yes: slot.answers.yes.length, maybe: slot.answers.maybe.length })}
              {slot.id === page.poll.suggestedSlotId ? <span className="badge"> {t("poll.suggested")}</span> : null}
            </label>
          ))}
          <FieldErrors id={fields.slotId.errorId} errors={fields.slotId.errors} />
        </fieldset>
        <div className="actions">
          <SubmitButton>{t("session.confirm.submit")}</SubmitButton>
        </div>
      </Form>
    </section>
  );
}

function RsvpForm({ page, lastResult }: { page: Invited; lastResult?: SubmissionResult<string[]> }) {
  const t = useT();
  const [form, fields] = useForm({ id: "rsvp", lastResult });
  return (
    <section aria-labelledby="rsvp-heading">
      <h2 id="rsvp-heading">{t("session.rsvp.title")}</h2>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="rsvp" />
        <FormErrors errors={form.errors} />
        <fieldset aria-describedby={fields.rsvp.errorId}>
          <legend>{t("session.rsvp.legend")}</legend>
          {page.me.rsvp === "pending" ? <p className="field-hint">{t("session.rsvp.pending")}</p> : null}
          <div className="choice-grid">
            {rsvpAnswers.map((answer) => (
              <label key={answer} className="choice">
                <input type="radio" name={fields.rsvp.name} value={answer} defaultChecked={page.me.rsvp === answer} />
                {t(`session.rsvp.${answer}`)}
              </label>
            ))}
          </div>
          <FieldErrors id={fields.rsvp.errorId} errors={fields.rsvp.errors} />
        </fieldset>
        <div className="actions">
          <SubmitButton>{t("session.rsvp.submit")}</SubmitButton>
        </div>
      </Form>
    </section>
  );
}

function VolunteerForm({ page, lastResult }: { page: Invited; lastResult?: SubmissionResult<string[]> }) {
  const t = useT();
  const [form] = useForm({ id: "volunteer", lastResult });
  const volunteers = page.me.volunteersCase;
  return (
    <section aria-labelledby="volunteer-heading">
      <h2 id="volunteer-heading">{t("session.volunteer.title")}</h2>
      <p>{t(volunteers ? "session.volunteer.yours" : "session.volunteer.intro")}</p>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="volunteer" />
        <input type="hidden" name="volunteer" value={volunteers ? "no" : "yes"} />
        <FormErrors errors={form.errors} />
        <SubmitButton variant="secondary">{t(volunteers ? "session.volunteer.withdraw" : "session.volunteer.offer")}</SubmitButton>
      </Form>
    </section>
  );
}

function CaseBringerForm({ page, lastResult }: { page: Invited; lastResult?: SubmissionResult<string[]> }) {
  const t = useT();
  const personName = usePersonName();
  const [form, fields] = useForm({ id: "case-bringer", lastResult, defaultValue: { caseBringer: page.caseBringer?.id ?? "" } });
  return (
    <section aria-labelledby="case-bringer-heading">
      <h2 id="case-bringer-heading">{t("session.caseBringer.title")}</h2>
      {page.caseBringerCandidates.length === 0 ? (
        <p className="muted">{t("session.caseBringer.noCandidates")}</p>
      ) : (
        <Form method="post" className="stack" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="caseBringer" />
          <FormErrors errors={form.errors} />
          <fieldset aria-describedby={fields.caseBringer.errorId}>
            <legend>{t("session.caseBringer.legend")}</legend>
            <p className="field-hint">{t("session.caseBringer.hint")}</p>
            {page.caseBringerCandidates.map((candidate) => (
              <label key={candidate.id} className="choice">
                <input
                  type="radio"
                  name={fields.caseBringer.name}
                  value={candidate.id}
                  defaultChecked={page.caseBringer?.id === candidate.id}
                />
                {personName(candidate.name, "participant")}
                {candidate.volunteersCase ? <span className="badge"> {t("session.caseBringer.volunteered")}</span> : null}
              </label>
            ))}
            <label className="choice">
              <input type="radio" name={fields.caseBringer.name} value="" defaultChecked={!page.caseBringer} />
              {t("session.caseBringer.nobody")}
            </label>
            <FieldErrors id={fields.caseBringer.errorId} errors={fields.caseBringer.errors} />
          </fieldset>
          <div className="actions">
            <SubmitButton variant="secondary">{t("session.caseBringer.submit")}</SubmitButton>
          </div>
        </Form>
      )}
    </section>
  );
}

function Invitees({ page }: { page: Invited }) {
  const t = useT();
  const personName = usePersonName();
  const confirmed = page.facts.status !== "polling";
  return (
    <section aria-labelledby="invitees-heading">
      <h2 id="invitees-heading">{t("session.invitees")}</h2>
      <ul className="plain-list">
        {page.invitees.map((invitee) => (
          <li key={invitee.id}>
            {personName(invitee.name, "participant")}
            {confirmed ? <span className="muted"> — {t(`session.rsvpState.${invitee.rsvp}`)}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function RescheduleForm({ page, lastResult }: { page: Invited; lastResult?: SubmissionResult<string[]> }) {
  const t = useT();
  const [form, fields] = useForm({ id: "reschedule", lastResult, defaultValue: page.currentTime ?? undefined });
  return (
    <section aria-labelledby="reschedule-heading">
      <h2 id="reschedule-heading">{t("session.reschedule.title")}</h2>
      <p className="field-hint">{t("session.reschedule.hint")}</p>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="reschedule" />
        <FormErrors errors={form.errors} />
        <div className="slot-row">
          <Field field={fields.date} label={t("session.field.date")}>
            <input {...getInputProps(fields.date, { type: "date" })} />
          </Field>
          <Field field={fields.start} label={t("session.field.start")}>
            <input {...getInputProps(fields.start, { type: "time" })} />
          </Field>
          <Field field={fields.end} label={t("session.field.end")}>
            <input {...getInputProps(fields.end, { type: "time" })} />
          </Field>
        </div>
        <div className="actions">
          <SubmitButton variant="secondary">{t("session.reschedule.submit")}</SubmitButton>
        </div>
      </Form>
    </section>
  );
}

function CancelForm({ lastResult }: { lastResult?: SubmissionResult<string[]> }) {
  const t = useT();
  const [form] = useForm({ id: "cancel", lastResult });
  return (
    <section aria-labelledby="cancel-heading">
      <h2 id="cancel-heading">{t("session.cancel.title")}</h2>
      <FormErrors errors={form.errors} />
      <details className="confirm">
        <summary>{t("session.cancel.open")}</summary>
        <Form method="post" className="stack" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="cancel" />
          <p>{t("session.cancel.confirm")}</p>
          <SubmitButton variant="danger">{t("session.cancel.submit")}</SubmitButton>
        </Form>
      </details>
    </section>
  );
}
