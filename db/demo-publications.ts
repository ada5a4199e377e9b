import type { Transaction } from "kysely";
import { plainTextOf } from "../app/richtext/plain-text.server";
import { richTextFromPlainText } from "../app/richtext/from-plain-text";
import type { Database } from "./schema";

// The programme officer's publications: a published newsletter item that quotes Utrecht (by name) and Voorst
// (as "een van de coalities"), both approved by their facilitator, and an article that waits for Apeldoorn.
export async function seedPublicationsDemo(trx: Transaction<Database>): Promise<void> {
  const officer = await trx.selectFrom("person").where("account_role", "=", "funder").select("id").orderBy("created_at").executeTakeFirst();
  const lessonOf = (slug: string, statement: string) =>
    trx
      .selectFrom("lesson")
      .innerJoin("coalition", "coalition.id", "lesson.coalition_id")
      .where("coalition.slug", "=", slug)
      .where("lesson.statement", "=", statement)
      .where("lesson.visibility", "=", "network")
      .select(["lesson.id", "lesson.coalition_id as coalitionId", "lesson.statement"])
      .executeTakeFirst();
  const facilitatorOf = async (coalitionId: string) =>
    (await trx.selectFrom("membership").where("coalition_id", "=", coalitionId).where("role", "=", "facilitator").select("person_id").executeTakeFirst())
      ?.person_id ?? null;
  const utrecht = await lessonOf("utrecht", "Begin klein en vier wat lukt.");
  const voorst = await lessonOf("voorst", "Een overleg blijft als de voorzitter rouleert.");
  const apeldoorn = await lessonOf("apeldoorn", "Laat bewoners het gesprek leiden; de professional ondersteunt.");
  if (!officer || !utrecht || !voorst || !apeldoorn) return;

  const published = await insertPublication(trx, officer.id, {
    slug: "klein-beginnen-en-volhouden",
    kind: "newsletter",
    title: "Klein beginnen en volhouden",
    summary: "Twee coalities vertellen hoe ze het vuur brandend houden, ook als de eerste drukte voorbij is.",
    text:
      "Na een jaar merken de coalities dat het begin het makkelijke deel was. De eerste avonden zaten vol. Daarna werd het stiller, en kwam de vraag: hoe blijven we samen bezig?\n\n" +
      "Twee coalities delen wat voor hen werkt. Het gaat niet om grote plannen, maar om kleine gewoontes die het samen doen licht houden.",
    publishedAt: new Date("2026-11-20T09:00:00Z"),
  });
  const draft = await insertPublication(trx, officer.id, {
    slug: "wie-voert-het-woord",
    kind: "article",
    title: "Wie voert het woord?",
    summary: "Over bewoners die het gesprek leiden en professionals die een stap terug doen.",
    text:
      "In de wijken zien we een verschuiving. Waar eerst de professional de avond opende en afsloot, zitten nu bewoners aan het hoofd van de tafel. Dat gaat niet vanzelf.",
    publishedAt: null,
  });
  await trx
    .insertInto("publication_quote")
    .values([
      {
        publication_id: published,
        source_type: "lesson",
        source_id: utrecht.id,
        coalition_id: utrecht.coalitionId,
        quoted_text: utrecht.statement,
        status: "approved",
        attribution: "name",
        decided_by: await facilitatorOf(utrecht.coalitionId),
        decided_at: new Date("2026-11-18T15:00:00Z"),
      },
      {
        publication_id: published,
        source_type: "lesson",
        source_id: voorst.id,
        coalition_id: voorst.coalitionId,
        quoted_text: voorst.statement,
        status: "approved",
        attribution: "anonymous",
        decided_by: await facilitatorOf(voorst.coalitionId),
        decided_at: new Date("2026-11-19T10:30:00Z"),
      },
      {
        publication_id: draft,
        source_type: "lesson",
        source_id: apeldoorn.id,
        coalition_id: apeldoorn.coalitionId,
        quoted_text: apeldoorn.statement,
      },
    ])
    .execute();
}

async function insertPublication(
  trx: Transaction<Database>,
  authorId: string,
  input: { slug: string; kind: "newsletter" | "article"; title: string; summary: string; text: string; publishedAt: Date | null },
): Promise<string> {
  const body = richTextFromPlainText(input.text);
  const row = await trx
    .insertInto("publication")
    .values({
      slug: input.slug,
      kind: input.kind,
      title: input.title,
      summary: input.summary,
      body: JSON.stringify(body),
      body_text: plainTextOf(body),
      author_id: authorId,
      updated_at: input.publishedAt ?? new Date(),
      published_at: input.publishedAt,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}
