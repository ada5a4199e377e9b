import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/permissions.server";
import { returnToCoalition } from "~/domain/privacy/departures.server";
import { setFlash } from "~/ui/flash.server";

// Coming back to a coalition one left less than 30 days ago (the button on /settings/data).
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  await returnToCoalition(user, params.id);
  return redirect("/settings/data", { headers: { "Set-Cookie": await setFlash("departures.returned") } });
}

export async function loader() {
  return redirect("/settings/data");
}
