import { db } from "../../../db/db.server";

// The demo programme (db/demo.ts) shows real coalitions with made-up people, texts and events; its pages say
// so. The demo seed leaves this row behind, so a real installation never shows the notice.
export const DEMO_PROGRAMME_SETTING = "demo_programme";

export async function isDemoProgramme(): Promise<boolean> {
  const row = await db()
    .selectFrom("installation_setting")
    .where("name", "=", DEMO_PROGRAMME_SETTING)
    .select("value")
    .executeTakeFirst();
  return row?.value === true;
}
