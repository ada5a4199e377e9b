import { z } from "zod";
import { choicesFor, notificationKinds, weekdays, type DeliveryChoice, type NotificationKind } from "./notification-kinds";

// The settings form: per kind one of its choices, and the digest's day.

const choice = (kind: NotificationKind) =>
  z.enum(choicesFor(kind) as [DeliveryChoice, ...DeliveryChoice[]], { error: "notifications.settings.error" });

export const notificationSettingsSchema = z.object({
  ...(Object.fromEntries(notificationKinds.map((kind) => [kind, choice(kind)])) as Record<NotificationKind, ReturnType<typeof choice>>),
  digestDay: z.coerce
    .number({ error: "notifications.settings.error" })
    .int()
    .refine((day) => (weekdays as readonly number[]).includes(day), "notifications.settings.error"),
});

export type NotificationSettingsInput = z.infer<typeof notificationSettingsSchema>;
