import type { Transaction } from "kysely";
import { todayInAmsterdam } from "../app/i18n/dates";
import type { Database } from "./schema";

// The demo's learning questions: each coalition keeps two to four, with themes, an owner (its facilitator) and
// planned harvest dates, and links a few of its reflections, lessons and milestones to them. Made-up text,
// written for the demo.

type DemoQuestion = { question: string; explanation: string; themes: string[]; harvestIn: number[]; status?: "proposed" };

const questions: Record<string, DemoQuestion[]> = {
  apeldoorn: [
    { question: "Hoe laten we bewoners het gesprek leiden?", explanation: "In het actieteam praten de professionals nog vaak het meest. Wat helpt bewoners om het woord te nemen?",
      themes: ["rollen-en-eigenaarschap", "gelijkwaardigheid"], harvestIn: [21, 140] },
    { question: "Wat houdt vrijwilligers vast als het drukker wordt?", explanation: "Na de zomer haakten twee vrijwilligers af. We willen weten wat mensen erbij houdt.",
      themes: ["vrijwilligers"], harvestIn: [60] },
    { question: "Hoe bereiken we buren die nooit op een bijeenkomst komen?", explanation: "", themes: ["ontmoetingsplekken"], harvestIn: [], status: "proposed" },
  ],
  "horst-aan-de-maas": [
    { question: "Hoe laten we bewoners het gesprek leiden?", explanation: "Drie dorpen, drie gewoonten. Wie zit er voor, en wie bepaalt de agenda?",
      themes: ["rollen-en-eigenaarschap"], harvestIn: [35] },
    { question: "Wat vraagt de gemeente van ons, en wat vragen wij van de gemeente?", explanation: "We willen scherp krijgen wat we van elkaar mogen verwachten.",
      themes: ["rol-gemeente"], harvestIn: [90] },
  ],
  utrecht: [
    { question: "Hoe laten we bewoners het gesprek leiden?", explanation: "Bij de balie merken we dat een bewoner een ander gesprek voert dan een professional.",
      themes: ["gelijkwaardigheid", "rollen-en-eigenaarschap"], harvestIn: [14, 120] },
    { question: "Wanneer is een ontmoetingsplek echt van de buurt?", explanation: "", themes: ["ontmoetingsplekken", "vertrouwen"], harvestIn: [75] },
    { question: "Hoe houden we het vol als het geld van de subsidie op is?", explanation: "De huur van de ruimte loopt tot eind volgend jaar.",
      themes: ["financiering-en-continuiteit"], harvestIn: [180] },
  ],
  voorst: [
    { question: "Hoe laten we bewoners het gesprek leiden?", explanation: "Het overleg rouleert nu. Werkt dat ook als er iets moeilijks op tafel ligt?",
      themes: ["rollen-en-eigenaarschap"], harvestIn: [28] },
    { question: "Wat leren we van wat anders liep dan gepland?", explanation: "", themes: ["plan-en-werkelijkheid", "samen-leren"], harvestIn: [100] },
  ],
  wageningen: [
    { question: "Hoe laten we bewoners het gesprek leiden?", explanation: "Jongeren en ouderen zitten aan dezelfde tafel. Hoe krijgt iedereen ruimte?",
      themes: ["gelijkwaardigheid"], harvestIn: [42] },
    { question: "Wat maakt een werkervaringsplek een goede plek?", explanation: "We kozen voor minder plekken. Wat maakt het verschil voor de deelnemer?",
      themes: ["plan-en-werkelijkheid", "samen-leren"], harvestIn: [70, 200] },
  ],
};

function dayFromToday(days: number): string {
  const date = new Date(`${todayInAmsterdam()}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Each coalition's questions; its first question gets a team reflection, a shared lesson and a milestone linked. */
export async function seedDemoQuestions(trx: Transaction<Database>): Promise<void> {
  for (const [slug, list] of Object.entries(questions)) {
    const team = await trx.selectFrom("coalition").where("slug", "=", slug).select("id").executeTakeFirst();
    if (!team) continue;
    const facilitator = await trx
      .selectFrom("membership")
      .where("coalition_id", "=", team.id)
      .where("role", "=", "facilitator")
      .select("person_id")
      .orderBy("created_at")
      .executeTakeFirstOrThrow();
    const ids: string[] = [];
    for (const [index, item] of list.entries()) {
      const { id } = await trx
        .insertInto("learning_question")
        .values({
          coalition_id: team.id,
          question: item.question,
          explanation: item.explanation,
          status: item.status ?? "active",
          owner_id: item.status ? null : facilitator.person_id,
          proposed_by: facilitator.person_id,
          position: index + 1,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      ids.push(id);
      const themes = await trx.selectFrom("theme").where("slug", "in", item.themes).select("id").execute();
      if (themes.length) await trx.insertInto("learning_question_theme").values(themes.map((theme) => ({ question_id: id, theme_id: theme.id }))).execute();
      if (item.harvestIn.length) {
        await trx
          .insertInto("learning_question_harvest_date")
          .values(item.harvestIn.map((days) => ({ question_id: id, planned_on: dayFromToday(days) })))
          .execute();
      }
    }
    const [reflection, lesson, milestone] = await Promise.all([
      trx.selectFrom("reflection").where("coalition_id", "=", team.id).where("visibility", "=", "team").select(["id", "author_id"]).orderBy("happened_on", "desc").executeTakeFirst(),
      trx.selectFrom("lesson").where("coalition_id", "=", team.id).where("visibility", "=", "network").select(["id", "author_id"]).orderBy("created_at").executeTakeFirst(),
      trx.selectFrom("milestone").where("coalition_id", "=", team.id).select(["id", "created_by as author_id"]).orderBy("target_date").executeTakeFirst(),
    ]);
    const links = [
      reflection && { item_type: "reflection" as const, item: reflection },
      lesson && { item_type: "lesson" as const, item: lesson },
      milestone && { item_type: "milestone" as const, item: milestone },
    ].filter((link) => !!link);
    if (links.length) {
      await trx
        .insertInto("learning_question_link")
        .values(links.map((link) => ({ question_id: ids[0], item_type: link.item_type, item_id: link.item.id, linked_by: link.item.author_id })))
        .execute();
    }
  }
}
