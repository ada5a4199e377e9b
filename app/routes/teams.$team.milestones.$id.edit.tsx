import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireMembership, requireUser } from "~/auth/permissions.server";
import { milestoneDetailsSchema } from "~/domain/milestones/milestone-form";
import { getMilestoneForEditing, ownerCandidates, updateMilestoneDetails } from "~/domain/milestones/milestones.server";
import { withRichTextFromTextarea } from "~/richtext/form-data";
import { RichText } from "~/richtext/RichText";
import { parseRichTextJson } from "~/richtext/schema";
import { setFlash } from "~/ui/flash.server";
import { ConflictView } from "~/ui/ConflictView";
import { useT } from "~/ui/i18n";
import { MilestoneForm } from "~/ui/milestones/MilestoneForm";
import { VisibilityBadge } from "~/ui/Visibility";
import { questionChoice, questionChoiceOf, setItemQuestion } from "~/domain/questions/question-links.server";
import { QuestionChoice } from "~/ui/questions/QuestionChoice";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const team = await requireMembership(user, params.team);
  const milestone = await getMilestoneForEditing(user, team, params.id);
  return json({
    team,
    milestone,
    owners: await ownerCandidates(user, team, milestone),
    learningQuestion: await questionChoice(team, { type: "milestone", id: milestone.id }),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const team = await requireMembership(user, params.team);
  const stored = await getMilestoneForEditing(user, team, params.id);
  const formData = withRichTextFromTextarea(await request.formData(), "description", stored.description);
  const version = Number(formData.get("version"));
  const submission = parseWithZod(formData, { schema: milestoneDetailsSchema });
  const submitted = parseRichTextJson(String(formData.get("description") ?? ""));
  const description = submitted.ok ? submitted.value : null;
  if (submission.status !== "success")
    return json({ result: submission.reply(), description, current: null }, { status: 400 });
  const { owner, ...input } = submission.value;
  const outcome = await updateMilestoneDetails(user, team, params.id, version, { ...input, ownerId: owner ?? null });
  if (outcome.ok) {
    await setItemQuestion(user, team, { type: "milestone", id: stored.id }, questionChoiceOf(formData));
    return redirect(`/teams/${team.slug}/milestones/${params.id}`, {
      headers: { "Set-Cookie": await setFlash("milestone.saved") },
    });
  }
  if ("errors" in outcome) {
    return json(
      { result: submission.reply({ fieldErrors: outcome.errors }), description, current: null },
      { status: 400 },
    );
  }
  // Someone saved in between: show both versions; saving again starts from theirs.
  return json({ result: submission.reply(), description, current: outcome.current }, { status: 409 });
}

export default function EditMilestone() {
  const t = useT();
  const { team, milestone, owners, learningQuestion } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const current = reply?.current ?? null;
  const form = (
    <MilestoneForm
      learningQuestion={<QuestionChoice choice={learningQuestion} />}
      key={current?.version ?? milestone.version}
      teamName={team.name}
      owners={owners}
      defaultValue={{ title: milestone.title, owner: milestone.ownerId ?? "", visibility: milestone.visibility }}
      description={reply?.description ?? milestone.description}
      draftKey={`milestone:${milestone.id}`}
      lastResult={reply?.result}
      version={current?.version ?? milestone.version}
      currentTargetDate={current?.targetDate ?? milestone.targetDate}
    />
  );
  return (
    <section>
      <p>
        <Link to={`/teams/${team.slug}/milestones/${milestone.id}`}>{milestone.title}</Link>
      </p>
      <h1>{t("milestone.editTitle")}</h1>
      {current ? (
        <ConflictView
          title={t("milestone.conflict.title")}
          body={t("milestone.conflict.body")}
          mine={form}
          theirs={
            <>
              <h3>{current.title}</h3>
              <p className="meta">
                <VisibilityBadge visibility={current.visibility} />
                <span>
                  {current.ownerName ? t("milestones.owner", { name: current.ownerName }) : t("milestones.noOwner")}
                </span>
              </p>
              <RichText state={current.description} />
            </>
          }
        />
      ) : (
        form
      )}
    </section>
  );
}
