import type { Transaction } from "kysely";
import { plainTextOf } from "../app/richtext/plain-text.server";
import { richTextFromPlainText } from "../app/richtext/from-plain-text";
import type { Database } from "./schema";

// Voorst's samenwerkingsovereenkomst in the demo: version 1 signed in the spring; after an inspiratieronde the
// first article changed, and version 2 was signed by all three partners in the autumn. It is published. The
// changed article names the round theme "Elkaar kennen" when Voorst's rounds (seeded elsewhere) have one.
// The people who sign for the organisations are made up, like everyone in the demo.

const vision =
  "Ouderen in Twello wonen zo lang mogelijk thuis, met mensen om zich heen. Het welzijnswerk, het Trefpunt en De Benring werken daarvoor samen als gelijken.\n\nWe kennen elkaar, we weten wat de ander doet, en we zorgen samen voor plekken waar je elkaar zonder drempel ontmoet.";

type Article = { title: string; text: string };

const versionOne: Article[] = [
  { title: "Elkaar kennen", text: "We nemen de tijd om elkaar te leren kennen. Eens per kwartaal loopt iemand van elke partner een dagdeel mee bij een andere partner." },
  { title: "Vast overleg", text: "De drie partners overleggen elke maand. De voorzitter wisselt per keer. Na elk overleg schrijven we kort op wat we hebben afgesproken, zodat iedereen het kan nalezen." },
  { title: "Plekken om elkaar te ontmoeten", text: "Het Trefpunt en de huiskamer van De Benring zijn er voor alle ouderen in Twello. We stemmen de openingstijden op elkaar af, zodat er elke werkdag een plek open is." },
  { title: "Samen blijven leren", text: "Wat we leren over samenwerken, schrijven we op in het Leernetwerk. Twee keer per jaar delen we het met andere coalities." },
];

const versionTwo: Article[] = [
  {
    title: "Elkaar kennen",
    text: "We nemen de tijd om elkaar te leren kennen. Eens per kwartaal loopt iemand van elke partner een dagdeel mee bij een andere partner. Wie nieuw begint, als vrijwilliger of als medewerker, krijgt in de eerste maanden een maatje bij een andere partner.",
  },
  ...versionOne.slice(1),
];

const signers = [
  { name: "Henk Nijhof", function: "directeur-bestuurder" },
  { member: "lid.voorst", function: "bestuurslid" },
  { name: "Riet Oosterink", function: "voorzitter" },
];

const rich = (text: string) => {
  const state = richTextFromPlainText(text);
  return { json: JSON.stringify(state), text: plainTextOf(state) };
};

export async function seedAgreementDemo(trx: Transaction<Database>, domain: string): Promise<void> {
  const voorst = await trx.selectFrom("coalition").where("slug", "=", "voorst").select("id").executeTakeFirst();
  if (!voorst) return;
  const organisations = await trx.selectFrom("organisation").where("coalition_id", "=", voorst.id).orderBy("position").select("id").execute();
  const facilitator = await trx.selectFrom("person").where("email", "=", `begeleider.voorst@${domain}`).select("id").executeTakeFirst();
  const member = await trx.selectFrom("person").where("email", "=", `lid.voorst@${domain}`).select(["id", "name"]).executeTakeFirst();
  const meetTheme = await trx
    .selectFrom("round_theme")
    .innerJoin("input_round", "input_round.id", "round_theme.round_id")
    .where("input_round.coalition_id", "=", voorst.id)
    .where("round_theme.label", "=", "Elkaar kennen")
    .select("round_theme.id")
    .executeTakeFirst();

  await trx.insertInto("agreement").values({ coalition_id: voorst.id, published_at: "2026-11-25T10:00:00Z", review_on: "2027-06-01" }).execute();
  const versions = [
    { number: 1, articles: versionOne, proposed: "2026-03-02T10:00:00Z", signedOn: ["2026-03-10", "2026-03-12", "2026-03-16"] },
    { number: 2, articles: versionTwo, proposed: "2026-11-04T10:00:00Z", signedOn: ["2026-11-12", "2026-11-14", "2026-11-20"] },
  ];
  const keys: string[] = [];
  for (const version of versions) {
    const text = rich(vision);
    const row = await trx
      .insertInto("agreement_version")
      .values({
        coalition_id: voorst.id,
        number: version.number,
        status: "signed",
        vision: text.json,
        vision_text: text.text,
        created_by: facilitator?.id ?? null,
        created_at: version.proposed,
        proposed_at: version.proposed,
        signed_at: `${version.signedOn.at(-1)}T16:00:00Z`,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (const [index, article] of version.articles.entries()) {
      const body = rich(article.text);
      const inserted = await trx
        .insertInto("agreement_article")
        .values({ version_id: row.id, number: index + 1, title: article.title, body: body.json, body_text: body.text, ...(keys[index] ? { article_key: keys[index] } : {}) })
        .returning(["id", "article_key"])
        .executeTakeFirstOrThrow();
      keys[index] = inserted.article_key;
      if (version.number === 2 && index === 0 && meetTheme) {
        await trx.insertInto("agreement_article_source").values({ article_id: inserted.id, round_theme_id: meetTheme.id }).execute();
      }
    }
    for (const [index, signer] of signers.entries()) {
      const organisation = organisations[index];
      if (!organisation) continue;
      const person = "member" in signer ? member : undefined;
      const signatory = await trx
        .insertInto("agreement_signatory")
        .values({ version_id: row.id, organisation_id: organisation.id, person_id: person?.id ?? null, name: person ? null : (signer.name ?? null) })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("agreement_signature")
        .values({
          signatory_id: signatory.id,
          version_id: row.id,
          organisation_id: organisation.id,
          person_id: person?.id ?? null,
          name: person?.name ?? signer.name ?? "",
          function: signer.function,
          signed_on: version.signedOn[index],
          signed_at: `${version.signedOn[index]}T15:00:00Z`,
        })
        .execute();
    }
  }
}
