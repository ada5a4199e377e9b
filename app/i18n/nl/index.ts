// Every Dutch string a page can show: the source of truth, and what a Dutch browser downloads before hydration.
// Strings only the server writes (e-mails, calendar files, CSV) are in index.server.ts; MessageKey covers both.
import type { nlServer } from "./index.server";
import { account } from "./account";
import { admin } from "./admin";
import { agreements } from "./agreements";
import { audit } from "./audit";
import { common } from "./common";
import { dataExport } from "./data-export";
import { departures } from "./departures";
import { digest } from "./digest";
import { eventPublic } from "./event-public";
import { eventRegistrations } from "./event-registrations";
import { events } from "./events";
import { intervision } from "./intervision";
import { joining } from "./joining";
import { lessons } from "./lessons";
import { members } from "./members";
import { milestones } from "./milestones";
import { network } from "./network";
import { notifications } from "./notifications";
import { open } from "./open";
import { programme } from "./programme";
import { programmeMilestones } from "./programme-milestones";
import { questions } from "./questions";
import { publications } from "./publications";
import { readers } from "./readers";
import { reflections } from "./reflections";
import { richtext } from "./richtext";
import { rounds } from "./rounds";
import { sessions } from "./sessions";
import { settings } from "./settings";
import { teams } from "./teams";

export const nl = {
  ...account,
  ...admin,
  ...agreements,
  ...audit,
  ...common,
  ...dataExport,
  ...departures,
  ...digest,
  ...eventPublic,
  ...eventRegistrations,
  ...events,
  ...intervision,
  ...joining,
  ...lessons,
  ...members,
  ...milestones,
  ...network,
  ...notifications,
  ...open,
  ...programme,
  ...programmeMilestones,
  ...questions,
  ...publications,
  ...readers,
  ...reflections,
  ...richtext,
  ...rounds,
  ...sessions,
  ...settings,
  ...teams,
};
export type BrowserMessageKey = keyof typeof nl;
export type MessageKey = BrowserMessageKey | keyof typeof nlServer;
