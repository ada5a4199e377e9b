import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireMembership, requireUser } from "~/auth/permissions.server";
import { newLessonSchema } from "~/domain/lessons/lesson-form";
import { createLesson, sourceChoices, themesOfSource } from "~/domain/lessons/lessons.server";
import { sessionToLink } from "~/domain/sessions/notes/session-notes.server";
import { listThemes } from "~/domain/programme/themes.server";
import { withRichTextFromTextarea } from "~/richtext/form-data";
import { parseRichTextJson } from "~/richtext/schema";
import { setFlash } from "~/ui/flash.server";
import { useT } from "~/ui/i18n";
import { LessonForm } from "~/ui/lessons/LessonForm";
import { SessionLinkNotice } from "~/ui/sessions/SessionOrigin";
import { questionChoice, questionChoiceOf, setItemQuestion } from "~/domain/questions/question-links.server";
import { QuestionChoice } from "~/ui/questions/QuestionChoice";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const team = await requireMembership(user, params.team);
  const search = new URL(request.url).searchParams;
  const from = search.get("from");
  const [themes, sources, sourceThemes, fromSession] = await Promise.all([
    listThemes(),
    sourceChoices(user, team, from ? [from] : []),
    themesOfSource(user, team, from),
    // "Maak er een les van" from a session's notes: linked for its participants, ignored for anyone else.
    sessionToLink(user, team, search.get("session")),
  ]);
  // "Maak er een les van": the reflection is ticked, if this person may read it; otherwise nothing is said.
  const fromSource = sources.some((source) => source.id === from) ? from : null;
  return json({ team, themes, sources, fromSource, sourceThemes, fromSession, learningQuestion: await questionChoice(team) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const team = await requireMembership(user, params.team);
  const formData = withRichTextFromTextarea(await request.formData(), "explanation");
  const submission = parseWithZod(formData, { schema: newLessonSchema });
  // The text comes back to the page whatever else was wrong: nothing typed is lost.
  const submitted = parseRichTextJson(String(formData.get("explanation") ?? ""));
  const explanation = submitted.ok ? submitted.value : null;
  if (submission.status !== "success") {
    return json({ result: submission.reply(), explanation }, { status: 400 });
  }
  const { themes, sources, session, ...input } = submission.value;
  const outcome = await createLesson(user, team, { ...input, themeIds: themes, sourceIds: sources, sessionId: session });
  if (outcome.status === "refusedSources") {
    return json({ result: submission.reply({ fieldErrors: { sources: ["lesson.error.source"] } }), explanation }, { status: 400 });
  }
  if (outcome.status === "refusedMentions") {
    return json({ result: submission.reply({ fieldErrors: { explanation: [outcome.message] } }), explanation }, { status: 400 });
  }
  await setItemQuestion(user, team, { type: "lesson", id: outcome.id }, questionChoiceOf(formData));
  return redirect(`/teams/${team.slug}/lessons/${outcome.id}`, { headers: { "Set-Cookie": await setFlash("lesson.saved") } });
}

export default function NewLesson() {
  const t = useT();
  const { team, themes, sources, fromSource, sourceThemes, fromSession, learningQuestion } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  return (
    <section>
      <p>
        <Link to={`/teams/${team.slug}/lessons`}>{t("lesson.back")}</Link>
      </p>
      <h1>{t("lessons.new")}</h1>
      <LessonForm
        learningQuestion={<QuestionChoice choice={learningQuestion} />}
        key={fromSource ?? "blank"}
        teamName={team.name}
        mentions={{ kind: "lesson", team: team.slug }}
        themes={themes}
        sources={sources}
        // From a session nothing is chosen for the writer: they decide deliberately who reads it.
        defaultValue={{ statement: "", themes: sourceThemes, sources: fromSource ? [fromSource] : [], visibility: fromSession ? "" : "team" }}
        explanation={reply?.explanation ?? null}
        draftKey={fromSession ? `lesson:new:${team.slug}:session:${fromSession.id}` : `lesson:new:${team.slug}`}
        lastResult={reply?.result}
      >
        {fromSession ? <SessionLinkNotice session={fromSession} /> : null}
      </LessonForm>
    </section>
  );
}
