import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/permissions.server";
import { csvDownload, milestonesCsv } from "~/domain/exports.server";

// /programme/export/milestones.csv — the funder's download (anyone else: 404; anonymous: /login).
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return csvDownload(await milestonesCsv(user), "mijlpalen");
}
