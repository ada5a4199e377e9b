import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/permissions.server";
import { clientAddressOf, recordExport } from "~/domain/audit/audit.server";
import { csvDownload, activityCsv } from "~/domain/programme/exports.server";

// /programme/export/activity.csv — the funder's download (anyone else: 404; anonymous: /login).
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const csv = await activityCsv(user); // refuses anyone but the funder before anything is recorded
  await recordExport({ actorId: user.id, what: "activity.csv", address: clientAddressOf(context) });
  return csvDownload(csv, "activiteit");
}
