import { account } from "./account";
import { common } from "./common";
import { readers } from "./readers";
import { richtext } from "./richtext";
import { teams } from "./teams";

// The strings nearly every page shows, downloaded with the language; the rest come per area (../areas.ts).
export const base = { ...account, ...common, ...readers, ...richtext, ...teams };
