import { getFormProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { QuoteOfPublication } from "../../domain/publications/publications.server";
import { QUOTE_MAX } from "../../domain/publications/publication-form";
import { SubmitButton } from "../Button";
import { Field, FormErrors } from "../Field";
import { useT } from "../i18n";

/** The quotes of a publication as its officer sees them: the words, whose, and where the consent stands. */
export function OfficerQuoteList({ quotes }: { quotes: QuoteOfPublication[] }) {
  const t = useT();
  if (quotes.length === 0) return <p>{t("publication.quotes.none")}</p>;
  return (
    <ol className="stack publication-quote-list">
      {quotes.map((quote) => (
        <li key={quote.id} className="card">
          <blockquote>
            <p>{quote.quotedText}</p>
          </blockquote>
          <p className="meta">
            <span className={`badge quote-${quote.status}`}>{t(`publication.quote.status.${quote.status}`)}</span>{" "}
            <span>{quote.coalitionName}</span>
            {quote.status === "approved" && quote.attribution ? (
              <span>{" · "}{t(`publication.quote.shownAs.${quote.attribution}`)}</span>
            ) : null}
          </p>
          <Form method="post">
            <input type="hidden" name="intent" value="removeQuote" />
            <input type="hidden" name="quote" value={quote.id} />
            <SubmitButton variant="secondary">{t("publication.quote.remove")}</SubmitButton>
          </Form>
        </li>
      ))}
    </ol>
  );
}

export type QuotableLesson = { id: string; statement: string; explanation: string; coalitionName: string };

/**
 * Finding a shared lesson and choosing its words: a search (GET, works without JavaScript), then per lesson a
 * form with the words to quote, the lesson's statement to start from.
 */
export function QuotePicker({
  lessons,
  search,
  reply,
}: {
  lessons: QuotableLesson[];
  search: string;
  reply: { lesson: string; result: SubmissionResult<string[]> } | null;
}) {
  const t = useT();
  // A refused lesson that is not in the list (one the officer cannot read) still gets its message.
  const unlisted = reply && !lessons.some((lesson) => lesson.id === reply.lesson) ? Object.values(reply.result.error ?? {}).flat() : [];
  return (
    <>
      <FormErrors errors={unlisted.filter((e): e is string => typeof e === "string")} />
      <Form method="get" className="inline-form" role="search">
        <label htmlFor="quote-search">{t("publication.quote.search")}</label>
        <input id="quote-search" type="search" name="q" defaultValue={search} maxLength={100} />
        <button type="submit" className="button button-secondary">
          {t("publication.quote.searchSubmit")}
        </button>
      </Form>
      {lessons.length === 0 ? (
        <p>{search ? t("publication.quote.noneFound") : t("publication.quote.noneShared")}</p>
      ) : (
        <ul className="stack">
          {lessons.map((lesson) => (
            <li key={lesson.id} className="card">
              <QuoteForm lesson={lesson} lastResult={reply?.lesson === lesson.id ? reply.result : undefined} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function QuoteForm({ lesson, lastResult }: { lesson: QuotableLesson; lastResult?: SubmissionResult<string[]> }) {
  const t = useT();
  const [form, fields] = useForm({
    id: `quote-${lesson.id}`,
    lastResult,
    defaultValue: { lesson: lesson.id, words: lesson.statement },
  });
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <p>
        <strong>{lesson.statement}</strong>
      </p>
      {lesson.explanation ? <p className="muted">{lesson.explanation.slice(0, 400)}</p> : null}
      <p className="meta">{lesson.coalitionName}</p>
      <FormErrors errors={form.errors} />
      <FormErrors errors={fields.lesson.errors} />
      <input type="hidden" name="intent" value="quote" />
      <input type="hidden" name="lesson" value={lesson.id} />
      <Field field={fields.words} label={t("publication.quote.words")} hint={t("publication.quote.wordsHint")}>
        <textarea {...getTextareaProps(fields.words, { ariaDescribedBy: fields.words.descriptionId })} rows={3} maxLength={QUOTE_MAX} />
      </Field>
      <div className="actions">
        <SubmitButton variant="secondary">{t("publication.quote.submit")}</SubmitButton>
      </div>
    </Form>
  );
}
