import { parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireMembership, requireUser } from "~/auth/permissions.server";
import { ownerCandidates } from "~/domain/milestones/milestones.server";
import { listThemes } from "~/domain/programme/themes.server";
import { questionSchema, questionStepSchema } from "~/domain/questions/question-form";
import { addQuestion, isFacilitator, listQuestions, stepQuestion } from "~/domain/questions/questions.server";
import { formErrors, redirectWithFlash } from "~/ui/form-answer.server";
import { FormErrors } from "~/ui/Field";
import { useT } from "~/ui/i18n";
import { QuestionForm } from "~/ui/questions/QuestionForm";
import { QuestionList } from "~/ui/questions/QuestionList";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.team.name ?? ""} · Leernetwerk` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const team = await requireMembership(user, params.team);
  const [questions, themes, owners] = await Promise.all([listQuestions(user, team), listThemes(), ownerCandidates(user, team)]);
  return json({ team, questions, themes, owners });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const team = await requireMembership(user, params.team);
  const formData = await request.formData();
  const here = `/teams/${team.slug}/questions`;
  if (formData.get("intent") === "save") {
    const submission = parseWithZod(formData, { schema: questionSchema });
    if (submission.status !== "success") return formErrors(submission, 400, { intent: "save" });
    const { themes, owner, ...input } = submission.value;
    const outcome = await addQuestion(user, team, { ...input, themeIds: themes, ownerId: owner ?? null });
    if (!outcome.ok) return formErrors(submission, 400, { intent: "save", refusal: outcome });
    return redirectWithFlash(here, isFacilitator(user, team) ? "questions.added" : "questions.proposed");
  }
  const submission = parseWithZod(formData, { schema: questionStepSchema });
  if (submission.status !== "success") return formErrors(submission, 400, { intent: "step" });
  const outcome = await stepQuestion(user, team, submission.value);
  if (!outcome.ok) return formErrors(submission, 400, { intent: "step", refusal: outcome });
  return redirectWithFlash(here, `questions.step.${submission.value.intent}`);
}

export default function Questions() {
  const t = useT();
  const { team, questions, themes, owners } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const manage = questions.canManage;
  return (
    <section>
      <p>
        <Link to={`/teams/${team.slug}`}>{team.name}</Link>
      </p>
      <h1>{t("questions.title")}</h1>
      <p className="lead">{t("questions.intro", { team: team.name })}</p>
      {reply?.intent === "step" ? <FormErrors errors={reply.result.error?.[""] ?? undefined} /> : null}

      <h2>{t("questions.active", { count: questions.active.length })}</h2>
      <QuestionList items={questions.active} manage={manage} empty={t("questions.noneActive")} reorder />

      <h2>{t("questions.proposedHeading")}</h2>
      <QuestionList items={questions.proposed} manage={manage} empty={t("questions.noneProposed")} />

      {questions.archived.length ? (
        <details>
          <summary>{t("questions.archived", { count: questions.archived.length })}</summary>
          <QuestionList items={questions.archived} manage={false} empty="" />
        </details>
      ) : null}

      <section aria-labelledby="new-question" className="card">
        <h2 id="new-question">{manage ? t("questions.add") : t("questions.propose")}</h2>
        <p className="field-hint">{manage ? t("questions.addHint") : t("questions.proposeHint")}</p>
        <QuestionForm
          themes={themes}
          owners={owners}
          defaultValue={{ question: "", explanation: "", themes: [], owner: "", harvestDates: [] }}
          lastResult={reply?.intent === "save" ? reply.result : null}
          submitLabel={manage ? t("questions.add") : t("questions.propose")}
        />
      </section>
    </section>
  );
}
