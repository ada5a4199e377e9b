import { db } from "../../../db/db.server";

// The demo programme (db/demo.ts) shows real coalitions with made-up people, texts and events; its pages say
// so. The demo seed leaves this row behind, so a real installation never shows the notice.
export const DEMO_PROGRAMME_SETTING = "demo_programme";

export async function isDemoProgramme(): Promise<boolean> {
  return isDemoSetting(await demoProgrammeQuery().executeTakeFirst());
}

/** The setting's row (if any), as a query a page can fold into its own statement; isDemoSetting reads it. */
export function demoProgrammeQuery() {
  return db().selectFrom("installation_setting").where("name", "=", DEMO_PROGRAMME_SETTING).select("value");
}

export function isDemoSetting(row: { value: unknown } | null | undefined): boolean {
  return row?.value === true;
}
