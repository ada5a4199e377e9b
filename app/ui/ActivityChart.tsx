import { formatMonth, formatMonthName } from "~/i18n/dates";
import type { Locale } from "~/i18n/i18n";
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

// A month's labels are the same on every chart and every request: formatted once per language.
const labels = new Map<string, { name: string; full: string }>();
function monthLabels(month: string, locale: Locale) {
  const key = `${locale} ${month}`;
  let label = labels.get(key);
  if (!label) {
    if (labels.size > 200) labels.clear();
    label = { name: formatMonthName(month, locale), full: formatMonth(month, locale) };
    labels.set(key, label);
  }
  return label;
}

/** Coordinates to a tenth of a unit: finer than a pixel, and a shorter page than seventeen digits. */
const round = (value: number) => Math.round(value * 10) / 10;

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
  const y = (value: number) => round(TOP + PLOT - (value / top) * PLOT);
  const slot = (WIDTH - AXIS - RIGHT) / Math.max(1, activity.length);
  // Each kind's bars are one path (reflections at the bottom, then lessons, then sessions): a handful of
  // elements per chart instead of one per bar, which is most of what the dashboard's page weighs.
  const bar = round(slot * 0.62);
  const bars: Record<(typeof kinds)[number], string> = { reflections: "", lessons: "", sessions: "" };
  activity.forEach((month, i) => {
    const x = round(AXIS + i * slot + (slot - slot * 0.62) / 2);
    let stacked = 0;
    for (const kind of kinds) {
      if (month[kind] === 0) continue;
      const bottom = y(stacked);
      stacked += month[kind];
      bars[kind] += `M${x} ${y(stacked)}h${bar}V${bottom}h-${bar}z`;
    }
  });
  const totals = Object.fromEntries(kinds.map((kind) => [kind, activity.reduce((sum, month) => sum + month[kind], 0)]));
  return (
    <figure className="activity-chart">
      <svg viewBox={`0 0 ${WIDTH} ${TOP + PLOT + BOTTOM}`} aria-hidden="true" focusable="false">
        <path className="chart-grid" d={ticks.slice(1).map((tick) => `M${AXIS} ${y(tick)}H${WIDTH - RIGHT}`).join("")} />
        <line x1={AXIS} x2={WIDTH - RIGHT} y1={y(0)} y2={y(0)} className="chart-axis" />
        {ticks.map((tick) => (
          <text key={tick} x={AXIS - 6} y={y(tick) + 4} textAnchor="end" className="chart-label">
            {tick}
          </text>
        ))}
        {kinds.map((kind) => (
          <path key={kind} className={`chart-${kind}`} d={bars[kind]} />
        ))}
        {activity.map((month, i) =>
          (activity.length - 1 - i) % 3 === 0 ? (
            <text key={month.month} x={round(AXIS + i * slot + slot / 2)} y={TOP + PLOT + 16} textAnchor="middle" className="chart-label">
              {monthLabels(month.month, locale).name}
              <tspan x={round(AXIS + i * slot + slot / 2)} dy={14}>
                {month.month.slice(0, 4)}
              </tspan>
            </text>
          ) : null,
        )}
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
                <th scope="row">{monthLabels(month.month, locale).full}</th>
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
