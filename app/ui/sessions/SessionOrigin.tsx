import { formatDate } from "../../i18n/dates";
import { useLocale, useT } from "../i18n";

type Origin = { methodName: { nl: string; en: string }; startsAt: string | null };

function useOriginWords() {
  const t = useT();
  const locale = useLocale();
  return (origin: Origin, keys: { dated: "intervision.origin" | "intervision.linked"; undated: "intervision.originUndated" | "intervision.linkedUndated" }) => {
    const method = origin.methodName[locale];
    return origin.startsAt
      ? t(keys.dated, { date: formatDate(origin.startsAt, locale), method })
      : t(keys.undated, { method });
  };
}

/** "Uit een intervisie van …": where a reflection or lesson came from, by method and date only. */
export function SessionOrigin({ origin }: { origin: Origin }) {
  const words = useOriginWords();
  return <span className="badge badge-session-origin">{words(origin, { dated: "intervision.origin", undated: "intervision.originUndated" })}</span>;
}

/**
 * On a new reflection or lesson written from a session: which session it will be linked to, carried as a
 * hidden field, and the reminder that nothing of the notes goes along.
 */
export function SessionLinkNotice({ session }: { session: Origin & { id: string } }) {
  const words = useOriginWords();
  return (
    <div className="card session-link">
      <input type="hidden" name="session" value={session.id} />
      <p>{words(session, { dated: "intervision.linked", undated: "intervision.linkedUndated" })}</p>
    </div>
  );
}
