import { parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireSessionScheduler, requireTeamReader, requireUser } from "~/auth/permissions.server";
import { publicUrl } from "~/domain/mail/email.server";
import { newSessionSchema } from "~/domain/sessions/session-form";
import { createSession, inviteeCandidates, methodChoices } from "~/domain/sessions/sessions.server";
import { formErrors, redirectWithFlash } from "~/ui/form-answer.server";
import { useT } from "~/ui/i18n";
import { NewSessionForm } from "~/ui/sessions/NewSessionForm";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.team.name ?? ""} · Leernetwerk` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const team = await requireTeamReader(user, params.team);
  requireSessionScheduler(user, team);
  return json({ team, candidates: await inviteeCandidates(user, team), methods: methodChoices(user.language) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const team = await requireTeamReader(user, params.team);
  requireSessionScheduler(user, team);
  const submission = parseWithZod(await request.formData(), { schema: newSessionSchema });
  if (submission.status !== "success") return formErrors(submission, 400);
  const outcome = await createSession(user, team, submission.value, publicUrl(request));
  if (!outcome.ok) return formErrors(submission, 400, { refusal: outcome });
  return redirectWithFlash(`/teams/${team.slug}/sessions/${outcome.id}`, "session.created");
}

export default function NewSession() {
  const t = useT();
  const { team, candidates, methods } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  return (
    <section>
      <p>
        <Link to={`/teams/${team.slug}/sessions`}>{t("session.back")}</Link>
      </p>
      <h1>{t("sessions.new")}</h1>
      <p className="lead">{t("session.new.intro")}</p>
      <NewSessionForm teamSlug={team.slug} candidates={candidates} methods={methods} lastResult={reply?.result} />
    </section>
  );
}
