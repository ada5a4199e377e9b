import type { Translate } from "../../i18n/i18n";
import type { NotificationKind } from "./notification-kinds";

// The one sentence that says what happened, for the list and for a mail's subject. It names who did it and the
// item's title, never any text of the item (and nothing at all of intervision notes).

export function notificationLine(
  t: Translate,
  n: { kind: NotificationKind; detail: string | null; actorName: string | null; title: string },
): string {
  const values = { actor: n.actorName || t("notificationLine.someone"), title: n.title };
  switch (n.kind) {
    case "session":
      return t(
        n.detail === "cancelled"
          ? "notificationLine.session.cancelled"
          : n.detail === "rescheduled"
            ? "notificationLine.session.rescheduled"
            : "notificationLine.session.confirmed",
        values,
      );
    case "shared":
      return t(n.detail === "network" ? "notificationLine.shared.network" : "notificationLine.shared.team", values);
    default:
      return t(`notificationLine.${n.kind}` as const, values);
  }
}
