import { Link } from "@remix-run/react";
import type { WaitingItem } from "../../domain/coalitions/team-home.server";
import { formatDateTime, formatDay } from "../../i18n/dates";
import { useLocale, useT } from "../i18n";

/** "Voor u klaar" on a coalition's overview: each thing waiting for the person, as a link to where it is done. */
export function Waiting({ teamSlug, items }: { teamSlug: string; items: WaitingItem[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section className="card waiting" aria-labelledby="waiting">
      <h2 id="waiting">{t("team.waiting.title")}</h2>
      {items.length === 0 ? (
        <p className="empty-state">{t("team.waiting.none")}</p>
      ) : (
        <ul className="waiting-list">
          {items.map((item) =>
            item.kind === "overdue" ? (
              <li key={`action-${item.id}`} className="waiting-item waiting-overdue">
                <span className="waiting-kind">{t("team.waiting.overdue")}</span>
                <Link to={`${item.notesPath}#actions`}>{item.what}</Link>
                <span className="muted">{t("intervision.actions.due", { date: formatDay(item.dueOn, locale) })}</span>
              </li>
            ) : (
              <li key={`session-${item.sessionId}`} className={`waiting-item waiting-${item.kind}`}>
                <span className="waiting-kind">
                  {item.kind === "poll"
                    ? t("team.waiting.poll")
                    : item.answerFirst
                    ? t("team.waiting.answerFirst")
                    : item.caseBringer
                    ? t("team.waiting.caseBringer")
                    : t("team.waiting.prepare")}
                </span>
                <Link to={`/teams/${teamSlug}/sessions/${item.sessionId}`}>{item.title}</Link>
                {item.kind === "prepare" ? (
                  <span className="muted">
                    <time dateTime={item.startsAt}>{formatDateTime(item.startsAt, locale)}</time>
                  </span>
                ) : null}
              </li>
            )
          )}
        </ul>
      )}
    </section>
  );
}
