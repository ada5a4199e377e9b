import { formatDay } from "../../i18n/dates";
import { useLocale, useT } from "../i18n";

/** "Oogstmomenten gepland: …" — a question's planned harvest dates, or nothing when none are planned. */
export function HarvestDates({ days }: { days: string[] }) {
  const t = useT();
  const locale = useLocale();
  if (days.length === 0) return null;
  return (
    <span>
      {t("questions.harvestDates")}{" "}
      {days.map((day, i) => (
        <span key={day}>
          {i ? ", " : ""}
          <time dateTime={day}>{formatDay(day, locale)}</time>
        </span>
      ))}
    </span>
  );
}
