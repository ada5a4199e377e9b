import { formatMonth, formatMonthName } from "~/i18n/dates";
import { useLocale, useT } from "./i18n";

export type MonthActivity = { month: string; reflections: number; sessions: number; lessons: number };

const kinds = ["reflections", "lessons", "sessions"] as const;

// The drawing's own units; the chart is drawn about as wide as it is shown (a card of 18 to 22rem), so that
// a unit is close to a pixel and the 13-unit labels read as 13-pixel text on a phone and on a laptop.
const WIDTH = 300;
const AXIS = 28; // room for the figures on the left
const RIGHT = 16; // room for the last month's label
const TOP = 8;
const PLOT = 120; // height of the bars' area
const BOTTOM = 36; // room for the months and their years below

/** A step of 1, 2 or 5 times a power of ten that divides the axis into at most four parts. */
function tickStep(peak: number): number {
  for (let power = 1; ; power *= 10) {
    for (const step of [1, 2, 5]) if (peak / (step * power) <= 4) return step * power;
  }
}

/**
 * Activity per month as stacked bars, with the same figures as a table behind it: the drawing is hidden from
 * screen readers, the table from the eye; the legend, with the totals, serves both. `peak` is shared by all
 * charts on a page so that they compare.
 */
export function ActivityChart({ activity, peak, caption }: { activity: MonthActivity[]; peak: number; caption: string }) {
  const t = useT();
  const locale = useLocale();
  const step = tickStep(Math.max(1, peak));
  const top = Math.ceil(Math.max(1, peak) / step) * step;
  const ticks = Array.from({ length: top / step + 1 }, (_, i) => i * step);
  const y = (value: number) => TOP + PLOT - (value / top) * PLOT;
  const slot = (WIDTH - AXIS - RIGHT) / Math.max(1, activity.length);
  const totals = Object.fromEntries(kinds.map((kind) => [kind, activity.reduce((sum, month) => sum + month[kind], 0)]));
  return (
    <figure className="activity-chart">
      <svg viewBox={`0 0 ${WIDTH} ${TOP + PLOT + BOTTOM}`} aria-hidden="true" focusable="false">
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={AXIS} x2={WIDTH - RIGHT} y1={y(tick)} y2={y(tick)} className={tick === 0 ? "chart-axis" : "chart-grid"} />
            <text x={AXIS - 6} y={y(tick) + 4} textAnchor="end" className="chart-label">
              {tick}
            </text>
          </g>
        ))}
        {activity.map((month, i) => {
          const bar = slot * 0.62;
          const x = AXIS + i * slot + (slot - bar) / 2;
          let stacked = 0;
          return (
            <g key={month.month}>
              {kinds.map((kind) => {
                if (month[kind] === 0) return null;
                stacked += month[kind];
                return <rect key={kind} className={`chart-${kind}`} x={x} y={y(stacked)} width={bar} height={(month[kind] / top) * PLOT} />;
              })}
              {(activity.length - 1 - i) % 3 === 0 ? (
                <text x={AXIS + i * slot + slot / 2} y={TOP + PLOT + 16} textAnchor="middle" className="chart-label">
                  {formatMonthName(month.month, locale)}
                  <tspan x={AXIS + i * slot + slot / 2} dy={14}>
                    {month.month.slice(0, 4)}
                  </tspan>
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="chart-legend">
          {kinds.map((kind) => (
            <li key={kind}>
              <span className={`chart-key chart-${kind}`} aria-hidden="true" />{" "}
              {t("programme.dashboard.legendFigure", { kind: t(`programme.dashboard.${kind}`), count: totals[kind] })}
            </li>
          ))}
        </ul>
      </figcaption>
      {/* A table ignores the width that hides it; the box around it does not. */}
      <div className="visually-hidden">
        <table>
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
      </div>
    </figure>
  );
}
