import { en } from "./en";
import { registerDictionary } from "./i18n";
import { nl } from "./nl";

/** The server speaks both languages: e-mails and pages in each person's own. Safe to call more than once. */
export function registerAllDictionaries(): void {
  registerDictionary("nl", nl);
  registerDictionary("en", en);
}

registerAllDictionaries();

export { isMessageKey, translator } from "./i18n";
