import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicUrl } from "~/domain/mail/email.server";
import { latestPublications } from "~/domain/publications/public.server";
import { translator } from "~/i18n/dictionaries.server";
import { publicationsAtom } from "~/ui/publications/feed.server";

// /publications/feed.xml — the Atom feed of published publications, for the funder's website.

export async function loader({ request }: LoaderFunctionArgs) {
  const xml = publicationsAtom(publicUrl(request), await latestPublications(), translator("nl"));
  return new Response(xml, {
    headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=300" },
  });
}
