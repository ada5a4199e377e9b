import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/permissions.server";
import { clientAddressOf, recordExport } from "~/domain/audit/audit.server";
import { registrationsCsv } from "~/domain/events/registrations/organiser-registrations.server";
import { csvDownload } from "~/domain/programme/exports.server";

// /teams/:team/events/:id/registrations.csv — the organisers' download (anyone else, or after the
// retention clean-up: 404; anonymous: /login).
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { csv, name } = await registrationsCsv(user, params.team ?? "", params.id);
  await recordExport({ actorId: user.id, what: "registrations.csv", eventId: params.id, address: clientAddressOf(context) });
  return csvDownload(csv, name);
}
