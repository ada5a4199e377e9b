import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/permissions.server";
import { listNotifications, markAllRead, markRead } from "~/domain/notifications/notifications.server";
import { setFlash } from "~/ui/flash.server";
import { NotificationList } from "~/ui/notifications/NotificationList";

export const meta: MetaFunction = () => [{ title: "Meldingen · Leernetwerk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({ notifications: await listNotifications(user) });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await request.formData();
  if (form.get("intent") === "read-all") {
    await markAllRead(user);
    return redirect("/notifications", { headers: { "Set-Cookie": await setFlash("notifications.allMarked") } });
  }
  await markRead(user, String(form.get("id") ?? ""));
  return redirect("/notifications", { headers: { "Set-Cookie": await setFlash("notifications.marked") } });
}

export default function Notifications() {
  const { notifications } = useLoaderData<typeof loader>();
  return <NotificationList notifications={notifications.map((n) => ({ ...n, createdAt: new Date(n.createdAt) }))} />;
}
