import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicUrl } from "~/domain/mail/email.server";
import { calendarFeed } from "~/domain/sessions/calendar/calendar-feed.server";

// /calendar/:token.ics — a person's calendar feed. Calendar apps fetch it without a login: the secret
// token is the key, and making a new one in /settings stops the old address at once.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const calendar = await calendarFeed(params.token, publicUrl(request));
  return new Response(calendar, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Cache-Control": "private, no-store",
      "X-Robots-Tag": "noindex",
    },
  });
}
