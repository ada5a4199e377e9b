import type { BrowserMessageKey } from "../nl";
import { account } from "./account";
import { common } from "./common";
import { readers } from "./readers";
import { richtext } from "./richtext";
import { teams } from "./teams";

// The strings nearly every page shows, downloaded with the language; the rest come per area (../areas.ts).
export const base: Partial<Record<BrowserMessageKey, string>> = { ...account, ...common, ...readers, ...richtext, ...teams };
