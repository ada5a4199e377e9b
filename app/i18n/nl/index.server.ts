// Dutch strings only the server ever writes out (e-mails, calendar files, spreadsheets). They stay out of
// nl/index.ts, the dictionary a browser downloads before hydration; dictionaries.server.ts registers both.
// Only a key whose text is produced by t() in server code belongs here: a key that travels to the browser
// as data (a flash message, a form or Outcome error, a key a loader picks) must stay in nl/index.ts.
import type { BrowserMessageKey } from "./index";
import { agreementMail } from "./agreement-mail.server";
import { calendar } from "./calendar.server";
import { csv } from "./csv.server";
import { dataExportFiles } from "./data-export.server";
import { joiningMail } from "./joining-mail.server";
import { mail } from "./mail.server";
import { notificationLines } from "./notifications.server";
import { visitMail } from "./open-mail.server";
import { weeklyDigest } from "./weekly-digest.server";

export const nlServer = {
  ...agreementMail,
  ...calendar,
  ...csv,
  ...dataExportFiles,
  ...joiningMail,
  ...mail,
  ...notificationLines,
  ...visitMail,
  ...weeklyDigest,
};
export type ServerMessageKey = keyof typeof nlServer;

// A key lives on one side only: the same key in both would let one text silently override the other.
const disjoint: [Extract<ServerMessageKey, BrowserMessageKey>] extends [never] ? true : never = true;
void disjoint;
