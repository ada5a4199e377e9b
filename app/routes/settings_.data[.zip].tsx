import { createReadableStreamFromReadable, type LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/permissions.server";
import { clientAddressOf, recordExport } from "~/domain/audit/audit.server";
import { personalDataFileName, personalDataZip } from "~/domain/privacy/data-export.server";
import { todayInAmsterdam } from "~/i18n/dates";

// /settings/data.zip — everything the network holds about the signed-in person (anonymous: /login).
// The ZIP is streamed as it is made, so the first bytes leave before the last page is read.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  await recordExport({ actorId: user.id, what: "personal-data", address: clientAddressOf(context) });
  return new Response(createReadableStreamFromReadable(personalDataZip(user)), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${personalDataFileName(todayInAmsterdam())}"`,
      "Cache-Control": "no-store",
    },
  });
}
