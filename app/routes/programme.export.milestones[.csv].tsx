import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/permissions.server";
import { clientAddressOf, recordExport } from "~/domain/audit/audit.server";
import { csvDownload, milestonesCsv } from "~/domain/programme/exports.server";

// /programme/export/milestones.csv — the funder's download (anyone else: 404; anonymous: /login).
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const csv = await milestonesCsv(user); // refuses anyone but the funder before anything is recorded
  await recordExport({ actorId: user.id, what: "milestones.csv", address: clientAddressOf(context) });
  return csvDownload(csv, "mijlpalen");
}
