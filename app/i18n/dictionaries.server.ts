import { en } from "./en";
import { enServer } from "./en/index.server";
import { registerDictionary } from "./i18n";
import { nl } from "./nl";
import { nlServer } from "./nl/index.server";

/**
 * The server speaks both languages: e-mails and pages in each person's own. It alone also holds the strings
 * no browser needs (e-mails, calendar files, CSV). Safe to call more than once.
 */
export function registerAllDictionaries(): void {
  registerDictionary("nl", { ...nl, ...nlServer });
  registerDictionary("en", { ...en, ...enServer });
}

registerAllDictionaries();

export { isMessageKey, translator } from "./i18n";
