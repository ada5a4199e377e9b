import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { membershipIn, requireContentReader, requireUser } from "~/auth/permissions.server";
import { lessonsFromReflection } from "~/domain/lessons/lessons.server";
import { readersOf } from "~/domain/coalitions/readers.server";
import { publicUrl } from "~/domain/mail/email.server";
import { currentNames } from "~/domain/mentions/mentions.server";
import { mentionedInComment, mentionedInRichText } from "~/richtext/mentions";
import { addComment, commentSchema, deleteReflection, getReflection, listComments } from "~/domain/reflections/reflections.server";
import { formatDateTime, formatDay } from "~/i18n/dates";
import { RichText } from "~/richtext/RichText";
import { SubmitButton } from "~/ui/Button";
import { Field } from "~/ui/Field";
import { setFlash } from "~/ui/flash.server";
import { useLocale, useT } from "~/ui/i18n";
import { ThemeBadges } from "~/ui/Themes";
import { SessionOrigin } from "~/ui/sessions/SessionOrigin";
import { Readers } from "~/ui/Readers";
import { Avatar } from "~/ui/Avatar";
import { LessonsFrom } from "~/ui/lessons/LessonsFrom";
import { VisibilityBadge } from "~/ui/Visibility";
import { usePersonName } from "~/ui/PersonName";
import { controlProps, serverFields } from "~/ui/ServerFields";
import { CommentText } from "~/ui/mentions/CommentText";
import { MentionTextarea } from "~/ui/mentions/MentionTextarea";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.reflection.title ?? ""} · Leernetwerk` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const team = await requireContentReader(user, params.team);
  const reflection = await getReflection(user, team, params.id);
  const [comments, readers, lessons] = await Promise.all([
    listComments(reflection),
    readersOf({ kind: "reflection", authorId: reflection.authorId, coalitionId: team.id, visibility: reflection.visibility }, user),
    lessonsFromReflection(user, team, reflection.id),
  ]);
  const mentioned = [...mentionedInRichText(reflection.body), ...comments.flatMap((comment) => mentionedInComment(comment.body))];
  const mentionNames = await currentNames(mentioned.map((person) => person.id));
  return json({ team, reflection, comments, mentionNames, readers, lessons, canWrite: Boolean(membershipIn(user, team.id)) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const team = await requireContentReader(user, params.team);
  const formData = await request.formData();
  const here = `/teams/${team.slug}/reflections/${params.id}`;
  if (formData.get("intent") === "delete") {
    await deleteReflection(user, team, params.id);
    return redirect(`/teams/${team.slug}/reflections`, { headers: { "Set-Cookie": await setFlash("reflection.deleted") } });
  }
  const submission = parseWithZod(formData, { schema: commentSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const outcome = await addComment(user, team, params.id, submission.value.comment, submission.value.mention, publicUrl(request));
  if (outcome.status === "refusedMentions") return json(submission.reply({ fieldErrors: { comment: [outcome.message] } }), { status: 400 });
  return redirect(`${here}#comments`, { headers: { "Set-Cookie": await setFlash("comments.added") } });
}

export default function ReflectionPage() {
  const t = useT();
  const personName = usePersonName();
  const locale = useLocale();
  const { team, reflection, comments, mentionNames, readers, lessons, canWrite } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { field } = serverFields("comment", lastResult);
  const comment = field("comment");
  return (
    <article>
      <p>
        <Link to={`/teams/${team.slug}/reflections`}>{t("reflection.back")}</Link>
      </p>
      <h1>{reflection.title}</h1>
      <p className="meta">
        <VisibilityBadge visibility={reflection.visibility} />
        <span>{t("reflection.writtenBy", { name: personName(reflection.authorName), date: formatDay(reflection.happenedOn, locale) })}</span>
        {reflection.fromSession ? <SessionOrigin origin={reflection.fromSession} /> : null}
        <ThemeBadges themes={reflection.themes} />
      </p>
      <Readers readers={readers} />
      <RichText state={reflection.body} names={mentionNames} />
      <LessonsFrom teamSlug={team.slug} reflectionId={reflection.id} lessons={lessons} canWrite={canWrite} />
      {reflection.mine ? (
        <div className="actions">
          <Link className="button button-secondary" to="edit">
            {t("reflection.edit")}
          </Link>
          <details className="confirm">
            <summary className="button button-danger">{t("reflection.delete")}</summary>
            <p>{t("reflection.deleteConfirm")}</p>
            <Form method="post">
              <input type="hidden" name="intent" value="delete" />
              <SubmitButton variant="danger">{t("reflection.deleteSubmit")}</SubmitButton>
            </Form>
          </details>
        </div>
      ) : null}

      <section aria-labelledby="comments" className="comments">
        <h2 id="comments">{t("comments.title")}</h2>
        {comments.length === 0 ? <p className="empty-state">{t("comments.none")}</p> : null}
        {comments.map((comment) => (
          <div key={comment.id} className="comment">
            <p className="meta">
              <Avatar name={personName(comment.authorName)} size="sm" />
              {t("comments.by", { name: personName(comment.authorName), time: formatDateTime(comment.createdAt, locale) })}
            </p>
            <CommentText body={comment.body} names={mentionNames} />
          </div>
        ))}
        {/* A new key after each comment empties the field. */}
        <Form method="post" className="stack" id="comment" key={comments.length}>
          <input type="hidden" name="intent" value="comment" />
          <Field field={comment} label={t("comments.field")} hint={t("richtext.mention.hint")}>
            <MentionTextarea
              {...controlProps(comment, { hint: true })}
              source={{ kind: "reflection", team: team.slug, id: reflection.id }}
              rows={3}
              maxLength={4000}
            />
          </Field>
          <div className="actions">
            <SubmitButton>{t("comments.submit")}</SubmitButton>
          </div>
        </Form>
      </section>
    </article>
  );
}
