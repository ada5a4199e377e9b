import { RichText } from "../../richtext/RichText";
import type { RichTextState } from "../../richtext/schema";

export type ShownQuote = { id: string; text: string; coalitionName: string | null };

/**
 * A publication's body and, after it, its approved quotes as ordered blocks. The quotes live in their own rows,
 * not in the body: the body never holds a coalition's words, so a quote that is not (or no longer) approved
 * cannot reach a reader through it. Labels come as props, so that the feed can render this without a page.
 */
export function PublicationText({
  body,
  quotes,
  quotesHeading,
  anonymous,
}: {
  body: RichTextState;
  quotes: ShownQuote[];
  quotesHeading: string;
  /** How a coalition that chose not to be named is credited. */
  anonymous: string;
}) {
  return (
    <>
      <RichText state={body} />
      {quotes.length > 0 ? (
        <section className="publication-quotes" aria-label={quotesHeading}>
          <h2>{quotesHeading}</h2>
          {quotes.map((quote) => (
            <figure key={quote.id} className="publication-quote">
              <blockquote>
                <p>{quote.text}</p>
              </blockquote>
              <figcaption>— {quote.coalitionName ?? anonymous}</figcaption>
            </figure>
          ))}
        </section>
      ) : null}
    </>
  );
}
