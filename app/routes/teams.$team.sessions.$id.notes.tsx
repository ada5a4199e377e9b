import {
  getCollectionProps,
  getFormProps,
  getInputProps,
  getSelectProps,
  useForm,
  type SubmissionResult,
} from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireTeamReader, requireUser } from "~/auth/permissions.server";
import { methodBySlug } from "~/domain/intervision-methods";
import { actionDoneSchema, actionSchema, evaluationSchema, noteSchema, takeawaySchema } from "~/domain/session-notes-form";
import {
  addAction,
  getSessionNotes,
  markActionDone,
  noteOf,
  requireParticipant,
  saveEvaluation,
  saveNote,
  saveTakeaway,
} from "~/domain/session-notes.server";
import { readersOf } from "~/domain/readers.server";
import { EVALUATION_COMMENT_MAX, SESSION_ACTION_MAX, evaluationScores } from "~/domain/vocabulary";
import { formatDateTime, formatDay } from "~/i18n/dates";
import type { MessageKey } from "~/i18n/i18n";
import { withRichTextFromTextarea } from "~/richtext/form-data";
import { RichText } from "~/richtext/RichText";
import { RichTextField } from "~/richtext/RichTextField";
import { parseRichTextJson, type RichTextState } from "~/richtext/schema";
import { SubmitButton } from "~/ui/Button";
import { ConflictView } from "~/ui/ConflictView";
import { Field, FieldErrors, FormErrors } from "~/ui/Field";
import { setFlash } from "~/ui/flash.server";
import { useLocale, useT } from "~/ui/i18n";
import { Readers } from "~/ui/Readers";
import { usePersonName } from "~/ui/PersonName";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.session.title ?? ""} · Leernetwerk` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const team = await requireTeamReader(user, params.team);
  const notes = await getSessionNotes(user, team, params.id);
  const readers = await readersOf({ kind: "sessionNotes", sessionId: notes.session.id }, user);
  return json({ team, me: user.id, ...notes, readers });
}

type PhaseNoteView = { body: RichTextState; version: number; updatedByName: string; updatedAt: Date };
type Reply =
  | { intent: "note"; phase: number; result: SubmissionResult<string[]>; body: RichTextState | null; conflict: { current: PhaseNoteView | null } | null }
  | {
      intent: "takeaway";
      result: SubmissionResult<string[]>;
      takeaway: RichTextState | null;
      conflict: { current: { takeaway: RichTextState | null; version: number } } | null;
    }
  | { intent: "action" | "evaluation"; result: SubmissionResult<string[]> };

function typedRichText(formData: FormData, name: string): RichTextState | null {
  const typed = parseRichTextJson(String(formData.get(name) ?? ""));
  return typed.ok ? typed.value : null;
}

async function backWith(path: string, message: MessageKey) {
  return redirect(path, { headers: { "Set-Cookie": await setFlash(message) } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const team = await requireTeamReader(user, params.team);
  const session = await requireParticipant(user, team, params.id);
  const here = `/teams/${team.slug}/sessions/${session.id}/notes`;
  const formData = await request.formData();
  const intent = formData.get("intent");

  if (intent === "note") {
    const phase = Number(formData.get("phase"));
    withRichTextFromTextarea(formData, "body", (await noteOf(session, phase))?.body);
    const submission = parseWithZod(formData, { schema: noteSchema });
    const body = typedRichText(formData, "body");
    if (submission.status !== "success") {
      return json<Reply>({ intent, phase, result: submission.reply(), body, conflict: null }, { status: 400 });
    }
    const outcome = await saveNote(user, session, submission.value);
    if (!outcome.ok) {
      // Someone saved this phase in between: show both, keep what this person typed.
      return json<Reply>({ intent, phase, result: submission.reply(), body, conflict: { current: outcome.current } }, { status: 409 });
    }
    return backWith(`${here}#phase-${submission.value.phase + 1}`, "notes.saved");
  }

  if (intent === "takeaway") {
    withRichTextFromTextarea(formData, "takeaway", session.takeaway);
    const submission = parseWithZod(formData, { schema: takeawaySchema });
    const takeaway = typedRichText(formData, "takeaway");
    if (submission.status !== "success") {
      return json<Reply>({ intent, result: submission.reply(), takeaway, conflict: null }, { status: 400 });
    }
    const outcome = await saveTakeaway(user, session, submission.value);
    if (!outcome.ok) {
      return json<Reply>({ intent, result: submission.reply(), takeaway, conflict: { current: outcome.current } }, { status: 409 });
    }
    return backWith(`${here}#takeaway`, "notes.takeaway.saved");
  }

  if (intent === "action") {
    const submission = parseWithZod(formData, { schema: actionSchema });
    if (submission.status !== "success") return json<Reply>({ intent, result: submission.reply() }, { status: 400 });
    const outcome = await addAction(user, session, submission.value);
    if (!outcome.ok) {
      return json<Reply>({ intent, result: submission.reply({ fieldErrors: { [outcome.field]: [outcome.message] } }) }, { status: 400 });
    }
    return backWith(`${here}#actions`, "notes.actions.added");
  }

  if (intent === "action-done") {
    const submission = parseWithZod(formData, { schema: actionDoneSchema });
    if (submission.status !== "success") throw new Response("Bad Request", { status: 400 });
    await markActionDone(session, submission.value.actionId, submission.value.done === "true");
    return backWith(`${here}#actions`, "notes.actions.updated");
  }

  if (intent === "evaluation") {
    const submission = parseWithZod(formData, { schema: evaluationSchema });
    if (submission.status !== "success") return json<Reply>({ intent, result: submission.reply() }, { status: 400 });
    await saveEvaluation(user, session, submission.value);
    return backWith(`${here}#evaluation`, "notes.evaluation.saved");
  }

  throw new Response("Bad Request", { status: 400 });
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;
type ActionReply = NonNullable<ReturnType<typeof useActionData<typeof action>>>;
type NoteReply = Extract<ActionReply, { intent: "note" }>;
type TakeawayReply = Extract<ActionReply, { intent: "takeaway" }>;

