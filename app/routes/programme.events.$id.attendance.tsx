import type { LoaderFunctionArgs } from "@remix-run/node";
import { attendancePage } from "./teams.$team.events.$id.attendance";

// /programme/events/:id/attendance — the same printable list as a coalition's, for a programme-wide event.
export { default, meta } from "./teams.$team.events.$id.attendance";

export function loader({ request, params, context }: LoaderFunctionArgs) {
  return attendancePage(request, null, params.id, context);
}
