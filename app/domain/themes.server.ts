import { db } from "../../db/db.server";

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
