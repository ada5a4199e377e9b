import { parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireMembership, requireUser } from "~/auth/permissions.server";
import { ownerCandidates } from "~/domain/milestones/milestones.server";
import { listThemes } from "~/domain/programme/themes.server";
import { questionSchema } from "~/domain/questions/question-form";
import { getQuestionForEditing, updateQuestion } from "~/domain/questions/questions.server";
import { ConflictView } from "~/ui/ConflictView";
import { formErrors, redirectWithFlash } from "~/ui/form-answer.server";
import { useT } from "~/ui/i18n";
import { QuestionForm } from "~/ui/questions/QuestionForm";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const team = await requireMembership(user, params.team, "facilitator");
  const question = await getQuestionForEditing(user, team, params.id);
  const [themes, owners] = await Promise.all([listThemes(), ownerCandidates(user, team, question)]);
  return json({ team, question, themes, owners });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const team = await requireMembership(user, params.team, "facilitator");
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: questionSchema });
  if (submission.status !== "success") return formErrors(submission, 400, { current: null });
  const { themes, owner, ...input } = submission.value;
  const outcome = await updateQuestion(user, team, params.id, Number(formData.get("version")), { ...input, themeIds: themes, ownerId: owner ?? null });
  if (outcome.ok) return redirectWithFlash(`/teams/${team.slug}/questions/${params.id}`, "questions.saved");
  if ("message" in outcome) return formErrors(submission, 400, { current: null, refusal: outcome });
  // Someone saved in between: show both; saving again starts from theirs.
  return formErrors(submission, 409, { current: outcome.current });
}

export default function EditQuestion() {
  const t = useT();
  const { team, question, themes, owners } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const current = reply?.current ?? null;
  const base = current ?? question;
  const form = (
    <QuestionForm
      key={base.version}
      themes={themes}
      owners={owners}
      defaultValue={{
        question: question.question,
        explanation: question.explanation,
        themes: question.themes.map((theme) => theme.id),
        owner: question.ownerId ?? "",
        harvestDates: question.harvestDates,
      }}
      lastResult={reply?.result}
      version={base.version}
      submitLabel={t("questions.save")}
    />
  );
  return (
    <section>
      <p>
        <Link to={`/teams/${team.slug}/questions/${question.id}`}>{question.question}</Link>
      </p>
      <h1>{t("questions.editTitle")}</h1>
      {current ? (
        <ConflictView
          title={t("questions.conflict.title")}
          body={t("questions.conflict.body")}
          mine={form}
          theirs={
            <>
              <h3>{current.question}</h3>
              <p>{current.explanation}</p>
              <p className="meta">{current.ownerName ? t("questions.owner", { name: current.ownerName }) : t("questions.noOwner")}</p>
            </>
          }
        />
      ) : (
        form
      )}
    </section>
  );
}
