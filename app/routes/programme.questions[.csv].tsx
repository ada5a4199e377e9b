import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/permissions.server";
import { clientAddressOf, recordExport } from "~/domain/audit/audit.server";
import { csvDownload } from "~/domain/programme/exports.server";
import { programmeQuestionsCsv } from "~/domain/questions/programme-questions.server";

// /programme/questions.csv — the funder's download (anyone else: 404; anonymous: /login).
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const csv = await programmeQuestionsCsv(user); // refuses anyone but the funder before anything is recorded
  await recordExport({ actorId: user.id, what: "questions.csv", address: clientAddressOf(context) });
  return csvDownload(csv, "leervragen");
}
