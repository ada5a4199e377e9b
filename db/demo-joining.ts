import type { Transaction } from "kysely";
import { plainTextOf } from "../app/richtext/plain-text.server";
import { richTextFromPlainText } from "../app/richtext/from-plain-text";
import type { Database } from "./schema";

// Voorst shows its agreement publicly, and a neighbourhood repair café in Twello has asked to join it and waits
// for the facilitator's answer. The agreement's text and signatures come from the agreements' demo; when that
// wrote none, a short signed first version is written here, so that the public page has something to show.
export async function seedJoiningDemo(trx: Transaction<Database>): Promise<void> {
  const voorst = await trx.selectFrom("coalition").where("slug", "=", "voorst").select("id").executeTakeFirst();
  if (!voorst) return;
  await trx
    .insertInto("agreement")
    .values({ coalition_id: voorst.id })
    .onConflict((oc) => oc.column("coalition_id").doNothing())
    .execute();
  const signed = await trx
    .selectFrom("agreement_version")
    .where("coalition_id", "=", voorst.id)
    .where("status", "=", "signed")
    .select("id")
    .executeTakeFirst();
  if (!signed) await signedFirstVersion(trx, voorst.id);
  await trx
    .updateTable("agreement")
    .set({ published_at: "2026-11-02T10:00:00Z" })
    .where("coalition_id", "=", voorst.id)
    .where("published_at", "is", null)
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
        "Elke tweede zaterdag repareren we in het Trefpunt spullen met buurtbewoners. Veel bezoekers zijn ouderen die ook komen voor de koffie en een praatje. We willen graag meedoen met jullie afspraken over ontmoeten: wij zijn een extra plek waar mensen elkaar vinden.",
      created_at: new Date(Date.now() - 3 * 864e5),
    })
    .execute();
}

async function signedFirstVersion(trx: Transaction<Database>, coalitionId: string) {
  const rich = (text: string) => {
    const state = richTextFromPlainText(text);
    return { json: JSON.stringify(state), text: plainTextOf(state) };
  };
  const vision = rich("Ouderen in Twello wonen zo lang als ze willen thuis, en kennen mensen in hun buurt bij wie ze binnen kunnen lopen.");
  const { id: versionId } = await trx
    .insertInto("agreement_version")
    .values({ coalition_id: coalitionId, number: 1, status: "signed", vision: vision.json, vision_text: vision.text, signed_at: "2026-10-15T15:00:00Z" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const articles = [
    ["Ontmoeten", "Het Trefpunt en De Benring zijn elke werkdag open voor een kop koffie. Wie binnenloopt, wordt door een vrijwilliger verwelkomd."],
    ["Samen overleggen", "De partners overleggen elke maand. Een bewoner zit altijd aan tafel."],
  ];
  for (const [index, [title, body]] of articles.entries()) {
    const text = rich(body);
    await trx.insertInto("agreement_article").values({ version_id: versionId, number: index + 1, title, body: text.json, body_text: text.text }).execute();
  }
  const partners = await trx.selectFrom("organisation").where("coalition_id", "=", coalitionId).select(["id", "name"]).orderBy("position").execute();
  const signers = ["Henk Oosterveld", "Marjan Kuipers", "Wim Brouwer"];
  for (const [index, partner] of partners.entries()) {
    const name = signers[index % signers.length];
    const { id: signatoryId } = await trx
      .insertInto("agreement_signatory")
      .values({ version_id: versionId, organisation_id: partner.id, name })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("agreement_signature")
      .values({ signatory_id: signatoryId, version_id: versionId, organisation_id: partner.id, name, function: index === 0 ? "directeur-bestuurder" : "voorzitter", signed_on: "2026-10-15" })
      .execute();
  }
}
