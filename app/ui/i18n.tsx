import { useRouteLoaderData } from "@remix-run/react";
import { useEffect, useReducer } from "react";
import { hasDictionary, loadDictionary, translator, type Locale, type Translate } from "../i18n/i18n";

export function useLocale(): Locale {
  const data = useRouteLoaderData<{ locale: Locale }>("root");
  return data?.locale ?? "nl";
}

/** The translate function for the reader's language (fetching that language first if they just switched). */
export function useT(): Translate {
  const locale = useLocale();
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (!hasDictionary(locale)) loadDictionary(locale).then(rerender);
  }, [locale]);
  return translator(locale);
}
