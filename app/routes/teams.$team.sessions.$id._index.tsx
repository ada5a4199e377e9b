import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireTeamReader, requireUser } from "~/auth/permissions.server";
import { publicUrl } from "~/domain/mail/email.server";
import {
  cancelSchema,
  pollReminderSchema,
  caseBringerSchema,
  confirmSchema,
  preparationSchema,
  reminderSchema,
  rescheduleSchema,
  rsvpSchema,
  timekeeperSchema,
  voteSchema,
  volunteerSchema,
} from "~/domain/sessions/session-form";
import { answerInvitation, assignSessionRole, volunteerAsCaseBringer } from "~/domain/sessions/attendance.server";
import { remindPoll } from "~/domain/sessions/poll/poll-reminder.server";
import { confirmSessionTime, voteOnTimes } from "~/domain/sessions/poll/poll.server";
import { setPreparationQuestion, setSessionReminder } from "~/domain/sessions/session-reminders.server";
import { cancelSession, rescheduleSession, sessionPage } from "~/domain/sessions/sessions.server";
import { answerForm } from "~/ui/form-answer.server";
import { useT } from "~/ui/i18n";
import { RsvpForm, VolunteerForm } from "~/ui/sessions/Attendance";
import { CancelForm, RescheduleForm } from "~/ui/sessions/ChangeSession";
import { ConfirmForm, Poll } from "~/ui/sessions/Poll";
import { PollReminderForm, PreparationForm, ReminderForm } from "~/ui/sessions/ReminderForms";
import { RoleForm } from "~/ui/sessions/RoleForm";
import { Invitees, SessionSummary } from "~/ui/sessions/SessionSummary";
import type { InvitedPage } from "~/ui/sessions/types";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.page.facts.title ?? ""} · Leernetwerk` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const team = await requireTeamReader(user, params.team);
  return json({ team, page: await sessionPage(user, team, params.id) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const team = await requireTeamReader(user, params.team);
  const formData = await request.formData();
  const origin = publicUrl(request);
  const here = `/teams/${team.slug}/sessions/${params.id}`;
  const intent = formData.get("intent");
  switch (intent) {
    case "vote":
      return answerForm(formData, voteSchema, (v) => voteOnTimes(user, team, params.id, v.answers), { path: here, message: "poll.saved" }, { intent });
    case "confirm":
      return answerForm(formData, confirmSchema, (v) => confirmSessionTime(user, team, params.id, v.slotId, origin), { path: here, message: "session.flash.confirmed" }, { intent });
    case "rsvp":
      return answerForm(formData, rsvpSchema, (v) => answerInvitation(user, team, params.id, v.rsvp), { path: here, message: "session.flash.rsvp" }, { intent });
    case "volunteer":
      return answerForm(formData, volunteerSchema, (v) => volunteerAsCaseBringer(user, team, params.id, v.volunteer === "yes"), { path: here, message: "session.flash.volunteer" }, { intent });
    case "caseBringer":
      return answerForm(formData, caseBringerSchema, (v) => assignSessionRole(user, team, params.id, "caseBringer", v.caseBringer ?? null), { path: here, message: "session.flash.caseBringer" }, { intent });
    case "timekeeper":
      return answerForm(formData, timekeeperSchema, (v) => assignSessionRole(user, team, params.id, "timekeeper", v.timekeeper ?? null), { path: here, message: "session.flash.timekeeper" }, { intent });
    case "reschedule":
      return answerForm(formData, rescheduleSchema, (v) => rescheduleSession(user, team, params.id, v, origin), { path: here, message: "session.flash.rescheduled" }, { intent });
    case "remindPoll":
      return answerForm(formData, pollReminderSchema, () => remindPoll(user, team, params.id, origin), { path: here, message: "poll.reminder.sent" }, { intent });
    case "reminder":
      return answerForm(formData, reminderSchema, (v) => setSessionReminder(user, team, params.id, v.reminder), { path: here, message: "session.flash.reminder" }, { intent });
    case "preparation":
      return answerForm(formData, preparationSchema, (v) => setPreparationQuestion(user, team, params.id, v.question), { path: here, message: "session.flash.preparation" }, { intent });
    case "cancel":
      return answerForm(formData, cancelSchema, () => cancelSession(user, team, params.id, origin), { path: here, message: "session.flash.cancelled" }, { intent });
    default:
      throw new Response("Bad Request", { status: 400 });
  }
}

export default function SessionPage() {
  const t = useT();
  const { team, page } = useLoaderData<typeof loader>();
  return (
    <article className="session-page">
      <p>
        <Link to={`/teams/${team.slug}/sessions`}>{t("session.back")}</Link>
      </p>
      <h1>{page.facts.title}</h1>
      <SessionSummary facts={page.facts} invited={page.view === "invited" ? page : null} />
      {page.view === "observer" ? <p className="muted">{t("session.observer")}</p> : <InvitedView teamSlug={team.slug} page={page} />}
    </article>
  );
}

/** What the invited see, in the order they need it: the poll while it runs; once fixed, coming or not, and the roles. */
function InvitedView({ teamSlug, page }: { teamSlug: string; page: InvitedPage }) {
  const t = useT();
  const reply = useActionData<typeof action>();
  const replyFor = (intent: string) => (reply?.intent === intent ? reply.result : undefined);
  const confirmed = page.facts.status === "confirmed";
  const base = `/teams/${teamSlug}/sessions/${page.facts.id}`;
  return (
    <>
      {page.facts.status === "cancelled" ? <p className="form-error">{t("session.cancelledNotice")}</p> : null}
      {confirmed || page.role === "participant" ? (
        <p className="actions">
          {page.role === "participant" ? (
            <Link className="button button-primary" to={`${base}/notes`}>
              {t("session.notesLink")}
            </Link>
          ) : null}
          {confirmed ? (
            <a className="button button-secondary" href={`${base}.ics`} download="intervisie.ics">
              {t("calendar.download")}
            </a>
          ) : null}
        </p>
      ) : null}
      {confirmed && page.me.rsvp ? <RsvpForm page={page} lastResult={replyFor("rsvp")} /> : null}
      {confirmed && page.me.rsvp === "yes" ? <VolunteerForm page={page} lastResult={replyFor("volunteer")} /> : null}
      {confirmed && page.me.bringsCase ? <PreparationForm page={page} lastResult={replyFor("preparation")} /> : null}
      {confirmed && page.preparationQuestion && !page.me.bringsCase ? (
        <section aria-labelledby="preparation-heading">
          <h2 id="preparation-heading">{t("session.preparation.shown")}</h2>
          <p className="preparation-question">{page.preparationQuestion}</p>
        </section>
      ) : null}
      {page.manage && confirmed ? (
        <section aria-labelledby="roles-heading">
          <h2 id="roles-heading">{t("session.roles.title")}</h2>
          <p className="field-hint">{t("session.roles.intro")}</p>
          <div className="role-forms">
            <RoleForm role="caseBringer" page={page} lastResult={replyFor("caseBringer")} />
            <RoleForm role="timekeeper" page={page} lastResult={replyFor("timekeeper")} />
          </div>
        </section>
      ) : null}
      {page.poll.open ? <Poll page={page} lastResult={replyFor("vote")} /> : null}
      {page.manage && page.poll.open ? <ConfirmForm page={page} lastResult={replyFor("confirm")} /> : null}
      {page.manage && page.poll.open && page.poll.notAnswered.length > 0 ? <PollReminderForm page={page} lastResult={replyFor("remindPoll")} /> : null}
      <Invitees page={page} />
      {page.poll.open ? null : <Poll page={page} lastResult={replyFor("vote")} />}
      {page.manage && confirmed ? (
        <>
          <ReminderForm page={page} lastResult={replyFor("reminder")} />
          <RescheduleForm page={page} lastResult={replyFor("reschedule")} />
          <CancelForm lastResult={replyFor("cancel")} />
        </>
      ) : null}
    </>
  );
}
