import { db } from "../../../db/db.server";
import type { Visibility } from "../../../db/schema";
import type { User } from "../../auth/permissions.server";
import type { NotifiedItem } from "./items.server";
import { notify } from "./notify.server";

// A reflection or lesson shared more widely than before: the coalition (shared with the team) or the whole
// programme (shared with the network) hears of it, in the digest by default and never by a mail of its own.

const reach: Record<Visibility, number> = { private: 0, team: 1, network: 2 };

/** Who could newly read it: the coalition's people, or everyone of the programme (members of any coalition and the funder). */
async function audience(coalitionId: string, visibility: "team" | "network"): Promise<string[]> {
  const rows =
    visibility === "team"
      ? await db().selectFrom("membership").where("coalition_id", "=", coalitionId).select("person_id as id").execute()
      : await db()
          .selectFrom("person")
          .where((eb) => eb.or([eb("account_role", "=", "funder"), eb.exists(eb.selectFrom("membership").whereRef("membership.person_id", "=", "person.id").select("membership.person_id"))]))
          .where("deactivated_at", "is", null)
          .select("id")
          .execute();
  return rows.map((row) => row.id);
}

export async function notifyShared(
  user: User,
  item: NotifiedItem & { type: "reflection" | "lesson" },
  coalitionId: string,
  visibility: Visibility,
  before: Visibility = "private",
): Promise<void> {
  if (visibility === "private" || reach[visibility] <= reach[before]) return;
  await notify({ kind: "shared", recipientIds: await audience(coalitionId, visibility), actorId: user.id, item, detail: visibility });
}
