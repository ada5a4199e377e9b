import { Feed } from "feed";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import type { latestPublications } from "../../domain/publications/public.server";
import type { Translate } from "../../i18n/i18n";
import { PublicationText } from "./PublicationText";

/**
 * The Atom feed of published publications for the funder's website, written by the `feed` library (escaping
 * and the Atom elements are its job). Each entry's content is the page's text: the body and approved quotes.
 */
export function publicationsAtom(origin: string, publications: Awaited<ReturnType<typeof latestPublications>>, t: Translate): string {
  const self = `${origin}/publications/feed.xml`;
  const feed = new Feed({
    id: self,
    title: t("publication.feed.title"),
    description: t("publication.feed.description"),
    link: origin,
    language: "nl",
    updated: publications[0]?.updatedAt ?? new Date(0),
    feedLinks: { atom: self },
    generator: false,
    copyright: t("publication.feed.copyright"),
  });
  for (const publication of publications) {
    const link = `${origin}/publications/${publication.slug}`;
    const text = renderToStaticMarkup(
      createElement(PublicationText, {
        body: publication.body,
        quotes: publication.quotes,
        quotesHeading: t("publication.quotes.heading"),
        anonymous: t("publication.quote.anonymous"),
      }),
    );
    feed.addItem({
      id: link,
      link,
      title: publication.title,
      description: publication.summary || undefined,
      content: text,
      date: publication.updatedAt,
      published: publication.publishedAt,
    });
  }
  return feed.atom1();
}
