import type { SessionStatus } from "../../../db/schema";
import { formatTimeSpan } from "../../i18n/dates";
import { useLocale, useT } from "../i18n";

/** Where the methods library reads a method (or lists them all). */
export function methodPath(slug?: string): string {
  return slug ? `/methods/${slug}` : "/methods";
}

/** When a session is, or that its time is still being polled. */
export function SessionWhen({ startsAt, endsAt }: { startsAt: string | null; endsAt: string | null }) {
  const t = useT();
  const locale = useLocale();
  return <>{startsAt && endsAt ? formatTimeSpan(startsAt, endsAt, locale) : t("sessions.timeOpen")}</>;
}

export function SessionStatusBadge({ status }: { status: SessionStatus }) {
  const t = useT();
  return <span className={`badge badge-session-${status}`}>{t(`session.status.${status}`)}</span>;
}
