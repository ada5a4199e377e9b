import type { Locale } from "./i18n";

// Every date on screen goes through here: Europe/Amsterdam, Dutch formats (English as second language).
export const TIME_ZONE = "Europe/Amsterdam";
const intlLocale: Record<Locale, string> = { nl: "nl-NL", en: "en-GB" };

/**
 * Builds a formatter once per locale and options: creating an Intl.DateTimeFormat costs far more than using
 * one, and a page formats dozens of dates.
 */
function formatters(options: Intl.DateTimeFormatOptions): Record<Locale, Intl.DateTimeFormat> {
  return {
    nl: new Intl.DateTimeFormat(intlLocale.nl, options),
    en: new Intl.DateTimeFormat(intlLocale.en, options),
  };
}

const longDate = formatters({ timeZone: TIME_ZONE, dateStyle: "long" });
const dateTime = formatters({ timeZone: TIME_ZONE, dateStyle: "medium", timeStyle: "short" });
const longDay = formatters({ timeZone: "UTC", dateStyle: "long" });
const month = { short: formatters({ timeZone: "UTC", month: "short", year: "numeric" }), long: formatters({ timeZone: "UTC", month: "long", year: "numeric" }) };
const monthName = formatters({ timeZone: "UTC", month: "short" });
const fullDate = formatters({ timeZone: TIME_ZONE, dateStyle: "full" });
const shortTime = formatters({ timeZone: TIME_ZONE, timeStyle: "short" });
const isoDay = new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

export function formatDate(value: Date | string, locale: Locale): string {
  return longDate[locale].format(new Date(value));
}

export function formatDateTime(value: Date | string, locale: Locale): string {
  return dateTime[locale].format(new Date(value));
}

/** A calendar day stored as 'YYYY-MM-DD' (no time, so no time zone shift). */
export function formatDay(isoDay: string, locale: Locale): string {
  return longDay[locale].format(new Date(`${isoDay}T00:00:00Z`));
}

/** A calendar month stored as 'YYYY-MM', e.g. "mrt 2026" (short) or "maart 2026". */
export function formatMonth(isoMonth: string, locale: Locale, style: "short" | "long" = "long"): string {
  return month[style][locale].format(new Date(`${isoMonth}-01T00:00:00Z`));
}

/** Only the month's short name of a 'YYYY-MM', e.g. "mrt": for a chart's axis, where the year stands apart. */
export function formatMonthName(isoMonth: string, locale: Locale): string {
  return monthName[locale].format(new Date(`${isoMonth}-01T00:00:00Z`));
}

/** Today's date in Europe/Amsterdam as 'YYYY-MM-DD'. */
export function todayInAmsterdam(now = new Date()): string {
  return isoDay.format(now);
}

const wallClock = new Intl.DateTimeFormat("en-CA", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

function wallClockParts(instant: Date) {
  const parts = Object.fromEntries(wallClock.formatToParts(instant).map((part) => [part.type, part.value]));
  return {
    day: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
    asUtc: Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second),
  };
}

/** How far Europe/Amsterdam is ahead of UTC at this instant, in milliseconds (one or two hours). */
function amsterdamOffset(instant: number): number {
  const whole = instant - (instant % 1000);
  return wallClockParts(new Date(whole)).asUtc - whole;
}

/**
 * The instant of a time on the clock in Europe/Amsterdam ('YYYY-MM-DD', 'HH:MM'), whichever of summer or
 * winter time is in force on that day. Null for a time the clocks skip (02:00–03:00 on the last Sunday of
 * March); an hour that happens twice (last Sunday of October) is taken the first time round.
 */
export function amsterdamTimeToUtc(day: string, time: string): Date | null {
  const [year, month, date] = day.split("-").map(Number);
  const [hour, minute] = time.split(":").map(Number);
  const asUtc = Date.UTC(year, month - 1, date, hour, minute);
  if (Number.isNaN(asUtc)) return null;
  // Try the offsets in force just before and just after the guess; keep the one that reads back right.
  const candidates = [asUtc - amsterdamOffset(asUtc - 3 * 3600_000), asUtc - amsterdamOffset(asUtc + 3 * 3600_000)];
  const readsBack = candidates.filter((instant) => {
    const back = wallClockParts(new Date(instant));
    return back.day === day && back.time === time.slice(0, 5);
  });
  if (readsBack.length === 0) return null;
  return new Date(Math.min(...readsBack));
}

/** A moment as the day ('YYYY-MM-DD') and time ('HH:MM') on the clock in Europe/Amsterdam, for form fields. */
export function amsterdamDayAndTime(value: Date | string): { day: string; time: string } {
  const { day, time } = wallClockParts(new Date(value));
  return { day, time };
}

/** A time span on one day, e.g. "zondag 28 maart 2027, 14:00–16:00". */
export function formatTimeSpan(start: Date | string, end: Date | string, locale: Locale): string {
  const date = fullDate[locale].format(new Date(start));
  const time = shortTime[locale];
  const sameDay = amsterdamDayAndTime(start).day === amsterdamDayAndTime(end).day;
  if (sameDay) return `${date}, ${time.format(new Date(start))}–${time.format(new Date(end))}`;
  return `${date}, ${time.format(new Date(start))} – ${formatDateTime(end, locale)}`;
}
