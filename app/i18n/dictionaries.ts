import { account as enAccount } from "./en/account";
import { admin as enAdmin } from "./en/admin";
import { common as enCommon } from "./en/common";
import { intervision as enIntervision } from "./en/intervision";
import { lessons as enLessons } from "./en/lessons";
import { members as enMembers } from "./en/members";
import { milestones as enMilestones } from "./en/milestones";
import { reflections as enReflections } from "./en/reflections";
import { richtext as enRichtext } from "./en/richtext";
import { sessions as enSessions } from "./en/sessions";
import { settings as enSettings } from "./en/settings";
import { teams as enTeams } from "./en/teams";
import { account as nlAccount } from "./nl/account";
import { admin as nlAdmin } from "./nl/admin";
import { common as nlCommon } from "./nl/common";
import { intervision as nlIntervision } from "./nl/intervision";
import { lessons as nlLessons } from "./nl/lessons";
import { members as nlMembers } from "./nl/members";
import { milestones as nlMilestones } from "./nl/milestones";
import { reflections as nlReflections } from "./nl/reflections";
import { richtext as nlRichtext } from "./nl/richtext";
import { sessions as nlSessions } from "./nl/sessions";
import { settings as nlSettings } from "./nl/settings";
import { teams as nlTeams } from "./nl/teams";

// Each area keeps its strings in nl/AREA.ts (the source of truth) and en/AREA.ts (typed against it).
export const nl = { ...nlCommon, ...nlAccount, ...nlTeams, ...nlSettings, ...nlAdmin, ...nlMembers, ...nlReflections, ...nlRichtext, ...nlLessons, ...nlMilestones, ...nlSessions, ...nlIntervision };
export type MessageKey = keyof typeof nl;
export const en: Record<MessageKey, string> = {
  ...enCommon,
  ...enAccount,
  ...enTeams,
  ...enSettings,
  ...enAdmin,
  ...enMembers,
  ...enReflections,
  ...enLessons,
  ...enMilestones,
  ...enSessions,
  ...enIntervision,
  ...enRichtext,
};
