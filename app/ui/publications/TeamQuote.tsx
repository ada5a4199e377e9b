import { Form } from "@remix-run/react";
import type { SubmissionResult } from "@conform-to/react";
import { quoteAttributions } from "../../domain/publications/publication-form";
import { formatDate } from "../../i18n/dates";
import { SubmitButton } from "../Button";
import { FieldErrors, FormErrors, useMessage } from "../Field";
import { useLocale, useT } from "../i18n";

export type TeamQuoteRow = {
  id: string;
  status: "pending" | "approved" | "declined" | "withdrawn";
  attribution: "name" | "anonymous" | null;
  quotedText: string;
  title: string;
  summary: string;
  kind: "newsletter" | "article";
  slug: string;
  publishedAt: string | null;
  decidedAt: string | null;
};

/** One quote of the coalition, in its publication, with what the facilitator can still decide about it. */
export function TeamQuote({ quote, teamName, result }: { quote: TeamQuoteRow; teamName: string; result?: SubmissionResult<string[]> }) {
  const t = useT();
  const locale = useLocale();
  const message = useMessage();
  const attributionErrors = result?.error?.attribution ?? undefined;
  const errorId = `attribution-error-${quote.id}`;
  return (
    <article className="card stack quote-card" aria-labelledby={`quote-${quote.id}`}>
      <h2 id={`quote-${quote.id}`}>{quote.title}</h2>
      <p className="meta">
        <span className={`badge quote-${quote.status}`}>{t(`publication.quote.status.${quote.status}`)}</span>
        <span>{t(`publication.kind.${quote.kind}`)}</span>
        {quote.publishedAt ? (
          <span>
            {t("quotes.publishedOn", { date: formatDate(quote.publishedAt, locale) })}{" "}
            <a href={`/publications/${quote.slug}`}>{t("publication.publish.view")}</a>
          </span>
        ) : null}
      </p>
      {quote.summary ? <p>{quote.summary}</p> : null}
      <p>{t("quotes.words")}</p>
      <blockquote>
        <p>{quote.quotedText}</p>
      </blockquote>
      {quote.status === "approved" && quote.attribution ? (
        <p>{t("quotes.shownAs", { as: quote.attribution === "name" ? teamName : t("publication.quote.anonymous") })}</p>
      ) : null}
      <FormErrors errors={result?.error?.[""] ?? undefined} />
      {quote.status === "approved" ? (
        <Form method="post">
          <input type="hidden" name="quote" value={quote.id} />
          <p>{t("quotes.withdrawHint")}</p>
          <SubmitButton name="decision" value="withdraw" variant="danger">
            {t("quotes.withdraw")}
          </SubmitButton>
        </Form>
      ) : (
        <Form method="post" className="stack">
          <input type="hidden" name="quote" value={quote.id} />
          <fieldset aria-describedby={attributionErrors ? errorId : undefined}>
            <legend>{t("quotes.attribution")}</legend>
            {quoteAttributions.map((attribution) => (
              <label key={attribution} className="choice">
                <input type="radio" name="attribution" value={attribution} defaultChecked={quote.attribution === attribution} />
                <span>{attribution === "name" ? t("quotes.attribution.name", { name: teamName }) : t("quotes.attribution.anonymous")}</span>
              </label>
            ))}
            <FieldErrors id={errorId} errors={attributionErrors?.map(message)} />
          </fieldset>
          <div className="actions">
            <SubmitButton name="decision" value="approve">
              {t("quotes.approve")}
            </SubmitButton>
            {quote.status === "pending" ? (
              <SubmitButton name="decision" value="decline" variant="secondary">
                {t("quotes.decline")}
              </SubmitButton>
            ) : null}
          </div>
        </Form>
      )}
    </article>
  );
}
