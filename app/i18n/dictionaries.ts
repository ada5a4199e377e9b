import { account as enAccount } from "./en/account";
import { common as enCommon } from "./en/common";
import { settings as enSettings } from "./en/settings";
import { teams as enTeams } from "./en/teams";
import { account as nlAccount } from "./nl/account";
import { common as nlCommon } from "./nl/common";
import { settings as nlSettings } from "./nl/settings";
import { teams as nlTeams } from "./nl/teams";

// Each area keeps its strings in nl/AREA.ts (the source of truth) and en/AREA.ts (typed against it).
export const nl = { ...nlCommon, ...nlAccount, ...nlTeams, ...nlSettings };
export type MessageKey = keyof typeof nl;
export const en: Record<MessageKey, string> = { ...enCommon, ...enAccount, ...enTeams, ...enSettings };
