import { describe, expect, it } from "vitest";
import { en } from "../../app/i18n/en";
import { enServer } from "../../app/i18n/en/index.server";
import { translator, type MessageKey } from "../../app/i18n/i18n";
import { nl } from "../../app/i18n/nl";
import { nlServer } from "../../app/i18n/nl/index.server";

// Every count shown with a noun reads right with 0, 1 and 2: "0 lessen", "1 les", "2 lessen". A key says its
// singular in a sibling "<key>.one", which t() takes when count is exactly 1.
const dictionaries = { nl: { ...nl, ...nlServer }, en: { ...en, ...enServer } } as Record<"nl" | "en", Record<string, string>>;

const countKeys = Object.keys(dictionaries.nl)
  .filter((key) => key.endsWith(".one"))
  .map((key) => key.slice(0, -".one".length) as MessageKey);

/** Fills every placeholder but count with its own name, so what is left to check is the count. */
function render(locale: "nl" | "en", key: MessageKey, count: number): string {
  const names = [...`${dictionaries[locale][key]} ${dictionaries[locale][`${key}.one`] ?? ""}`.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  const vars: Record<string, string | number> = Object.fromEntries(names.map((name) => [name, name.toUpperCase()]));
  return translator(locale)(key, { ...vars, count });
}

describe("Dutch and English counts", () => {
  it("has count keys to check", () => {
  });

  describe.each(["nl", "en"] as const)("in %s", (locale) => {
    it.each(countKeys)("%s reads right for 0, 1 and 2", (key) => {
      expect(dictionaries[locale][`${key}.one`], `${key}.one missing in ${locale}`).toBeDefined();
      const [zero, one, two] = [0, 1, 2].map((count) => render(locale, key, count));
      expect(one).not.toMatch(/\{\w+\}/);
      // 0 and 2 take the plural form, 1 the singular one: the texts differ beyond the number itself.
      expect(zero.replace("0", "2")).toBe(two);
      expect(one.replace("1", "2")).not.toBe(two);
    });
  });

  it.each([
    ["count.registrations", ["0 aanmeldingen", "1 aanmelding", "2 aanmeldingen"]],
    ["teams.members", ["0 deelnemers", "1 deelnemer", "2 deelnemers"]],
    ["readers.people", ["0 mensen", "1 persoon", "2 mensen"]],
    ["reflections.comments", ["0 reacties", "1 reactie", "2 reacties"]],
  ] as const)("%s in Dutch", (key, texts) => {
    expect([0, 1, 2].map((count) => translator("nl")(key, { count }))).toEqual(texts);
  });

  // A number right before a noun needs a singular form; a count in brackets or before a verb does not.
  it.each(["nl", "en"] as const)("gives every '{count} <noun>' in %s a singular form", (locale) => {
    const verbs = /^(aangemeld|registered|van|of|from|uit)$/;
    const missing = Object.entries(dictionaries[locale])
      .filter(([key, text]) => !key.endsWith(".one") && dictionaries[locale][`${key}.one`] === undefined)
      .filter(([, text]) => [...text.matchAll(/\{count\} (\p{L}+)/gu)].some((m) => !verbs.test(m[1])))
      .map(([key]) => key);
    expect(missing).toEqual([]);
  });
});
