import { parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireTeamReader, requireUser } from "~/auth/permissions.server";
import { methodBySlug } from "~/domain/sessions/intervision-methods";
import { readersOf } from "~/domain/coalitions/readers.server";
import { actionDoneSchema, actionSchema, evaluationSchema, noteSchema, takeawaySchema } from "~/domain/sessions/notes/session-notes-form";
import {
  addAction,
  getSessionNotes,
  markActionDone,
  noteOf,
  openSessionAsParticipant,
  saveEvaluation,
  saveNote,
  saveTakeaway,
} from "~/domain/sessions/notes/session-notes.server";
import { formatDateTime } from "~/i18n/dates";
import { withRichTextFromTextarea } from "~/richtext/form-data";
import { parseRichTextJson } from "~/richtext/schema";
import { answerForm, formErrors, redirectWithFlash } from "~/ui/form-answer.server";
import { useLocale, useT } from "~/ui/i18n";
import { usePersonName } from "~/ui/PersonName";
import { Readers } from "~/ui/Readers";
import { Actions, Evaluation } from "~/ui/sessions/FollowUp";
import { Phases } from "~/ui/sessions/PhaseNotes";
import { Takeaway } from "~/ui/sessions/Takeaway";
import { questionChoice, questionChoiceOf, setItemQuestion } from "~/domain/questions/question-links.server";
import { QuestionChoice } from "~/ui/questions/QuestionChoice";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.session.title ?? ""} · Leernetwerk` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const team = await requireTeamReader(user, params.team);
  const notes = await getSessionNotes(user, team, params.id);
  const readers = await readersOf({ kind: "sessionNotes", sessionId: notes.session.id }, user);
  // The take-away's "Leervraag": for the participants who write it.
  const learningQuestion = notes.canWriteTakeaway ? await questionChoice(team, { type: "session", id: notes.session.id }) : null;
  return json({ team, me: user.id, ...notes, readers, learningQuestion });
}

/** What the person typed in a rich-text field, to show again when the save is refused. */
function typedRichText(formData: FormData, name: string) {
  const typed = parseRichTextJson(String(formData.get(name) ?? ""));
  return typed.ok ? typed.value : null;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const team = await requireTeamReader(user, params.team);
  const session = await openSessionAsParticipant(user, team, params.id);
  const here = `/teams/${team.slug}/sessions/${session.id}/notes`;
  const formData = await request.formData();
  const intent = formData.get("intent");
  switch (intent) {
    case "note": {
      const phase = Number(formData.get("phase"));
      withRichTextFromTextarea(formData, "body", (await noteOf(session, phase))?.body);
      const submission = parseWithZod(formData, { schema: noteSchema });
      const typed = { intent, phase, body: typedRichText(formData, "body") };
      if (submission.status !== "success") return formErrors(submission, 400, { ...typed, conflict: null });
      const outcome = await saveNote(user, session, submission.value);
      // Someone saved this phase in between: show both, keep what this person typed.
      if (!outcome.ok) return formErrors(submission, 409, { ...typed, conflict: { current: outcome.current } });
      return redirectWithFlash(`${here}#phase-${phase + 1}`, "notes.saved");
    }
    case "takeaway": {
      withRichTextFromTextarea(formData, "takeaway", session.takeaway);
      const submission = parseWithZod(formData, { schema: takeawaySchema });
      const typed = { intent, takeaway: typedRichText(formData, "takeaway") };
      if (submission.status !== "success") return formErrors(submission, 400, { ...typed, conflict: null });
      const outcome = await saveTakeaway(user, session, submission.value);
      if (!outcome.ok) return formErrors(submission, 409, { ...typed, conflict: { current: outcome.current } });
      await setItemQuestion(user, team, { type: "session", id: session.id }, questionChoiceOf(formData));
      return redirectWithFlash(`${here}#takeaway`, "notes.takeaway.saved");
    }
    case "action":
      return answerForm(formData, actionSchema, (v) => addAction(user, session, v), { path: `${here}#actions`, message: "notes.actions.added" }, { intent });
    case "action-done":
      return answerForm(
        formData,
        actionDoneSchema,
        (v) => markActionDone(session, v.actionId, v.done === "true"),
        { path: `${here}#actions`, message: "notes.actions.updated" },
        { intent },
      );
    case "evaluation":
      return answerForm(formData, evaluationSchema, (v) => saveEvaluation(user, session, v), { path: `${here}#evaluation`, message: "notes.evaluation.saved" }, { intent });
    default:
      throw new Response("Bad Request", { status: 400 });
  }
}

export default function SessionNotes() {
  const t = useT();
  const personName = usePersonName();
  const locale = useLocale();
  const page = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { team, session, me } = page;
  const method = methodBySlug(session.method);
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
        <span>{session.caseBringerName ? t("notes.caseBringer", { name: session.caseBringerName }) : t("notes.caseBringerNone")}</span>
        <span>{session.timekeeperName ? t("notes.timekeeper", { name: session.timekeeperName }) : t("notes.timekeeperNone")}</span>
      </p>
      <p className="confidential-note">{t("notes.confidential")}</p>
      <Readers readers={page.readers} />
      {session.status === "cancelled" ? <p className="form-error">{t("notes.cancelled")}</p> : null}
      {session.status === "polling" ? <p className="muted">{t("notes.notConfirmed")}</p> : null}
      <section aria-labelledby="participants-heading">
        <h2 id="participants-heading">{t("notes.participants")}</h2>
        <ul className="inline-list">
          {page.participants.map((person) => (
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
        <Phases page={page} reply={reply?.intent === "note" ? reply : undefined} />
      </section>
      <Takeaway
        page={page}
        teamSlug={team.slug}
        reply={reply?.intent === "takeaway" ? reply : undefined}
        learningQuestion={page.learningQuestion ? <QuestionChoice choice={page.learningQuestion} /> : null}
      />
      <Actions page={page} lastResult={reply?.intent === "action" ? reply.result : undefined} />
      <Evaluation page={page} lastResult={reply?.intent === "evaluation" ? reply.result : undefined} />
    </article>
  );
}
