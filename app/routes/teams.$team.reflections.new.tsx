import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireMembership, requireUser } from "~/auth/permissions.server";
import { newReflectionSchema } from "~/domain/reflections/reflection-form";
import { createReflection } from "~/domain/reflections/reflections.server";
import { sessionToLink } from "~/domain/sessions/notes/session-notes.server";
import { listThemes } from "~/domain/programme/themes.server";
import { todayInAmsterdam } from "~/i18n/dates";
import { translator } from "~/i18n/dictionaries.server";
import { withRichTextFromTextarea } from "~/richtext/form-data";
import { richTextFromPlainText } from "~/richtext/from-plain-text";
import { parseRichTextJson } from "~/richtext/schema";
import { setFlash } from "~/ui/flash.server";
import { useT } from "~/ui/i18n";
import { ReflectionForm } from "~/ui/reflections/ReflectionForm";
import { SessionLinkNotice } from "~/ui/sessions/SessionOrigin";
import { questionChoice, questionChoiceOf, setItemQuestion } from "~/domain/questions/question-links.server";
import { QuestionChoice } from "~/ui/questions/QuestionChoice";

const prompts = { well: "reflection.prompt.well", rub: "reflection.prompt.rub", takeaway: "reflection.prompt.takeaway" } as const;
type Prompt = keyof typeof prompts;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const team = await requireMembership(user, params.team);
  const search = new URL(request.url).searchParams;
  const prompt = search.get("prompt");
  const question = prompt && prompt in prompts ? translator(user.language)(prompts[prompt as Prompt]) : null;
  return json({
    team,
    // "Schrijf er een reflectie over" from a session's notes: linked for its participants, ignored for anyone else.
    fromSession: await sessionToLink(user, team, search.get("session")),
    themes: await listThemes(),
    learningQuestion: await questionChoice(team),
    today: todayInAmsterdam(),
    prompt: question ? prompt : null,
    body: question ? richTextFromPlainText(`${question}\n\n`) : null,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const team = await requireMembership(user, params.team);
  const formData = withRichTextFromTextarea(await request.formData(), "body");
  const submission = parseWithZod(formData, { schema: newReflectionSchema });
  // The text comes back to the page whatever was wrong: nothing typed is lost.
  const refuse = (result: ReturnType<typeof submission.reply>) => {
    const body = parseRichTextJson(String(formData.get("body") ?? ""));
    return json({ result, body: body.ok ? body.value : null }, { status: 400 });
  };
  if (submission.status !== "success") return refuse(submission.reply());
  const { themes, session, ...input } = submission.value;
  const outcome = await createReflection(user, team, { ...input, themeIds: themes, sessionId: session });
  if (outcome.status === "refusedMentions") return refuse(submission.reply({ fieldErrors: { body: [outcome.message] } }));
  await setItemQuestion(user, team, { type: "reflection", id: outcome.id }, questionChoiceOf(formData));
  return redirect(`/teams/${team.slug}/reflections/${outcome.id}`, { headers: { "Set-Cookie": await setFlash("reflection.saved") } });
}

export default function NewReflection() {
  const t = useT();
  const { team, themes, today, prompt, body, fromSession, learningQuestion } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const query = (more: string) => `?${fromSession ? `session=${fromSession.id}${more ? "&" : ""}` : ""}${more}`;
  return (
    <section>
      <p>
        <Link to={`/teams/${team.slug}/reflections`}>{t("reflection.back")}</Link>
      </p>
      <h1>{t("reflections.new")}</h1>
      <nav aria-labelledby="prompts-heading" className="prompts">
        <h2 id="prompts-heading">{t("reflection.prompts")}</h2>
        <p className="field-hint">{t("reflection.prompts.intro")}</p>
        <ul className="actions plain-list">
          {(Object.keys(prompts) as Prompt[]).map((key) => (
            <li key={key}>
              <Link to={query(`prompt=${key}`)} aria-current={prompt === key ? "true" : undefined} className="button button-secondary">
                {t(prompts[key])}
              </Link>
            </li>
          ))}
          <li>
            <Link to={query("")} aria-current={prompt ? undefined : "true"} className="button button-secondary">
              {t("reflection.prompt.blank")}
            </Link>
          </li>
        </ul>
      </nav>
      <ReflectionForm
        learningQuestion={<QuestionChoice choice={learningQuestion} />}
        key={prompt ?? "blank"}
        teamName={team.name}
        mentions={{ kind: "reflection", team: team.slug }}
        themes={themes}
        // From a session nothing is chosen for the writer: they decide deliberately who reads it.
        defaultValue={{ title: "", happenedOn: today, themes: [], visibility: fromSession ? "" : "team" }}
        body={reply?.body ?? body}
        draftKey={fromSession ? `reflection:new:${team.slug}:session:${fromSession.id}` : `reflection:new:${team.slug}`}
        lastResult={reply?.result}
      >
        {fromSession ? <SessionLinkNotice session={fromSession} /> : null}
      </ReflectionForm>
    </section>
  );
}
