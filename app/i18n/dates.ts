import type { Locale } from "./i18n";

// Every date on screen goes through here: Europe/Amsterdam, Dutch formats (English as second language).
export const TIME_ZONE = "Europe/Amsterdam";
const intlLocale: Record<Locale, string> = { nl: "nl-NL", en: "en-GB" };

export function formatDate(value: Date | string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale[locale], { timeZone: TIME_ZONE, dateStyle: "long" }).format(new Date(value));
}

export function formatDateTime(value: Date | string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale[locale], {
    timeZone: TIME_ZONE,
    dateStyle: "medium",
    timeStyle: "short",
  }).format(new Date(value));
}

/** A calendar day stored as 'YYYY-MM-DD' (no time, so no time zone shift). */
export function formatDay(isoDay: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale[locale], { timeZone: "UTC", dateStyle: "long" }).format(new Date(`${isoDay}T00:00:00Z`));
}

/** Today's date in Europe/Amsterdam as 'YYYY-MM-DD'. */
export function todayInAmsterdam(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}
