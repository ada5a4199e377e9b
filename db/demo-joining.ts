import type { Transaction } from "kysely";
import type { Database } from "./schema";

// The demo's join request: a neighbourhood repair café in Twello asks to join Voorst's agreement and waits for
// the facilitator's answer. Voorst's agreement itself comes from the agreements' demo; the row is made here too
// when it is missing, so that this part stands on its own.
export async function seedJoiningDemo(trx: Transaction<Database>): Promise<void> {
  const voorst = await trx.selectFrom("coalition").where("slug", "=", "voorst").select("id").executeTakeFirst();
  if (!voorst) return;
  await trx
    .insertInto("agreement")
    .values({ coalition_id: voorst.id })
    .onConflict((oc) => oc.column("coalition_id").doNothing())
    .execute();
  await trx
    .insertInto("agreement_join_request")
    .values({
      coalition_id: voorst.id,
      kind: "organisation",
      organisation_name: "Repair Café Twello",
      contact_name: "Anouk Hendriks",
      email: "anouk.hendriks@repaircafe-twello.example",
      motivation:
        "Elke tweede zaterdag repareren we in het Trefpunt spullen met buurtbewoners. Veel bezoekers zijn ouderen die er ook komen voor de koffie en een praatje. We willen graag meedoen met jullie afspraken over ontmoeten, en zien ons als een extra plek waar mensen elkaar vinden.",
      created_at: new Date(Date.now() - 3 * 864e5),
    })
    .execute();
}
