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
