import type { MessageKey } from "./nl";

export type Locale = "nl" | "en";
export type { MessageKey };
/**
 * A language's strings. A browser holds those of nl/index.ts (or en/index.ts) only; the server also holds the
 * server-only ones (e-mails, calendar files, CSV: nl/index.server.ts), so not every key need be present.
 */
export type Dictionary = Partial<Record<MessageKey, string>>;
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export const locales: readonly Locale[] = ["nl", "en"];

// The server registers both languages (dictionaries.server.ts); a browser loads only the reader's own.
const dictionaries: Partial<Record<Locale, Dictionary>> = {};

export function registerDictionary(locale: Locale, dictionary: Dictionary): void {
  dictionaries[locale] = dictionary;
}

export function hasDictionary(locale: Locale): boolean {
  return dictionaries[locale] !== undefined;
}

/** Loads one language's strings as their own chunk (in the browser: before hydration, or on a switch). */
export async function loadDictionary(locale: Locale): Promise<void> {
  if (hasDictionary(locale)) return;
  if (locale === "en") registerDictionary("en", (await import("./en")).en);
  else registerDictionary("nl", (await import("./nl")).nl);
}

function anyDictionary(): Dictionary | undefined {
  return dictionaries.nl ?? dictionaries.en;
}

export function isMessageKey(key: string): key is MessageKey {
  const dictionary = anyDictionary();
  return dictionary !== undefined && Object.prototype.hasOwnProperty.call(dictionary, key);
}

/** The translate function for a language; until that language has loaded, the one that has. */
export function translator(locale: Locale): Translate {
  const dictionary = dictionaries[locale] ?? anyDictionary();
  if (!dictionary) throw new Error("No dictionary loaded: call loadDictionary first");
  return (key, vars) => {
    // A count of exactly one takes the key's singular form where the dictionary has one ("1 les").
    const singular = vars?.count === 1 ? dictionary[`${key}.one` as MessageKey] : undefined;
    const text = singular ?? dictionary[key] ?? key;
    return vars ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`)) : text;
  };
}

/** Picks Dutch or English from an Accept-Language header; Dutch unless English is preferred. */
export function localeFromAcceptLanguage(header: string | null): Locale {
  if (!header) return "nl";
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag, ...params] = part.trim().toLowerCase().split(";");
      const q = params.find((p) => p.trim().startsWith("q="));
      return { lang: tag.split("-")[0], q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((x) => x.lang === "nl" || x.lang === "en")
    .sort((a, b) => b.q - a.q);
  return ranked[0]?.lang === "en" ? "en" : "nl";
}
