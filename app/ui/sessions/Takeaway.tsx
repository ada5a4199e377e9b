import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { RichText } from "../../richtext/RichText";
import { RichTextField } from "../../richtext/RichTextField";
import type { RichTextState } from "../../richtext/schema";
import { SubmitButton } from "../Button";
import { ConflictView } from "../ConflictView";
import { FormErrors } from "../Field";
import { useT } from "../i18n";
import type { NotesPage } from "./types";

export type TakeawayReply = {
  result: SubmissionResult<string[]>;
  takeaway: RichTextState | null;
  conflict: { current: { takeaway: RichTextState | null; version: number } } | null;
};

/** What the case bringer takes away: written by them, read by all participants, shared only by choice. */
export function Takeaway({
  page,
  teamSlug,
  reply,
  learningQuestion,
}: {
  page: NotesPage;
  teamSlug: string;
  reply?: TakeawayReply;
  /** The "Leervraag" choice (app/ui/questions/QuestionChoice). */
  learningQuestion?: ReactNode;
}) {
  const t = useT();
  const { session } = page;
  const version = reply?.conflict ? reply.conflict.current.version : session.version;
  return (
    <section id="takeaway" aria-labelledby="takeaway-heading">
      <h2 id="takeaway-heading">{t("notes.takeaway.title")}</h2>
      <p className="field-hint">{t(session.caseBringerName ? "notes.takeaway.intro" : "notes.takeaway.introOpen")}</p>
      {page.canWriteTakeaway ? (
        <TakeawayForm key={version} sessionId={session.id} version={version} stored={session.takeaway} reply={reply} learningQuestion={learningQuestion} />
      ) : session.hasTakeaway && session.takeaway ? (
        <RichText state={session.takeaway} />
      ) : (
        <p className="muted">{t("notes.takeaway.none")}</p>
      )}
      {session.hasTakeaway ? (
        <div className="card share-takeaway">
          <h3>{t("notes.takeaway.share")}</h3>
          <p>{t("notes.takeaway.shareIntro")}</p>
          <p className="actions">
            <Link className="button button-secondary" to={`/teams/${teamSlug}/reflections/new?session=${session.id}`}>
              {t("notes.takeaway.toReflection")}
            </Link>
            <Link className="button button-secondary" to={`/teams/${teamSlug}/lessons/new?session=${session.id}`}>
              {t("notes.takeaway.toLesson")}
            </Link>
          </p>
        </div>
      ) : null}
    </section>
  );
}

function TakeawayForm({
  sessionId,
  version,
  stored,
  reply,
  learningQuestion,
}: {
  sessionId: string;
  version: number;
  stored: RichTextState | null;
  reply?: TakeawayReply;
  learningQuestion?: ReactNode;
}) {
  const t = useT();
  const [form, fields] = useForm({ id: `takeaway-${version}`, lastResult: reply?.result });
  const takeawayForm = (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="takeaway" />
      <input type="hidden" name="version" value={version} />
      <FormErrors errors={form.errors} />
      <RichTextField
        name="takeaway"
        id={fields.takeaway.id}
        label={t("notes.takeaway.field")}
        initialState={reply ? reply.takeaway : stored}
        draftKey={`session:${sessionId}:takeaway`}
        errors={fields.takeaway.errors}
      />
      {learningQuestion}
      <div className="actions">
        <SubmitButton variant="secondary">{t("notes.takeaway.save")}</SubmitButton>
      </div>
    </Form>
  );
  if (!reply?.conflict) return takeawayForm;
  const current = reply.conflict.current.takeaway;
  return (
    <ConflictView
      title={t("notes.conflict.title")}
      body={t("notes.conflict.body")}
      mine={takeawayForm}
      theirs={current ? <RichText state={current} /> : <p className="muted">{t("notes.conflict.empty")}</p>}
    />
  );
}
