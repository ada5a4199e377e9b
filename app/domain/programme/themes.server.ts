import { db } from "../../../db/db.server";
import { isRowId } from "../../auth/permissions.server";

export type Theme = { id: string; slug: string; name_nl: string; name_en: string };

/** The programme's shared theme list, in its curated order. */
export function listThemes(): Promise<Theme[]> {
  return db()
    .selectFrom("theme")
    .where("archived_at", "is", null)
    .select(["id", "slug", "name_nl", "name_en"])
    .orderBy("position")
    .execute();
}

/** The ids among these that are themes of the shared list (anything else a form sent is dropped). */
export async function knownThemeIds(themeIds: string[]): Promise<string[]> {
  const valid = [...new Set(themeIds.filter(isRowId))];
  if (valid.length === 0) return [];
  const rows = await db().selectFrom("theme").where("id", "in", valid).select("id").execute();
  return rows.map((r) => r.id);
}
