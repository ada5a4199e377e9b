import type { Transaction } from "kysely";
import { randomBytes } from "node:crypto";
import { todayInAmsterdam } from "../app/i18n/dates";
import type { Database, Perspective } from "./schema";

// The demo's input rounds. Westenwind (Horst aan de Maas) has a round open now, also for people without an
// account, with answers from members and from outsiders, some grouped and two that shape an article. Samen in
// Voorst had a round in the spring: its themes (one of them "Elkaar kennen") later shaped an article of its
// agreement, and it shared the outcome with the network. Made-up text, written for the demo.

type DemoAnswer = { by?: string; name?: string; perspective: Perspective; text: string; group?: string; shapes?: boolean };
type DemoRound = {
  team: string;
  question: string;
  perspectives: Perspective[];
  opensOn: string;
  closesOn: string;
  outsiders: boolean;
  shared: boolean;
  editor?: string;
  answers: DemoAnswer[];
};

/** A day relative to today, so that the open round stays open whenever the demo is seeded. */
function dayFromToday(days: number): string {
  const date = new Date(`${todayInAmsterdam()}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const rounds: DemoRound[] = [
  {
    team: "horst-aan-de-maas",
    question: "Hoe ziet uw ideale buurt eruit?",
    perspectives: ["resident", "volunteer", "professional", "municipality", "board"],
    opensOn: dayFromToday(-12),
    closesOn: dayFromToday(18),
    outsiders: true,
    shared: false,
    editor: "Tom Coenders",
    answers: [
      { by: "Sjaak Verheijen", perspective: "resident", group: "theme:ontmoetingsplekken", shapes: true,
        text: "Een bankje bij de speeltuin waar je vanzelf een praatje maakt. Nu loopt iedereen door naar huis." },
      { by: "Ria Hesen", perspective: "resident", group: "label:Elkaar groeten",
        text: "Dat je de mensen in je straat bij naam kent. Ik woon hier twintig jaar en ken maar drie buren." },
      { name: "Marij", perspective: "resident", group: "label:Elkaar groeten",
        text: "Een buurt waar kinderen buiten spelen en waar de buren even opletten." },
      { by: "Tom Coenders", perspective: "volunteer", group: "theme:vrijwilligers",
        text: "Een plek waar vrijwilligers hun spullen kwijt kunnen. Nu sjouw ik de koffiekan elke week mee van huis." },
      { by: "Lotte Janssen", perspective: "professional", group: "theme:rollen-en-eigenaarschap", shapes: true,
        text: "Dat bewoners zelf bepalen wat er gebeurt, en dat wij pas komen als ze ons vragen. Niet andersom." },
      { name: "Kees, gemeente Horst aan de Maas", perspective: "municipality", group: "theme:rol-gemeente",
        text: "Korte lijnen: één vast aanspreekpunt bij de gemeente voor de drie wijken, in plaats van elke keer een ander loket." },
      { perspective: "board",
        text: "Als bestuur willen we weten wat er leeft voordat we geld toezeggen. Een vaste avond per kwartaal zou helpen." },
    ],
  },
  {
    team: "voorst",
    question: "Wat maakt een ontmoetingsplek een plek waar u graag terugkomt?",
    perspectives: ["resident", "volunteer", "professional", "board"],
    opensOn: "2026-05-04",
    closesOn: "2026-05-29",
    outsiders: false,
    shared: true,
    answers: [
      { by: "Jannie Klein Koerkamp", perspective: "resident", group: "label:Elkaar kennen", shapes: true,
        text: "Dat er iemand is die mijn naam weet als ik binnenkom. Dan voel ik me welkom." },
      { by: "Bert Lubbers", perspective: "volunteer", group: "label:Elkaar kennen",
        text: "Vaste gezichten achter de bar. Als er elke week iemand anders staat, komen mensen minder vaak." },
      { by: "Wim Haverkamp", perspective: "volunteer", group: "theme:ontmoetingsplekken", shapes: true,
        text: "Vervoer. Wie slecht ter been is, komt alleen als iemand hem ophaalt." },
      { by: "Gerda Wolters", perspective: "professional", group: "theme:ontmoetingsplekken",
        text: "Een plek die niet voelt als zorg. Gewoon koffie, een krant en een spelletje." },
    ],
  },
];

export async function seedDemoRounds(trx: Transaction<Database>): Promise<void> {
  for (const round of rounds) {
    const team = await trx.selectFrom("coalition").where("slug", "=", round.team).select("id").executeTakeFirst();
    if (!team) continue;
    const people = await trx
      .selectFrom("membership")
      .innerJoin("person", "person.id", "membership.person_id")
      .where("membership.coalition_id", "=", team.id)
      .select(["person.id", "person.name", "membership.role"])
      .execute();
    const personId = (name: string) => people.find((p) => p.name === name)?.id ?? null;
    const facilitator = people.find((p) => p.role === "facilitator")?.id ?? null;
    const { id: roundId } = await trx
      .insertInto("input_round")
      .values({
        coalition_id: team.id,
        question: round.question,
        perspectives: round.perspectives,
        opens_on: round.opensOn,
        closes_on: round.closesOn,
        open_to_outsiders: round.outsiders,
        public_token: randomBytes(9).toString("base64url"),
        outcome_shared_at: round.shared ? `${round.closesOn}T16:00:00Z` : null,
        created_by: facilitator,
        created_at: `${round.opensOn}T08:00:00Z`,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const editor = round.editor ? personId(round.editor) : null;
    if (editor) await trx.insertInto("round_editor").values({ round_id: roundId, person_id: editor }).execute();
    const groups = new Map<string, string>();
    for (const [index, answer] of round.answers.entries()) {
      let groupId: string | null = null;
      if (answer.group) {
        groupId = groups.get(answer.group) ?? null;
        if (!groupId) {
          const [kind, name] = answer.group.split(":");
          const theme = kind === "theme" ? await trx.selectFrom("theme").where("slug", "=", name).select("id").executeTakeFirstOrThrow() : null;
          groupId = (
            await trx
              .insertInto("round_theme")
              .values({ round_id: roundId, theme_id: theme?.id ?? null, label: theme ? null : name })
              .returning("id")
              .executeTakeFirstOrThrow()
          ).id;
          groups.set(answer.group, groupId);
        }
      }
      await trx
        .insertInto("round_contribution")
        .values({
          round_id: roundId,
          body: answer.text,
          perspective: answer.perspective,
          person_id: answer.by ? personId(answer.by) : null,
          author_name: answer.by ? null : (answer.name ?? null),
          round_theme_id: groupId,
          shapes_article: answer.shapes ?? false,
          created_at: new Date(new Date(`${round.opensOn}T09:00:00Z`).getTime() + index * 86_400_000 * 0.7),
        })
        .execute();
    }
  }
}
