import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireTeamReader, requireUser } from "~/auth/permissions.server";
import { publicUrl } from "~/domain/mail/email.server";
import { sessionCalendarForReader } from "~/domain/sessions/calendar/calendar-feed.server";

// /teams/:team/sessions/:id.ics — one confirmed session as a calendar file, for those invited to it.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const team = await requireTeamReader(user, params.team);
  const calendar = await sessionCalendarForReader(user, team, params.id, publicUrl(request));
  return new Response(calendar, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'attachment; filename="intervisie.ics"',
      "Cache-Control": "private, no-store",
    },
  });
}
