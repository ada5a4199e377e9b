import { Form, Link } from "@remix-run/react";
import { formatDateTime } from "~/i18n/dates";
import { SubmitButton } from "~/ui/Button";
import { useLocale, useT } from "~/ui/i18n";

export type NotificationItem = { id: string; line: string; path: string; createdAt: Date; read: boolean };

/** The person's notifications, newest first: each links to its item and can be marked read (forms, no script needed). */
export function NotificationList({ notifications }: { notifications: NotificationItem[] }) {
  const t = useT();
  const locale = useLocale();
  const unread = notifications.some((n) => !n.read);
  return (
    <section className="page">
      <h1>{t("notifications.title")}</h1>
      <p className="lead">{t("notifications.intro")}</p>
      <div className="actions">
        {unread ? (
          <Form method="post">
            <input type="hidden" name="intent" value="read-all" />
            <SubmitButton variant="secondary">{t("notifications.markAllRead")}</SubmitButton>
          </Form>
        ) : null}
        <Link to="/settings/notifications">{t("notifications.settingsLink")}</Link>
      </div>
      {notifications.length === 0 ? <p>{t("notifications.none")}</p> : null}
      <ul className="plain-list notification-list">
        {notifications.map((n) => (
          <li key={n.id} className={n.read ? "log-item notification" : "log-item notification notification-unread"}>
            <p className="notification-line">
              {n.read ? null : <span className="badge badge-new">{t("notifications.unread")}</span>} <Link to={n.path}>{n.line}</Link>
            </p>
            <p className="meta">
              <time dateTime={n.createdAt.toISOString()}>{formatDateTime(n.createdAt, locale)}</time>
            </p>
            {n.read ? null : (
              <Form method="post">
                <input type="hidden" name="id" value={n.id} />
                <SubmitButton variant="secondary">
                  {t("notifications.markRead")}
                  <span className="visually-hidden">: {n.line}</span>
                </SubmitButton>
              </Form>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
