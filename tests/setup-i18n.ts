import { registerAllDictionaries } from "../app/i18n/dictionaries.server";

// Components rendered in tests translate like the server does.
registerAllDictionaries();
