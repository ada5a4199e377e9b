import { useRouteLoaderData } from "@remix-run/react";
import { createContext, useContext, useEffect, useReducer } from "react";
import { areaOf, type Area } from "../i18n/areas";
import { areaStillLoading, hasDictionary, loadDictionary, translator, type Locale, type Translate } from "../i18n/i18n";

export function useLocale(): Locale {
  const data = useRouteLoaderData<{ locale: Locale }>("root");
  return data?.locale ?? "nl";
}

/** On the server: the string areas a page shows, collected while it renders, for StringAreas to pass on. */
export const AreasShown = createContext<Set<Area> | null>(null);

/**
 * The translate function for the reader's language (fetching that language first if they just switched).
 * A string whose area has not reached this browser yet suspends the page until it has: Remix renders a
 * new page in a transition, so the old one stays until the new one can show every word.
 */
export function useT(): Translate {
  const locale = useLocale();
  const shown = useContext(AreasShown);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (!hasDictionary(locale)) loadDictionary(locale).then(rerender);
  }, [locale]);
  const t = translator(locale);
  return (key, vars) => {
    const loading = areaStillLoading(locale, key);
    if (loading) throw loading;
    if (shown) {
      const area = areaOf(key);
      if (area) shown.add(area);
    }
    return t(key, vars);
  };
}

/** Where a page says which string areas it showed; the browser loads them before it hydrates (entry.client). */
export function StringAreas() {
  const shown = useContext(AreasShown);
  const names = shown ? [...shown].sort().join(" ") : (areasOnArrival ?? "");
  return <div hidden id="string-areas" data-areas={names} />;
}

/** The areas the server named for the page this browser arrived on. */
const areasOnArrival = typeof document === "undefined" ? null : (document.getElementById("string-areas")?.dataset.areas ?? "");

export function areasOfThisPage(): Area[] {
  return (areasOnArrival ?? "").split(" ").filter(Boolean) as Area[];
}
