import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireContentReader, requireUser } from "~/auth/permissions.server";
import { deleteLesson, getLesson } from "~/domain/lessons/lessons.server";
import { readersOf } from "~/domain/coalitions/readers.server";
import { currentNames } from "~/domain/mentions/mentions.server";
import { mentionedInRichText } from "~/richtext/mentions";
import { formatDate, formatDay } from "~/i18n/dates";
import { RichText } from "~/richtext/RichText";
import { SubmitButton } from "~/ui/Button";
import { setFlash } from "~/ui/flash.server";
import { useLocale, useT } from "~/ui/i18n";
import { ThemeBadges } from "~/ui/Themes";
import { SessionOrigin } from "~/ui/sessions/SessionOrigin";
import { Readers } from "~/ui/Readers";
import { VisibilityBadge } from "~/ui/Visibility";
import { usePersonName } from "~/ui/PersonName";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.lesson.statement ?? ""} · Leernetwerk` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const team = await requireContentReader(user, params.team);
  const lesson = await getLesson(user, team, params.id);
  const [readers, mentionNames] = await Promise.all([
    readersOf({ kind: "lesson", authorId: lesson.authorId, coalitionId: team.id, visibility: lesson.visibility }, user),
    currentNames(mentionedInRichText(lesson.explanation).map((person) => person.id)),
  ]);
  return json({ team, lesson, readers, mentionNames });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const team = await requireContentReader(user, params.team);
  const formData = await request.formData();
  if (formData.get("intent") !== "delete") throw new Response("Bad Request", { status: 400 });
  await deleteLesson(user, team, params.id);
  return redirect(`/teams/${team.slug}/lessons`, { headers: { "Set-Cookie": await setFlash("lesson.deleted") } });
}

export default function LessonPage() {
  const t = useT();
  const personName = usePersonName();
  const locale = useLocale();
  const { team, lesson, readers, mentionNames } = useLoaderData<typeof loader>();
  return (
    <article>
      <p>
        <Link to={`/teams/${team.slug}/lessons`}>{t("lesson.back")}</Link>
      </p>
      <h1>{lesson.statement}</h1>
      <p className="meta">
        <VisibilityBadge visibility={lesson.visibility} />
        <span>{t("lesson.proposedBy", { name: personName(lesson.authorName), date: formatDate(lesson.createdAt, locale) })}</span>
        {lesson.fromSessions.map((origin, index) => (
          <SessionOrigin key={index} origin={origin} />
        ))}
        <ThemeBadges themes={lesson.themes} />
      </p>
      <Readers readers={readers} />
      {lesson.hasExplanation ? <RichText state={lesson.explanation} names={mentionNames} /> : null}

      <section aria-labelledby="sources">
        <h2 id="sources">{t("lesson.sources")}</h2>
        {lesson.sources.length === 0 ? (
          <p className="muted">{t("lesson.sourcesNone")}</p>
        ) : (
          <ul className="plain-list">
            {lesson.sources.map((source) => (
              <li key={source.id}>
                <Link to={`/teams/${team.slug}/reflections/${source.id}`}>{source.title}</Link>{" "}
                <span className="muted">· {formatDay(source.happenedOn, locale)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {lesson.canEdit ? (
        <div className="actions">
          <Link className="button button-secondary" to="edit">
            {t("reflection.edit")}
          </Link>
          <details className="confirm">
            <summary className="button button-danger">{t("reflection.delete")}</summary>
            <p>{t("lesson.deleteConfirm")}</p>
            <Form method="post">
              <input type="hidden" name="intent" value="delete" />
              <SubmitButton variant="danger">{t("reflection.deleteSubmit")}</SubmitButton>
            </Form>
          </details>
        </div>
      ) : null}
    </article>
  );
}
