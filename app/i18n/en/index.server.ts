import type { ServerMessageKey } from "../nl/index.server";
import { agreementMail } from "./agreement-mail.server";
import { calendar } from "./calendar.server";
import { csv } from "./csv.server";
import { dataExportFiles } from "./data-export.server";
import { joiningMail } from "./joining-mail.server";
import { mail } from "./mail.server";
import { notificationLines } from "./notifications.server";
import { visitMail } from "./open-mail.server";
import { weeklyDigest } from "./weekly-digest.server";

// Typed against the Dutch server-only keys: a missing English string is a type error.
export const enServer: Record<ServerMessageKey, string> = {
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
