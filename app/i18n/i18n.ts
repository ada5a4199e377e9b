import { areaOf, areas, loadAreaStrings, type Area } from "./areas";
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

// The server registers both languages whole (dictionaries.server.ts); a browser loads only the reader's own,
// its base strings first and the other areas as pages need them (areas.ts).
const dictionaries: Partial<Record<Locale, Dictionary>> = {};
const loading = new Map<string, Promise<void>>();
const loaded = new Set<`${Locale}:${Area}`>();

export function registerDictionary(locale: Locale, dictionary: Dictionary): void {
  dictionaries[locale] = dictionary;
  for (const area of areas) loaded.add(`${locale}:${area}`); // a whole dictionary has every area
}

export function hasDictionary(locale: Locale): boolean {
  return dictionaries[locale] !== undefined;
}

function once(name: string, load: () => Promise<void>): Promise<void> {
  let promise = loading.get(name);
  if (!promise) {
    promise = load();
    loading.set(name, promise);
  }
  return promise;
}

/** Loads an area's strings into the language, once; a language loaded later gets the same areas. */
export function loadArea(locale: Locale, area: Area): Promise<void> {
  return once(`${locale}:${area}`, async () => {
    const strings = await loadAreaStrings(locale, area);
    dictionaries[locale] = { ...dictionaries[locale], ...strings };
    loaded.add(`${locale}:${area}`);
  });
}

/** Loads one language's base strings, and the areas already loaded in the other (in the browser: before hydration, or on a switch). */
export function loadDictionary(locale: Locale, withAreas: Area[] = []): Promise<void> {
  const wanted = new Set([...withAreas, ...[...loaded].map((name) => name.split(":")[1] as Area)]);
  const base = once(`${locale}:base`, async () => {
    const strings = locale === "en" ? (await import("./en/base")).base : (await import("./nl/base")).base;
    dictionaries[locale] = { ...strings, ...dictionaries[locale] };
  });
  return Promise.all([base, ...[...wanted].map((area) => loadArea(locale, area))]).then(() => undefined);
}

/**
 * In a browser, the loading of the area a key belongs to when it has not arrived yet, so that the page can
 * wait for it; otherwise null (the key is there, or it belongs to no area).
 */
export function areaStillLoading(locale: Locale, key: MessageKey): Promise<void> | null {
  const dictionary = dictionaries[locale];
  if (!dictionary || key in dictionary) return null;
  const area = areaOf(key);
  return area && !loaded.has(`${locale}:${area}`) ? loadArea(locale, area) : null;
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
