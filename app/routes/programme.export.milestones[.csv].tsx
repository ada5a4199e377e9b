import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/permissions.server";
import { milestonesCsv } from "~/domain/exports.server";
import { todayInAmsterdam } from "~/i18n/dates";

// /programme/export/milestones.csv — the funder's download (anyone else: 404; anonymous: /login).
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const csv = await milestonesCsv(user);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="leernetwerk-mijlpalen-${todayInAmsterdam()}.csv"`,
      "Cache-Control": "private, no-store",
      "X-Robots-Tag": "noindex",
    },
  });
}
