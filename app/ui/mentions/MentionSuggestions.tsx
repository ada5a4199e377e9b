import { useEffect, useState, type MouseEvent } from "react";
import { suggestionsUrl, type MentionedPerson, type MentionSource } from "../../richtext/mentions";
import { useT } from "../i18n";

// The people suggested after "@", for the comment field and the rich-text editor alike: asked of the server
// (/api/mentions), which lists only people who can read the item with the visibility chosen on the form.

/** The visibility chosen on the form around `element`, if it has that choice (a comment has not). */
export function chosenVisibility(element: Element | null): string | null {
  const form = element?.closest("form");
  const value = form ? new FormData(form).get("visibility") : null;
  return typeof value === "string" && value !== "" ? value : null;
}

/** The people for `query` (null: no "@" being typed), fetched a moment after typing pauses. */
export function useMentionSuggestions(source: MentionSource, query: string | null, visibility: () => string | null) {
  const [people, setPeople] = useState<MentionedPerson[] | null>(null);
  useEffect(() => {
    if (query === null) {
      setPeople(null);
      return;
    }
    const abort = new AbortController();
    const timer = setTimeout(() => {
      fetch(suggestionsUrl(source, query, visibility()), { signal: abort.signal, headers: { Accept: "application/json" } })
        .then((response) => (response.ok ? (response.json() as Promise<{ people: MentionedPerson[] }>) : { people: [] }))
        .then((data) => setPeople(data.people))
        .catch(() => {
          if (!abort.signal.aborted) setPeople([]);
        });
    }, 120);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [query, source.kind, source.team, source.id]);
  return people;
}

/** Keeps the focus (and a phone's keyboard) in the text while a suggestion is tapped. */
export function keepFocus(event: MouseEvent) {
  event.preventDefault();
}

/** Says how many people were found, for screen readers; and, on screen too, when nobody was. */
export function MentionStatus({ people }: { people: MentionedPerson[] | null }) {
  const t = useT();
  return (
    <p role="status" className={people?.length === 0 ? "mention-none" : "visually-hidden"}>
      {people === null ? "" : people.length === 0 ? t("richtext.mention.none") : t("richtext.mention.found", { count: people.length })}
    </p>
  );
}
