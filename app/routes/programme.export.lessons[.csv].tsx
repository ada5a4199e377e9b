import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/permissions.server";
import { clientAddressOf, recordExport } from "~/domain/audit/audit.server";
import { csvDownload, lessonsCsv } from "~/domain/programme/exports.server";

// /programme/export/lessons.csv — the funder's download (anyone else: 404; anonymous: /login).
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const csv = await lessonsCsv(user); // refuses anyone but the funder before anything is recorded
  await recordExport({ actorId: user.id, what: "lessons.csv", address: clientAddressOf(context) });
  return csvDownload(csv, "lessen");
}
