import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireContentReader, requireUser } from "~/auth/permissions.server";
import { lessonSchema } from "~/domain/lessons/lesson-form";
import { getEditableLesson, sourceChoices, updateLesson } from "~/domain/lessons/lessons.server";
import { listThemes } from "~/domain/programme/themes.server";
import { formatDay } from "~/i18n/dates";
import { withRichTextFromTextarea } from "~/richtext/form-data";
import { RichText } from "~/richtext/RichText";
import { parseRichTextJson } from "~/richtext/schema";
import { setFlash } from "~/ui/flash.server";
import { ConflictView } from "~/ui/ConflictView";
import { useLocale, useT } from "~/ui/i18n";
import { LessonForm } from "~/ui/lessons/LessonForm";
import { VisibilityBadge } from "~/ui/Visibility";
import { questionChoice, questionChoiceOf, setItemQuestion } from "~/domain/questions/question-links.server";
import { QuestionChoice } from "~/ui/questions/QuestionChoice";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const team = await requireContentReader(user, params.team);
  const lesson = await getEditableLesson(user, team, params.id);
  const [themes, sources] = await Promise.all([
    listThemes(),
    sourceChoices(
      user,
      team,
      lesson.sources.map((s) => s.id),
    ),
  ]);
  return json({ team, lesson, themes, sources, learningQuestion: await questionChoice(team, { type: "lesson", id: lesson.id }) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const team = await requireContentReader(user, params.team);
  const stored = await getEditableLesson(user, team, params.id);
  const formData = withRichTextFromTextarea(await request.formData(), "explanation", stored.explanation);
  const version = Number(formData.get("version"));
  const submission = parseWithZod(formData, { schema: lessonSchema });
  const submitted = parseRichTextJson(String(formData.get("explanation") ?? ""));
  const explanation = submitted.ok ? submitted.value : null;
  if (submission.status !== "success") {
    return json({ result: submission.reply(), explanation, current: null }, { status: 400 });
  }
  const { themes, sources, ...input } = submission.value;
  const outcome = await updateLesson(user, team, params.id, version, {
    ...input,
    themeIds: themes,
    sourceIds: sources,
  });
  if (outcome.status === "refusedSources" || outcome.status === "refusedMentions") {
    const fieldErrors: Record<string, string[]> =
      outcome.status === "refusedSources" ? { sources: ["lesson.error.source"] } : { explanation: [outcome.message] };
    return json({ result: submission.reply({ fieldErrors }), explanation, current: null }, { status: 400 });
  }
  if (outcome.status === "conflict") {
    // Someone saved in between: show both versions; saving again starts from theirs.
    return json({ result: submission.reply(), explanation, current: outcome.current }, { status: 409 });
  }
  await setItemQuestion(user, team, { type: "lesson", id: stored.id }, questionChoiceOf(formData));
  return redirect(`/teams/${team.slug}/lessons/${stored.id}`, {
    headers: { "Set-Cookie": await setFlash("lesson.saved") },
  });
}

export default function EditLesson() {
  const t = useT();
  const locale = useLocale();
  const { team, lesson, themes, sources, learningQuestion } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const current = reply?.current ?? null;
  const form = (
    <LessonForm
      learningQuestion={<QuestionChoice choice={learningQuestion} />}
      key={current?.version ?? lesson.version}
      teamName={team.name}
      mentions={{ kind: "lesson", team: team.slug, id: lesson.id }}
      themes={themes}
      sources={sources}
      defaultValue={{
        statement: lesson.statement,
        themes: lesson.themes.map((theme) => theme.id),
        sources: lesson.sources.map((source) => source.id),
        visibility: lesson.visibility,
      }}
      explanation={reply?.explanation ?? lesson.explanation}
      draftKey={`lesson:${lesson.id}`}
      lastResult={reply?.result}
      version={current?.version ?? lesson.version}
    />
  );
  return (
    <section>
      <p>
        <Link to={`/teams/${team.slug}/lessons/${lesson.id}`}>{lesson.statement}</Link>
      </p>
      <h1>{t("lesson.editTitle")}</h1>
      {current ? (
        <ConflictView
          title={t("lesson.conflict.title")}
          body={t("reflection.conflict.body")}
          mine={form}
          theirs={
            <>
              <h3>{current.statement}</h3>
              <p className="meta">
                <VisibilityBadge visibility={current.visibility} />
                {current.themes.map((theme) => (
                  <span key={theme.slug} className="badge">
                    {locale === "en" ? theme.name_en : theme.name_nl}
                  </span>
                ))}
              </p>
              {current.hasExplanation ? <RichText state={current.explanation} /> : null}
              {current.sources.length > 0 ? (
                <>
                  <h4>{t("lesson.sources")}</h4>
                  <ul>
                    {current.sources.map((source) => (
                      <li key={source.id}>
                        {source.title} <span className="muted">· {formatDay(source.happenedOn, locale)}</span>
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </>
          }
        />
      ) : (
        form
      )}
    </section>
  );
}
