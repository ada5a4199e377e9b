import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/permissions.server";
import { csvDownload, activityCsv } from "~/domain/exports.server";

// /programme/export/activity.csv — the funder's download (anyone else: 404; anonymous: /login).
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return csvDownload(await activityCsv(user), "activiteit");
}
