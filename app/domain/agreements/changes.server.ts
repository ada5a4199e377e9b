import { diffWords } from "diff";
import type { ArticleView, VersionView } from "./agreements.server";

// What changed from one version to the next, article by article (an article keeps its key across versions):
// added, removed, changed (its words marked on both sides) or unchanged. The words are compared by the `diff`
// package on the plain text, so that formatting alone is no change.

/** A run of words: on the "before" side `removed` marks what went, on the "after" side `added` what came. */
export type WordRun = { text: string; marked: boolean };
export type SideBySide = { before: WordRun[]; after: WordRun[] };

export type ArticleChange =
  | { kind: "added"; key: string; after: { number: number; title: string; text: string } }
  | { kind: "removed"; key: string; before: { number: number; title: string; text: string } }
  | { kind: "changed" | "unchanged"; key: string; before: { number: number }; after: { number: number }; title: SideBySide; text: SideBySide };

export type VersionChanges = { vision: SideBySide | null; articles: ArticleChange[] };

function sideBySide(before: string, after: string): SideBySide {
  const parts = diffWords(before, after);
  return {
    before: parts.filter((part) => !part.added).map((part) => ({ text: part.value, marked: Boolean(part.removed) })),
    after: parts.filter((part) => !part.removed).map((part) => ({ text: part.value, marked: Boolean(part.added) })),
  };
}

const summary = (article: ArticleView) => ({ number: article.number, title: article.title, text: article.bodyText });

export function versionChanges(previous: VersionView, current: VersionView): VersionChanges {
  const before = new Map(previous.articles.map((article) => [article.key, article]));
  const seen = new Set<string>();
  const articles: ArticleChange[] = current.articles.map((article) => {
    const old = before.get(article.key);
    if (!old) return { kind: "added", key: article.key, after: summary(article) };
    seen.add(article.key);
    const same = old.title === article.title && old.bodyText === article.bodyText;
    return {
      kind: same ? "unchanged" : "changed",
      key: article.key,
      before: { number: old.number },
      after: { number: article.number },
      title: sideBySide(old.title, article.title),
      text: sideBySide(old.bodyText, article.bodyText),
    };
  });
  for (const old of previous.articles) {
    if (!seen.has(old.key)) articles.push({ kind: "removed", key: old.key, before: summary(old) });
  }
  return {
    vision: previous.visionText === current.visionText ? null : sideBySide(previous.visionText, current.visionText),
    articles,
  };
}
