import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { registrationsPage, sendRegistrationsMessage } from "./teams.$team.events.$id.registrations";

// /programme/events/:id/registrations — the same page as a coalition's, for a programme-wide event (the funder organises it).
export { default, meta } from "./teams.$team.events.$id.registrations";

export function loader({ request, params }: LoaderFunctionArgs) {
  return registrationsPage(request, null, params.id);
}

export function action({ request, params }: ActionFunctionArgs) {
  return sendRegistrationsMessage(request, null, params.id);
}
