import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/permissions.server";
import { clientAddressOf } from "~/domain/audit/audit.server";
import { notificationSettingsSchema } from "~/domain/notifications/notification-forms";
import { notificationKinds } from "~/domain/notifications/notification-kinds";
import { notificationSettings, saveNotificationSettings } from "~/domain/notifications/preferences.server";
import { setFlash } from "~/ui/flash.server";
import { NotificationSettingsForm } from "~/ui/notifications/NotificationSettingsForm";

export const meta: MetaFunction = () => [{ title: "Meldingen instellen · Leernetwerk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({ settings: await notificationSettings(user) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = parseWithZod(await request.formData(), { schema: notificationSettingsSchema });
  if (submission.status !== "success") return json({ result: submission.reply() }, { status: 400 });
  const { digestDay, ...deliveries } = submission.value;
  await saveNotificationSettings(user, { deliveries, digestDay }, clientAddressOf(context));
  return redirect("/settings/notifications", { headers: { "Set-Cookie": await setFlash("notifications.settings.saved") } });
}

export default function NotificationSettingsPage() {
  const { settings } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  return <NotificationSettingsForm kinds={notificationKinds} settings={settings} lastResult={reply?.result} />;
}
