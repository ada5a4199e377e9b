import { en, nl, type MessageKey } from "./dictionaries";

export type Locale = "nl" | "en";
export type { MessageKey };
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export const locales: readonly Locale[] = ["nl", "en"];
const dictionaries: Record<Locale, Record<MessageKey, string>> = { nl, en };

export function isMessageKey(key: string): key is MessageKey {
  return key in nl;
}

export function translator(locale: Locale): Translate {
  const dictionary = dictionaries[locale];
  return (key, vars) => {
    const text = dictionary[key] ?? nl[key] ?? key;
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
