import { formatMonth } from "~/i18n/dates";
import { useLocale, useT } from "./i18n";

export type MonthActivity = { month: string; reflections: number; sessions: number; lessons: number };

const kinds = ["reflections", "lessons", "sessions"] as const;
const BAR = 14;
const STEP = 20;
const HEIGHT = 80;
const LABEL = 14;
const MARGIN = 14; // room for the first and last month's label

/**
 * Activity per month as stacked bars, with the same figures as a table behind it: the chart is hidden from
 * screen readers, the table from the eye. `peak` is shared by all charts on a page so they compare.
 */
export function ActivityChart({ activity, peak, caption }: { activity: MonthActivity[]; peak: number; caption: string }) {
  const t = useT();
  const locale = useLocale();
  const scale = HEIGHT / Math.max(1, peak);
  return (
    <figure className="activity-chart">
      <svg viewBox={`${-MARGIN} 0 ${activity.length * STEP + 2 * MARGIN} ${HEIGHT + LABEL}`} aria-hidden="true" focusable="false">
        {activity.map((month, i) => {
          let top = HEIGHT;
          return (
            <g key={month.month}>
              {kinds.map((kind) => {
                const height = month[kind] * scale;
                top -= height;
                return height > 0 ? (
                  <rect key={kind} className={`chart-${kind}`} x={i * STEP + (STEP - BAR) / 2} y={top} width={BAR} height={height} />
                ) : null;
              })}
              {(activity.length - 1 - i) % 3 === 0 ? (
                <text x={i * STEP + STEP / 2} y={HEIGHT + LABEL - 2} textAnchor="middle" className="chart-label">
                  {formatMonth(month.month, locale, "short")}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption aria-hidden="true" className="chart-legend">
        {kinds.map((kind) => (
          <span key={kind}>
            <span className={`chart-key chart-${kind}`} /> {t(`programme.dashboard.${kind}`)}
          </span>
        ))}
      </figcaption>
      <table className="visually-hidden">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("programme.dashboard.month")}</th>
            {kinds.map((kind) => (
              <th scope="col" key={kind}>
                {t(`programme.dashboard.${kind}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {activity.map((month) => (
            <tr key={month.month}>
              <th scope="row">{formatMonth(month.month, locale)}</th>
              {kinds.map((kind) => (
                <td key={kind}>{month[kind]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
