import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireMembership, requireUser } from "~/auth/permissions.server";
import { newMilestoneSchema } from "~/domain/milestones/milestone-form";
import { createMilestone, ownerCandidates } from "~/domain/milestones/milestones.server";
import { translator } from "~/i18n/dictionaries.server";
import { withRichTextFromTextarea } from "~/richtext/form-data";
import { parseRichTextJson } from "~/richtext/schema";
import { setFlash } from "~/ui/flash.server";
import { useT } from "~/ui/i18n";
import { MilestoneForm } from "~/ui/milestones/MilestoneForm";
import { questionChoice, questionChoiceOf, setItemQuestion } from "~/domain/questions/question-links.server";
import { QuestionChoice } from "~/ui/questions/QuestionChoice";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const team = await requireMembership(user, params.team);
  return json({ team, owners: await ownerCandidates(user, team), learningQuestion: await questionChoice(team), reason: translator(user.language)("milestone.reason.created") });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const team = await requireMembership(user, params.team);
  const formData = withRichTextFromTextarea(await request.formData(), "description");
  const submission = parseWithZod(formData, { schema: newMilestoneSchema });
  // The description comes back to the page whatever else was wrong: nothing typed is lost.
  const submitted = parseRichTextJson(String(formData.get("description") ?? ""));
  const description = submitted.ok ? submitted.value : null;
  if (submission.status !== "success") return json({ result: submission.reply(), description }, { status: 400 });
  const { owner, ...input } = submission.value;
  const outcome = await createMilestone(user, team, { ...input, ownerId: owner ?? null });
  if (!outcome.ok) return json({ result: submission.reply({ fieldErrors: outcome.errors }), description }, { status: 400 });
  await setItemQuestion(user, team, { type: "milestone", id: outcome.id }, questionChoiceOf(formData));
  return redirect(`/teams/${team.slug}/milestones/${outcome.id}`, { headers: { "Set-Cookie": await setFlash("milestone.saved") } });
}

export default function NewMilestone() {
  const t = useT();
  const { team, owners, reason, learningQuestion } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  return (
    <section>
      <p>
        <Link to={`/teams/${team.slug}/milestones`}>{t("milestone.back")}</Link>
      </p>
      <h1>{t("milestones.new")}</h1>
      <MilestoneForm
        learningQuestion={<QuestionChoice choice={learningQuestion} />}
        teamName={team.name}
        owners={owners}
        defaultValue={{ title: "", targetDate: "", owner: "", visibility: "team", reason }}
        description={reply?.description ?? null}
        draftKey={`milestone:new:${team.slug}`}
        lastResult={reply?.result}
      />
    </section>
  );
}
