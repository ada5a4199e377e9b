import type { Transaction } from "kysely";
import type { Database } from "./schema";

const DAY = 864e5;

// Two outsiders asked to come and see a coalition at work: a civil servant from Venray would like to sit in on
// one of Westenwind's neighbourhood evenings (still open), and a welfare team from Ede visited De Nude's
// buurtbedrijf after its facilitator answered. Made up, like every person of the demo.
export async function seedOpenDemo(trx: Transaction<Database>): Promise<void> {
  const coalitions = await trx.selectFrom("coalition").where("slug", "in", ["horst-aan-de-maas", "wageningen"]).select(["id", "slug"]).execute();
  const westenwind = coalitions.find((c) => c.slug === "horst-aan-de-maas");
  const nude = coalitions.find((c) => c.slug === "wageningen");
  if (westenwind) {
    await trx
      .insertInto("visit_request")
      .values({
        coalition_id: westenwind.id,
        organisation: "Gemeente Venray, team Wijkzaken",
        contact_name: "Joyce Arts",
        email: "joyce.arts@venray.example",
        wishes:
          "Wij willen in twee wijken ook bewoners laten meedenken over ontmoetingsplekken. Ik zou graag een van jullie buurtavonden bijwonen, vooral om te zien hoe jullie het gesprek opzetten zodat bewoners zelf het woord hebben. Dinsdag- en donderdagavond kan ik het best.",
        created_at: new Date(Date.now() - 2 * DAY),
      })
      .execute();
  }
  if (nude) {
    const facilitator = await trx
      .selectFrom("membership")
      .where("coalition_id", "=", nude.id)
      .where("role", "=", "facilitator")
      .select("person_id")
      .executeTakeFirst();
    await trx
      .insertInto("visit_request")
      .values({
        coalition_id: nude.id,
        organisation: "Welzijn Ede, dagbesteding",
        contact_name: "Ruben Kok",
        email: "ruben.kok@welzijn-ede.example",
        wishes: "We zoeken manieren om dagbesteding en werkervaring te combineren in de wijk. Mogen we met drie collega's een ochtend meelopen bij het buurtbedrijf?",
        created_at: new Date(Date.now() - 12 * DAY),
        answer:
          "Welkom! Kom volgende week donderdag om half tien naar het buurtbedrijf. Je loopt mee met de ochtendploeg, en om twaalf uur eten we samen en vertellen we hoe we begonnen zijn.",
        answered_at: new Date(Date.now() - 10 * DAY),
        answered_by: facilitator?.person_id ?? null,
      })
      .execute();
  }
}
