import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireMembership, requireUser } from "~/auth/permissions.server";
import { reflectionSchema } from "~/domain/reflections/reflection-form";
import { getOwnReflection, updateReflection } from "~/domain/reflections/reflections.server";
import { listThemes } from "~/domain/programme/themes.server";
import { formatDay } from "~/i18n/dates";
import { withRichTextFromTextarea } from "~/richtext/form-data";
import { RichText } from "~/richtext/RichText";
import { parseRichTextJson } from "~/richtext/schema";
import { setFlash } from "~/ui/flash.server";
import { ConflictView } from "~/ui/ConflictView";
import { useLocale, useT } from "~/ui/i18n";
import { ReflectionForm } from "~/ui/reflections/ReflectionForm";
import { VisibilityBadge } from "~/ui/Visibility";
import { questionChoice, questionChoiceOf, setItemQuestion } from "~/domain/questions/question-links.server";
import { QuestionChoice } from "~/ui/questions/QuestionChoice";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const team = await requireMembership(user, params.team);
  const [reflection, themes] = await Promise.all([getOwnReflection(user, team, params.id), listThemes()]);
  return json({ team, reflection, themes, learningQuestion: await questionChoice(team, { type: "reflection", id: reflection.id }) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const team = await requireMembership(user, params.team);
  const stored = await getOwnReflection(user, team, params.id);
  const formData = withRichTextFromTextarea(await request.formData(), "body", stored.body);
  const version = Number(formData.get("version"));
  const submission = parseWithZod(formData, { schema: reflectionSchema });
  const submitted = parseRichTextJson(String(formData.get("body") ?? ""));
  const body = submitted.ok ? submitted.value : null;
  if (submission.status !== "success") {
    return json({ result: submission.reply(), body, current: null }, { status: 400 });
  }
  const { themes, ...input } = submission.value;
  const outcome = await updateReflection(user, team, params.id, version, { ...input, themeIds: themes });
  if (!outcome.ok && "refusedMentions" in outcome) {
    return json({ result: submission.reply({ fieldErrors: { body: [outcome.refusedMentions] } }), body, current: null }, { status: 400 });
  }
  if (!outcome.ok) {
    // Someone saved in between: show both versions; saving again starts from theirs.
    return json({ result: submission.reply(), body, current: outcome.current }, { status: 409 });
  }
  await setItemQuestion(user, team, { type: "reflection", id: stored.id }, questionChoiceOf(formData));
  return redirect(`/teams/${team.slug}/reflections/${params.id}`, {
    headers: { "Set-Cookie": await setFlash("reflection.saved") },
  });
}

export default function EditReflection() {
  const t = useT();
  const locale = useLocale();
  const { team, reflection, themes, learningQuestion } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const current = reply?.current ?? null;
  const form = (
    <ReflectionForm
      learningQuestion={<QuestionChoice choice={learningQuestion} />}
      key={current?.version ?? reflection.version}
      teamName={team.name}
      mentions={{ kind: "reflection", team: team.slug, id: reflection.id }}
      themes={themes}
      defaultValue={{
        title: reflection.title,
        happenedOn: reflection.happenedOn,
        themes: reflection.themes.map((theme) => theme.id),
        visibility: reflection.visibility,
      }}
      body={reply?.body ?? reflection.body}
      draftKey={`reflection:${reflection.id}`}
      lastResult={reply?.result}
      version={current?.version ?? reflection.version}
    />
  );
  return (
    <section>
      <p>
        <Link to={`/teams/${team.slug}/reflections/${reflection.id}`}>{reflection.title}</Link>
      </p>
      <h1>{t("reflection.editTitle")}</h1>
      {current ? (
        <ConflictView
          title={t("reflection.conflict.title")}
          body={t("reflection.conflict.body")}
          mine={form}
          theirs={
            <>
              <h3>{current.title}</h3>
              <p className="meta">
                <VisibilityBadge visibility={current.visibility} />
                <span>{formatDay(current.happenedOn, locale)}</span>
              </p>
              <RichText state={current.body} />
            </>
          }
        />
      ) : (
        form
      )}
    </section>
  );
}