export default function SessionNotes() {
  const t = useT();
  const personName = usePersonName();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { team, session, me } = data;
  const method = methodBySlug(session.method);
  const caseBringer = session.caseBringerName;
  return (
    <article className="session-notes">
      <p>
        <Link to={`/teams/${team.slug}/sessions/${session.id}`}>{t("notes.back")}</Link>
      </p>
      <h1>
        {t("notes.title")}: {session.title}
      </h1>
      <p className="meta">
        {session.startsAt ? <time dateTime={session.startsAt}>{formatDateTime(session.startsAt, locale)}</time> : null}
        <span>{t("notes.method", { method: method ? method.name[locale] : session.method })}</span>
        {session.facilitatorName ? <span>{t("notes.facilitator", { name: session.facilitatorName })}</span> : null}
        <span>{caseBringer ? t("notes.caseBringer", { name: caseBringer }) : t("notes.caseBringerNone")}</span>
      </p>
      <p className="confidential-note">{t("notes.confidential")}</p>
      <Readers readers={data.readers} />
      {session.status === "cancelled" ? <p className="form-error">{t("notes.cancelled")}</p> : null}
      {session.status === "polling" ? <p className="muted">{t("notes.notConfirmed")}</p> : null}

      <section aria-labelledby="participants-heading">
        <h2 id="participants-heading">{t("notes.participants")}</h2>
        <ul className="inline-list">
          {data.participants.map((person) => (
            <li key={person.id}>
              {personName(person.name, "participant")}
              {person.id === me ? ` ${t("notes.you")}` : null}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="phases-heading">
        <h2 id="phases-heading">{t("notes.phases")}</h2>
        {method ? (
          <p>
            <Link to={`/methods/${method.slug}`}>{t("notes.methodRead")}</Link>
          </p>
        ) : null}
        {data.phases.map((phase) => {
          const mine = reply?.intent === "note" && reply.phase === phase.index ? reply : undefined;
          const version = mine?.conflict ? (mine.conflict.current?.version ?? 0) : (phase.note?.version ?? 0);
          return <PhaseNotes key={`${phase.index}-${version}`} phase={phase} version={version} reply={mine} sessionId={session.id} />;
        })}
      </section>

      <Takeaway data={data} answer={reply?.intent === "takeaway" ? reply : undefined} />
      <Actions data={data} reply={reply?.intent === "action" ? reply.result : undefined} />
      <Evaluation data={data} reply={reply?.intent === "evaluation" ? reply.result : undefined} />
    </article>
  );
}

/** One phase of the method: what happens in it, and the notes kept for it, saved on their own. */
function PhaseNotes({
  phase,
  version,
  reply,
  sessionId,
}: {
  phase: Data["phases"][number];
  version: number;
  reply?: NoteReply;
  sessionId: string;
}) {
  const t = useT();
  const personName = usePersonName();
  const locale = useLocale();
  const answer = reply;
  const [form, fields] = useForm({ id: `note-${phase.index}-${version}`, lastResult: answer?.result });
  const number = phase.index + 1;
  const name = phase.name[locale];
  const headingId = `phase-${number}-heading`;
  const noteForm = (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="note" />
      <input type="hidden" name="phase" value={phase.index} />
      <input type="hidden" name="version" value={version} />
      <FormErrors errors={form.errors} />
      <RichTextField
        name="body"
        id={fields.body.id}
        label={t("notes.phase.field", { phase: name })}
        initialState={answer ? answer.body : (phase.note?.body ?? null)}
        draftKey={`session:${sessionId}:phase:${phase.index}`}
        errors={fields.body.errors}
      />
      <div className="actions">
        <SubmitButton variant="secondary">
          {t("notes.phase.save")}
          <span className="visually-hidden"> ({name})</span>
        </SubmitButton>
      </div>
    </Form>
  );
  const conflict = answer?.conflict;
  return (
    <section id={`phase-${number}`} aria-labelledby={headingId} className="phase">
      <h3 id={headingId}>{t("method.phaseHeading", { number, name })}</h3>
      {phase.minutes ? <p className="meta">{t("notes.phase.minutes", { minutes: phase.minutes })}</p> : null}
      {phase.what[locale] ? <p>{phase.what[locale]}</p> : null}
      {phase.note && !conflict ? (
        <p className="meta">
          {t("notes.phase.updated", { name: personName(phase.note.updatedByName, "participant"), time: formatDateTime(phase.note.updatedAt, locale) })}
        </p>
      ) : null}
      {conflict ? (
        <ConflictView
          title={t("notes.conflict.title")}
          body={t("notes.conflict.body")}
          mine={noteForm}
          theirs={
            conflict.current ? (
              <>
                <p className="meta">
                  {t("notes.phase.updated", {
                    name: conflict.current.updatedByName,
                    time: formatDateTime(conflict.current.updatedAt, locale),
                  })}
                </p>
                <RichText state={conflict.current.body} />
              </>
            ) : (
              <p className="muted">{t("notes.conflict.empty")}</p>
            )
          }
        />
      ) : (
        noteForm
      )}
    </section>
  );
}

/** What the case bringer takes away: written by them, read by all participants, shared only by choice. */
function Takeaway({ data, answer }: { data: Data; answer?: TakeawayReply }) {
  const t = useT();
  const { team, session } = data;
  const version = answer?.conflict ? answer.conflict.current.version : session.version;
  return (
    <section id="takeaway" aria-labelledby="takeaway-heading">
      <h2 id="takeaway-heading">{t("notes.takeaway.title")}</h2>
      <p className="field-hint">{t(session.caseBringerName ? "notes.takeaway.intro" : "notes.takeaway.introOpen")}</p>
      {data.canWriteTakeaway ? (
        <TakeawayForm key={version} sessionId={session.id} version={version} stored={session.takeaway} answer={answer} />
      ) : session.hasTakeaway && session.takeaway ? (
        <RichText state={session.takeaway} />
      ) : (
        <p className="muted">{t("notes.takeaway.none")}</p>
      )}
      {session.hasTakeaway ? (
        <div className="card share-takeaway">
          <h3>{t("notes.takeaway.share")}</h3>
          <p>{t("notes.takeaway.shareIntro")}</p>
          <p className="actions">
            <Link className="button button-secondary" to={`/teams/${team.slug}/reflections/new?session=${session.id}`}>
              {t("notes.takeaway.toReflection")}
            </Link>
            <Link className="button button-secondary" to={`/teams/${team.slug}/lessons/new?session=${session.id}`}>
              {t("notes.takeaway.toLesson")}
            </Link>
          </p>
        </div>
      ) : null}
    </section>
  );
}

function TakeawayForm({
  sessionId,
  version,
  stored,
  answer,
}: {
  sessionId: string;
  version: number;
  stored: RichTextState | null;
  answer?: TakeawayReply;
}) {
  const t = useT();
  const [form, fields] = useForm({ id: `takeaway-${version}`, lastResult: answer?.result });
  const takeawayForm = (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="takeaway" />
      <input type="hidden" name="version" value={version} />
      <FormErrors errors={form.errors} />
      <RichTextField
        name="takeaway"
        id={fields.takeaway.id}
        label={t("notes.takeaway.field")}
        initialState={answer ? answer.takeaway : stored}
        draftKey={`session:${sessionId}:takeaway`}
        errors={fields.takeaway.errors}
      />
      <div className="actions">
        <SubmitButton variant="secondary">{t("notes.takeaway.save")}</SubmitButton>
      </div>
    </Form>
  );
  if (!answer?.conflict) return takeawayForm;
  const current = answer.conflict.current.takeaway;
  return (
    <ConflictView
      title={t("notes.conflict.title")}
      body={t("notes.conflict.body")}
      mine={takeawayForm}
      theirs={current ? <RichText state={current} /> : <p className="muted">{t("notes.conflict.empty")}</p>}
    />
  );
}

/** Follow-up actions: who (a participant), what, by when; ticked off by any participant. */
function Actions({ data, reply }: { data: Data; reply?: SubmissionResult<string[]> }) {
  const t = useT();
  const personName = usePersonName();
  const locale = useLocale();
  const { actions, participants, me } = data;
  return (
    <section id="actions" aria-labelledby="actions-heading">
      <h2 id="actions-heading">{t("notes.actions.title")}</h2>
      {actions.length === 0 ? (
        <p className="muted">{t("notes.actions.none")}</p>
      ) : (
        <div className="table-scroll">
          <table aria-labelledby="actions-heading">
            <thead>
              <tr>
                <th scope="col">{t("notes.actions.what")}</th>
                <th scope="col">{t("notes.actions.who")}</th>
                <th scope="col">{t("notes.actions.due")}</th>
                <th scope="col">{t("notes.actions.state")}</th>
              </tr>
            </thead>
            <tbody>
              {actions.map((item) => (
                <tr key={item.id} className={item.doneAt ? "action-done" : undefined}>
                  <th scope="row">{item.what}</th>
                  <td>
                    {personName(item.ownerName, "participant")}
                    {item.ownerId === me ? ` ${t("notes.you")}` : null}
                  </td>
                  <td>
                    {item.dueOn ? formatDay(item.dueOn, locale) : <span className="muted">{t("notes.actions.dueNone")}</span>}
                    {item.overdue ? <span className="badge badge-overdue"> {t("notes.actions.overdue")}</span> : null}
                  </td>
                  <td>
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="action-done" />
                      <input type="hidden" name="actionId" value={item.id} />
                      <input type="hidden" name="done" value={item.doneAt ? "false" : "true"} />
                      <span>{item.doneAt ? t("notes.actions.done") : t("notes.actions.open")}</span>
                      <SubmitButton variant="secondary">
                        {item.doneAt ? t("notes.actions.reopen") : t("notes.actions.markDone")}
                        <span className="visually-hidden">: {item.what}</span>
                      </SubmitButton>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <AddAction key={actions.length} participants={participants} me={me} reply={reply} />
    </section>
  );
}

function AddAction({
  participants,
  me,
  reply,
}: {
  participants: Data["participants"];
  me: string;
  reply?: SubmissionResult<string[]>;
}) {
  const t = useT();
  const [form, fields] = useForm({ id: "add-action", lastResult: reply, defaultValue: { owner: me, what: "", dueOn: "" } });
  return (
    <Form method="post" className="stack card" {...getFormProps(form)} aria-labelledby="add-action-heading">
      <h3 id="add-action-heading">{t("notes.actions.add")}</h3>
      <input type="hidden" name="intent" value="action" />
      <FormErrors errors={form.errors} />
      <Field field={fields.owner} label={t("notes.actions.field.owner")}>
        <select {...getSelectProps(fields.owner)}>
          {participants.filter((person) => person.name !== "").map((person) => (
            <option key={person.id} value={person.id}>
              {person.name}
            </option>
          ))}
        </select>
      </Field>
      <Field field={fields.what} label={t("notes.actions.field.what")} hint={t("notes.actions.field.whatHint")}>
        <input {...getInputProps(fields.what, { type: "text", ariaDescribedBy: fields.what.descriptionId })} maxLength={SESSION_ACTION_MAX} />
      </Field>
      <Field field={fields.dueOn} label={t("notes.actions.field.due")} hint={t("notes.actions.field.dueHint")}>
        <input {...getInputProps(fields.dueOn, { type: "date", ariaDescribedBy: fields.dueOn.descriptionId })} />
      </Field>
      <div className="actions">
        <SubmitButton variant="secondary">{t("notes.actions.submit")}</SubmitButton>
      </div>
    </Form>
  );
}

/** The closing evaluation: each participant's score and sentence, visible to all participants. */
function Evaluation({ data, reply }: { data: Data; reply?: SubmissionResult<string[]> }) {
  const t = useT();
  const personName = usePersonName();
  const { evaluations, participants, myEvaluation } = data;
  return (
    <section id="evaluation" aria-labelledby="evaluation-heading">
      <h2 id="evaluation-heading">{t("notes.evaluation.title")}</h2>
      <p>{t("notes.evaluation.intro")}</p>
      <h3>{t("notes.evaluation.all")}</h3>
      {evaluations.length === 0 ? (
        <p className="muted">{t("notes.evaluation.none")}</p>
      ) : (
        <>
          <p className="meta">{t("notes.evaluation.count", { count: evaluations.length, total: participants.length })}</p>
          <ul className="plain-list evaluations">
            {evaluations.map((evaluation) => (
              <li key={evaluation.personId}>
                <strong>{personName(evaluation.name, "participant")}</strong> <span className="badge">{t("notes.evaluation.scoreOf", { score: evaluation.score })}</span>{" "}
                {evaluation.comment}
              </li>
            ))}
          </ul>
        </>
      )}
      <EvaluationForm key={myEvaluation ? `${myEvaluation.score}:${myEvaluation.comment}` : "none"} mine={myEvaluation} reply={reply} />
    </section>
  );
}

function EvaluationForm({ mine, reply }: { mine: Data["myEvaluation"]; reply?: SubmissionResult<string[]> }) {
  const t = useT();
  const [form, fields] = useForm({
    id: "evaluation-form",
    lastResult: reply,
    defaultValue: { score: mine ? String(mine.score) : "", comment: mine?.comment ?? "" },
  });
  const scoreInvalid = Boolean(fields.score.errors?.length);
  return (
    <Form method="post" className="stack card" {...getFormProps(form)} aria-labelledby="evaluation-form-heading">
      <h3 id="evaluation-form-heading">{t("notes.evaluation.yours")}</h3>
      <input type="hidden" name="intent" value="evaluation" />
      <FormErrors errors={form.errors} />
      <fieldset
        className={scoreInvalid ? "field-invalid" : undefined}
        aria-describedby={[`${fields.score.id}-hint`, scoreInvalid ? fields.score.errorId : null].filter(Boolean).join(" ")}
      >
        <legend>{t("notes.evaluation.score")}</legend>
        <p className="field-hint" id={`${fields.score.id}-hint`}>
          {t("notes.evaluation.scoreHint")}
        </p>
        <div className="score-choices">
          {getCollectionProps(fields.score, { type: "radio", options: evaluationScores.map(String) }).map((props) => (
            <label className="choice" key={props.key} htmlFor={props.id}>
              <input {...props} key={props.key} />
              {props.value}
            </label>
          ))}
        </div>
        <FieldErrors id={fields.score.errorId} errors={fields.score.errors} />
      </fieldset>
      <Field field={fields.comment} label={t("notes.evaluation.comment")}>
        <input {...getInputProps(fields.comment, { type: "text" })} maxLength={EVALUATION_COMMENT_MAX} />
      </Field>
      <div className="actions">
        <SubmitButton variant="secondary">{t("notes.evaluation.save")}</SubmitButton>
      </div>
    </Form>
  );
}
