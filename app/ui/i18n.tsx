import { useRouteLoaderData } from "@remix-run/react";
import { translator, type Locale, type Translate } from "../i18n/i18n";

export function useLocale(): Locale {
  const data = useRouteLoaderData<{ locale: Locale }>("root");
  return data?.locale ?? "nl";
}

/** The translate function for the reader's language. */
export function useT(): Translate {
  return translator(useLocale());
}
