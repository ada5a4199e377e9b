import type { LoaderFunctionArgs } from "@remix-run/node";
import { getUser } from "~/auth/permissions.server";
import { publicUrl } from "~/domain/mail/email.server";
import { publicEventCalendar } from "~/domain/events/registrations/visitor-registration.server";

// /events/:slug.ics — the event as a calendar file, for whoever may see its page.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const calendar = await publicEventCalendar(user, params.slug, publicUrl(request));
  return new Response(calendar, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${params.slug}.ics"`,
      "Cache-Control": "private, no-store",
    },
  });
}
