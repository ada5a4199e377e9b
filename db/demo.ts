import { hashPassword } from "../app/auth/password.server";
import { randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import { plainTextOf } from "../app/richtext/plain-text.server";
import { richTextFromPlainText } from "../app/richtext/from-plain-text";
import type { Database, MilestoneStatus, OrganisationKind, Perspective, TeamRole, Visibility } from "./schema";
import { db } from "./db.server";
import { seedAgreementDemo } from "./demo-agreements";
import { seedJoiningDemo } from "./demo-joining";
import { seedOpenDemo } from "./demo-open";
import { seedPublicationsDemo } from "./demo-publications";
import { DEMO_PROGRAMME_SETTING } from "../app/domain/programme/demo-programme.server";
import { seedDemoRounds } from "./demo-rounds";
import { seedDemoQuestions } from "./demo-questions";

export const DEMO_PASSWORD = "demo-wachtwoord";
const DOMAIN = "demo.test";

type DemoPerson = { name: string; email?: string; role: TeamRole; perspective: Perspective; org: number };
type DemoReflection = { by: number; title: string; text: string; on: string; visibility: Visibility; themes: string[] };
type DemoLesson = { by: number; statement: string; text: string; visibility: "team" | "network"; themes: string[]; from: number[] };
type DemoStatusChange = { to: MilestoneStatus; reason: string; at: string; newTarget?: string };
type DemoMilestone = { title: string; text: string; planned: string; visibility: "team" | "network"; owner: number; changes: DemoStatusChange[] };

// What each coalition learned and planned, keyed by slug (reflection and person numbers index the lists above).
const plans: Record<string, { lessons: DemoLesson[]; milestones: DemoMilestone[] }> = {
  apeldoorn: {
    lessons: [
      { by: 0, statement: "Laat bewoners het gesprek leiden; de professional ondersteunt.", visibility: "network", themes: ["rollen-en-eigenaarschap", "gelijkwaardigheid"], from: [0, 1],
        text: "Toen de professional een stap terug deed, namen buren het woord. Dat moesten we wel hardop afspreken." },
    ],
    milestones: [
      { title: "Actieteam De Heeze opgericht", text: "Een vaste groep van bewoners en Stimenz die elke maand samenkomt.", planned: "2026-06-01", visibility: "network", owner: 1,
        changes: [{ to: "in_progress", reason: "De groep kwam voor het eerst samen.", at: "2026-05-12" }, { to: "achieved", reason: "Twaalf vaste deelnemers, met een voorzitter uit de buurt.", at: "2026-06-20" }] },
      { title: "Maandelijkse buurtkoffie", text: "Elke eerste maandag koffie op het pleintje.", planned: "2026-12-01", visibility: "team", owner: 0,
        changes: [{ to: "in_progress", reason: "Drie keer gehouden, de opkomst groeit.", at: "2026-10-06" }] },
      { title: "Buurtapp voor De Heeze", text: "Een app-groep waarin buren hulp vragen en bieden.", planned: "2026-09-01", visibility: "team", owner: 2,
        changes: [{ to: "adjusted", reason: "Eerst vertrouwen opbouwen bij de koffie; de app volgt later.", at: "2026-08-25", newTarget: "2027-02-01" }] },
    ],
  },
  "horst-aan-de-maas": {
    lessons: [
      { by: 1, statement: "Haal eerst op wat de buurt wil, teken daarna pas.", visibility: "network", themes: ["rol-gemeente", "ontmoetingsplekken"], from: [0],
        text: "Plannen die al klaarliggen maken bewoners tot toeschouwers." },
    ],
    milestones: [
      { title: "Vijf werkplaatsen Westenwind", text: "Vijf avonden over herinrichting, ontmoeting en activiteiten.", planned: "2026-11-15", visibility: "network", owner: 0,
        changes: [{ to: "in_progress", reason: "Drie van de vijf werkplaatsen gehouden.", at: "2026-10-09" }] },
      { title: "Ontwerp speeltuin Mussenbuurt", text: "Samen met de gemeente een ontwerp dat de buurt draagt.", planned: "2026-10-01", visibility: "team", owner: 2, changes: [] },
    ],
  },
  utrecht: {
    lessons: [
      { by: 1, statement: "Begin klein en vier wat lukt.", visibility: "network", themes: ["vrijwilligers", "samen-leren"], from: [0],
        text: "Het burennetwerk groeide toen we elke nieuwe deelnemer zichtbaar welkom heetten." },
      { by: 4, statement: "Een balie met een bewoner én een professional werkt.", visibility: "team", themes: ["gelijkwaardigheid"], from: [1],
        text: "Samen achter de balie leert ieder van de ander." },
    ],
    milestones: [
      { title: "Informatiepunt in de wijk open", text: "Twee ochtenden per week open, samen bemenst.", planned: "2026-09-15", visibility: "network", owner: 4,
        changes: [{ to: "achieved", reason: "Open sinds half september.", at: "2026-09-16" }] },
      { title: "Burennetwerk van vijftig adressen", text: "Buren die naar elkaar omkijken, in de hele wijk.", planned: "2027-03-01", visibility: "team", owner: 1,
        changes: [{ to: "in_progress", reason: "Twintig adressen doen mee.", at: "2026-10-01" }] },
    ],
  },
  voorst: {
    lessons: [
      { by: 0, statement: "Een overleg blijft als de voorzitter rouleert.", visibility: "network", themes: ["financiering-en-continuiteit"], from: [1],
        text: "Niemand is eigenaar, iedereen is een keer verantwoordelijk." },
    ],
    milestones: [
      { title: "Gezamenlijk overleg ingericht", text: "Mens en Welzijn, het Trefpunt en De Benring aan één tafel.", planned: "2026-07-01", visibility: "network", owner: 0,
        changes: [{ to: "achieved", reason: "Het eerste overleg was op 2 juli.", at: "2026-07-02" }] },
      { title: "Vervoer naar het Trefpunt", text: "Ouderen die de weg niet zelf vinden, halen we op.", planned: "2026-10-01", visibility: "team", owner: 1,
        changes: [{ to: "dropped", reason: "De taxi-afspraak van de gemeente regelt dit al.", at: "2026-09-30" }] },
    ],
  },
  wageningen: {
    lessons: [
      { by: 1, statement: "Liever twee goede werkervaringsplekken dan vier halve.", visibility: "network", themes: ["plan-en-werkelijkheid"], from: [0],
        text: "Begeleiding bleek het verschil te maken, niet het aantal plekken." },
    ],
    milestones: [
      { title: "Vier werkervaringsplekken", text: "Plekken in het buurtbedrijf voor wie werkervaring zoekt.", planned: "2026-09-01", visibility: "network", owner: 1,
        changes: [{ to: "adjusted", reason: "Twee plekken met goede begeleiding in plaats van vier.", at: "2026-08-20", newTarget: "2026-12-15" }] },
    ],
  },
};

type DemoCoalition = {
  slug: string;
  name: string;
  place: string;
  description: string;
  partners: [string, OrganisationKind][];
  people: DemoPerson[];
  reflections: DemoReflection[];
};

// The demo programme of DESIGN.md §1: the coalitions and their partners are real, the descriptions are written
// for the demo, and the people, their texts and the events are made up (the pages say so: DemoNotice).
const coalitions: DemoCoalition[] = [
  {
    slug: "apeldoorn",
    name: "Apeldoorn Zuid",
    place: "Apeldoorn",
    description: "Bewoners van De Heeze en het welzijnswerk vormen samen een actieteam. Ze zorgen dat buren elkaar kennen en elkaar helpen.",
    partners: [["Reisgenoten Zuid Doet Samen", "residents_initiative"], ["Stimenz", "welfare"]],
    people: [
      { name: "Marloes de Wit", email: "begeleider.apeldoorn", role: "facilitator", perspective: "professional", org: 1 },
      { name: "Henk Jansen", email: "lid.apeldoorn", role: "member", perspective: "resident", org: 0 },
      { name: "Fatima el Amrani", role: "member", perspective: "volunteer", org: 0 },
      { name: "Joost Hendriks", role: "member", perspective: "professional", org: 1 },
    ],
    reflections: [
      { by: 1, title: "Koffie op het pleintje", on: "2026-10-06", visibility: "team", themes: ["ontmoetingsplekken", "vertrouwen"],
        text: "Zes buren kwamen langs, twee voor het eerst.\n\nWat hielp: Marloes liet ons het gesprek leiden in plaats van zelf te beginnen. Volgende keer vragen we de buurvrouw van nummer 12 om de sleutel van het buurthuis." },
      { by: 0, title: "Wie is eigenaar van het actieteam?", on: "2026-10-20", visibility: "network", themes: ["rollen-en-eigenaarschap", "gelijkwaardigheid"],
        text: "We merkten dat bewoners steeds naar de professional keken voor besluiten.\n\nWe spraken af dat de voorzitter van het actieteam een bewoner is en dat Stimenz ondersteunt. Dat uitspreken gaf lucht." },
      { by: 2, title: "Mijn eigen twijfel", on: "2026-11-03", visibility: "private", themes: ["vrijwilligers"],
        text: "Ik vraag me af of ik dit naast mijn werk kan blijven doen. Eerst zelf nadenken voordat ik het in de coalitie inbreng." },
    ],
  },
  {
    slug: "horst-aan-de-maas",
    name: "Westenwind",
    place: "Horst aan de Maas",
    description: "Drie buurten, In de Riet, de Norbertuswijk en de Mussenbuurt, denken in vijf avonden mee over hun wijk: waar ontmoeten mensen elkaar, en wat willen ze samen doen?",
    partners: [
      ["Bewonersorganisatie In de Riet", "residents_initiative"],
      ["Bewonersorganisatie Norbertuswijk", "residents_initiative"],
      ["Bewonersorganisatie Mussenbuurt", "residents_initiative"],
      ["Synthese", "welfare"],
    ],
    people: [
      { name: "Ellen Peeters", email: "begeleider.horst-aan-de-maas", role: "facilitator", perspective: "professional", org: 3 },
      { name: "Sjaak Verheijen", email: "lid.horst-aan-de-maas", role: "member", perspective: "resident", org: 0 },
      { name: "Ria Hesen", role: "member", perspective: "resident", org: 1 },
      { name: "Tom Coenders", role: "member", perspective: "volunteer", org: 2 },
      { name: "Lotte Janssen", role: "member", perspective: "professional", org: 3 },
    ],
    reflections: [
      { by: 1, title: "Werkplaats twee: de speeltuin", on: "2026-09-18", visibility: "network", themes: ["ontmoetingsplekken", "rol-gemeente"],
        text: "De tekeningen van de gemeente lagen al klaar. Bewoners voelden zich laat betrokken.\n\nWat we meenemen: eerst ophalen wat de buurt wil, dan pas tekenen." },
      { by: 0, title: "Drie wijken, één tafel", on: "2026-10-09", visibility: "team", themes: ["samen-leren", "communicatie"],
        text: "Voor het eerst zaten de drie bewonersorganisaties samen. Iedereen had een eigen verhaal over de wijk; luisteren kostte tijd maar leverde veel op." },
    ],
  },
  {
    slug: "utrecht",
    name: "Kracht van Zuilen",
    place: "Utrecht",
    description: "Bewoners en Dock proberen in Zuilen vijf dingen uit: buren die naar elkaar omkijken, een informatiepunt, plekken om elkaar te ontmoeten, meer zeggenschap voor bewoners en een buurt waar bewegen makkelijk is.",
    partners: [["Kracht van Zuilen", "residents_initiative"], ["Dock", "welfare"]],
    people: [
      { name: "Sanne Bakker", email: "begeleider.utrecht", role: "facilitator", perspective: "professional", org: 1 },
      { name: "Mohamed Yilmaz", email: "lid.utrecht", role: "member", perspective: "resident", org: 0 },
      { name: "Anneke Visser", role: "member", perspective: "volunteer", org: 0 },
      { name: "Ruud van Dam", role: "member", perspective: "volunteer", org: 0 },
      { name: "Ilse Mulder", role: "member", perspective: "professional", org: 1 },
      { name: "Kees Smit", role: "member", perspective: "resident", org: 0 },
    ],
    reflections: [
      { by: 1, title: "Het burennetwerk groeit", on: "2026-10-01", visibility: "network", themes: ["vrijwilligers", "vertrouwen"],
        text: "Twintig adressen doen nu mee. Het werkt omdat buren elkaar eerst leerden kennen bij de oefenvijver voor ontmoeting.\n\nEen les: klein beginnen en het zichtbaar vieren." },
      { by: 4, title: "Informatiepunt: wie staat achter de balie?", on: "2026-10-27", visibility: "team", themes: ["rollen-en-eigenaarschap", "gelijkwaardigheid"],
        text: "Dock wilde de balie bemensen, bewoners ook. We proberen het nu samen: steeds één bewoner en één professional." },
    ],
  },
  {
    slug: "voorst",
    name: "Samen in Voorst",
    place: "Voorst (Twello)",
    description: "Ouderen in Twello willen lang thuis blijven wonen. Het welzijnswerk, het Trefpunt en De Benring maken daarom de plekken om elkaar te ontmoeten sterker, overleggen vast met elkaar en blijven samen leren.",
    partners: [
      ["Mens en Welzijn Voorst", "welfare"],
      ["Stichting Duistervoorde (Trefpunt)", "residents_initiative"],
      ["Woonzorgcoöperatie De Benring", "residents_initiative"],
    ],
    people: [
      { name: "Gerda Wolters", email: "begeleider.voorst", role: "facilitator", perspective: "professional", org: 0 },
      { name: "Bert Lubbers", email: "lid.voorst", role: "member", perspective: "volunteer", org: 1 },
      { name: "Jannie Klein Koerkamp", role: "member", perspective: "resident", org: 2 },
      { name: "Wim Haverkamp", role: "member", perspective: "volunteer", org: 2 },
    ],
    reflections: [
      { by: 1, title: "Het Trefpunt op dinsdag", on: "2026-09-30", visibility: "team", themes: ["ontmoetingsplekken"],
        text: "Ouderen die thuis wonen vinden de weg naar het Trefpunt als iemand ze de eerste keer ophaalt. De taxi-afspraak werkt beter dan een folder." },
      { by: 0, title: "Een overleg dat blijft", on: "2026-11-10", visibility: "network", themes: ["financiering-en-continuiteit", "samen-leren"],
        text: "We willen dat het gezamenlijke overleg ook na de subsidie doorgaat. Daarom rouleert de voorzitter en schrijven we na elk overleg kort op wat we afspraken, zodat iedereen het kan lezen." },
    ],
  },
  {
    slug: "wageningen",
    name: "De Nude samen",
    place: "Wageningen",
    description: "In De Nude werken het buurtbedrijf en het welzijnswerk samen aan dagbesteding en aan plekken waar mensen leren en werkervaring opdoen.",
    partners: [["Buurtbedrijf NuDeToekomst", "residents_initiative"], ["Solidez", "welfare"]],
    people: [
      { name: "Pieter van den Berg", email: "begeleider.wageningen", role: "facilitator", perspective: "professional", org: 1 },
      { name: "Noor Ahmadi", email: "lid.wageningen", role: "member", perspective: "resident", org: 0 },
      { name: "Daan Hoekstra", role: "member", perspective: "volunteer", org: 0 },
    ],
    reflections: [
      { by: 1, title: "Werkervaring in de buurt", on: "2026-10-15", visibility: "network", themes: ["plan-en-werkelijkheid", "vrijwilligers"],
        text: "Het plan was vier werkervaringsplekken. Het zijn er twee geworden, maar ze lopen goed.\n\nWe passen het plan aan: liever twee plekken met goede begeleiding." },
      { by: 0, title: "Samen begroten", on: "2026-11-12", visibility: "team", themes: ["financiering-en-continuiteit", "vertrouwen"],
        text: "Voor het eerst maakten het buurtbedrijf en Solidez samen de begroting. Open over geld praten bleek spannend, en nodig." },
    ],
  },
];

const methodsInTurn = ["incidentmethode", "roddelmethode", "balintmethode", "probleemoplossingsmethode", "socratisch-gesprek"];

/**
 * One intervision session each coalition held (its facilitator, two members who came, notes of the first
 * phase, a take-away and an evaluation), and in Apeldoorn one still being planned with an open poll.
 */
async function seedSessions(trx: Transaction<Database>, coalitionId: string, slug: string, people: string[]) {
  const index = coalitions.findIndex((c) => c.slug === slug);
  const startsAt = new Date(Date.UTC(2026, 9, 6 + index * 3, 17, 30));
  const takeaway = richTextFromPlainText("Ik vraag eerder om hulp, in plaats van het alleen op te lossen.");
  const { id } = await trx
    .insertInto("intervision_session")
    .values({
      coalition_id: coalitionId,
      title: "Intervisie over samenwerken in de wijk",
      method: methodsInTurn[index % methodsInTurn.length],
      place: "Buurthuis",
      facilitator_id: people[0],
      case_bringer_id: people[1],
      status: "confirmed",
      starts_at: startsAt,
      ends_at: new Date(startsAt.getTime() + 90 * 60_000),
      ical_uid: `${randomUUID()}@leernetwerk`,
      takeaway: JSON.stringify(takeaway),
      takeaway_text: plainTextOf(takeaway),
      updated_at: startsAt,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await trx
    .insertInto("session_invitee")
    .values([1, 2].map((n) => ({ session_id: id, person_id: people[n], rsvp: "yes" as const, volunteers_case: n === 1 })))
    .execute();
  const note = richTextFromPlainText("De inbrenger vertelde over een avond waarop niemand de sleutel had. Iedereen herkende het.");
  await trx
    .insertInto("session_note")
    .values({ session_id: id, phase: 0, body: JSON.stringify(note), body_text: plainTextOf(note), updated_by: people[0], updated_at: startsAt })
    .execute();
  await trx
    .insertInto("session_evaluation")
    .values({ session_id: id, person_id: people[1], score: 4, comment: "Fijn om te merken dat anderen dit ook kennen.", updated_at: startsAt })
    .execute();
  if (slug !== "apeldoorn") return;
  const { id: planned } = await trx
    .insertInto("intervision_session")
    .values({
      coalition_id: coalitionId,
      title: "Intervisie in januari",
      method: "roddelmethode",
      place: "Buurthuis De Heeze",
      facilitator_id: people[0],
      ical_uid: `${randomUUID()}@leernetwerk`,
      updated_at: new Date(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await trx.insertInto("session_invitee").values([1, 2, 3].map((n) => ({ session_id: planned, person_id: people[n] }))).execute();
  await trx
    .insertInto("session_slot")
    .values([
      { session_id: planned, starts_at: new Date("2027-01-12T18:30:00Z"), ends_at: new Date("2027-01-12T20:00:00Z") },
      { session_id: planned, starts_at: new Date("2027-01-14T09:00:00Z"), ends_at: new Date("2027-01-14T10:30:00Z") },
    ])
    .execute();
}

/** A demo lesson is written the day after the last reflection it comes from. */
/**
 * Voorst's public evening presenting two years of working together: a programme, a buffet question and a
 * field for dietary needs, open for registration (times in Europe/Amsterdam, winter time: UTC+1).
 */
async function seedEvent(trx: Transaction<Database>, coalitionId: string, facilitatorId: string) {
  const at = (time: string) => new Date(`2027-01-21T${time}:00+01:00`);
  const description = richTextFromPlainText(
    "Twee jaar lang werkten bewoners, vrijwilligers en professionals in Twello samen aan de Trefpunt-ochtenden. " +
      "We vertellen wat we leerden, wat schuurde en wat we meenemen. Iedereen uit andere dorpen en wijken is welkom om te komen kijken.",
  );
  const { id } = await trx
    .insertInto("event")
    .values({
      coalition_id: coalitionId,
      slug: "twee-jaar-samen-in-twello",
      title: "Twee jaar samen in Twello: wat we leerden",
      description: JSON.stringify(description),
      description_text: plainTextOf(description),
      place: "Dorpshuis De Dorpsstraat",
      address: "Dorpsstraat 12, 7391 DD Twello",
      starts_at: at("17:00"),
      ends_at: at("21:00"),
      capacity: 60,
      registration_deadline: new Date("2027-01-14T23:59:00+01:00"),
      audience: "public",
      asks_dietary: true,
      ical_uid: `${randomUUID()}@leernetwerk`,
      created_by: facilitatorId,
      updated_at: new Date("2026-11-20T10:00:00Z"),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const programme = [
    ["17:00", "Inloop met buffet"],
    ["17:45", "Opening door de wethouder"],
    ["18:00", "Wat we leerden: drie verhalen uit de buurt"],
    ["19:15", "In gesprek in kleine groepen"],
    ["20:00", "Borrel en napraten"],
  ];
  await trx
    .insertInto("event_programme_item")
    .values(programme.map(([time, title], position) => ({ event_id: id, position, starts_at: at(time), title })))
    .execute();
  await trx.insertInto("event_question").values({ event_id: id, position: 0, label: "Ik eet mee van het buffet" }).execute();
}

function lessonDate(reflections: DemoReflection[], from: number[]): string {
  const last = from.map((n) => reflections[n].on).sort().at(-1)!;
  return new Date(Date.parse(`${last}T19:00:00Z`) + 864e5).toISOString();
}

function emailOf(name: string): string {
  return name.toLowerCase().normalize("NFD").replace(/[^a-z ]/g, "").trim().replace(/ +/g, ".");
}

/** True once the demo programme is in the database (its admin account exists). */
export async function demoIsSeeded(): Promise<boolean> {
  const row = await db().selectFrom("person").where("email", "=", `admin@${DOMAIN}`).select("id").executeTakeFirst();
  return Boolean(row);
}

/**
 * Marks the database as the demo programme, so its pages say that the people and events are made up (the
 * coalitions are real). Safe to call again; seed-demo.ts calls it for a demo seeded before the mark existed.
 */
export async function markDemoProgramme(trx: Transaction<Database> | ReturnType<typeof db> = db()): Promise<void> {
  await trx
    .insertInto("installation_setting")
    .values({ name: DEMO_PROGRAMME_SETTING, value: JSON.stringify(true) })
    .onConflict((oc) => oc.column("name").doNothing())
    .execute();
}

/** Seeds the demo programme: coalitions, partners, people and the demo accounts of DESIGN.md §6. */
export async function seedDemo(): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db().transaction().execute(async (trx) => {
    await markDemoProgramme(trx);
    await trx
      .insertInto("person")
      .values([
        { email: `admin@${DOMAIN}`, name: "Beheerder Leernetwerk", password_hash: passwordHash, account_role: "admin" },
        { email: `programma@${DOMAIN}`, name: "Yvonne Programmamedewerker", password_hash: passwordHash, account_role: "funder" },
      ])
      .execute();
    for (const coalition of coalitions) {
      const { id: coalitionId } = await trx
        .insertInto("coalition")
        .values({ slug: coalition.slug, name: coalition.name, place: coalition.place, description: coalition.description })
        .returning("id")
        .executeTakeFirstOrThrow();
      const organisations = await trx
        .insertInto("organisation")
        .values(coalition.partners.map(([name, kind], position) => ({ coalition_id: coalitionId, name, kind, position })))
        .returning("id")
        .execute();
      const personIds: string[] = [];
      const reflectionIds: string[] = [];
      for (const person of coalition.people) {
        const { id: personId } = await trx
          .insertInto("person")
          .values({ email: `${person.email ?? emailOf(person.name)}@${DOMAIN}`, name: person.name, password_hash: passwordHash })
          .returning("id")
          .executeTakeFirstOrThrow();
        await trx
          .insertInto("membership")
          .values({
            coalition_id: coalitionId,
            person_id: personId,
            role: person.role,
            perspective: person.perspective,
            organisation_id: organisations[person.org].id,
          })
          .execute();
        personIds.push(personId);
      }
      for (const reflection of coalition.reflections) {
        const body = richTextFromPlainText(reflection.text);
        const { id } = await trx
          .insertInto("reflection")
          .values({
            coalition_id: coalitionId,
            author_id: personIds[reflection.by],
            title: reflection.title,
            body: JSON.stringify(body),
            body_text: plainTextOf(body),
            happened_on: reflection.on,
            visibility: reflection.visibility,
            created_at: `${reflection.on}T19:00:00Z`,
            updated_at: `${reflection.on}T19:00:00Z`,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        const themes = await trx.selectFrom("theme").where("slug", "in", reflection.themes).select("id").execute();
        await trx.insertInto("reflection_theme").values(themes.map((t) => ({ reflection_id: id, theme_id: t.id }))).execute();
        reflectionIds.push(id);
      }
      for (const lesson of plans[coalition.slug]?.lessons ?? []) {
        const explanation = richTextFromPlainText(lesson.text);
        const { id } = await trx
          .insertInto("lesson")
          .values({
            coalition_id: coalitionId,
            author_id: personIds[lesson.by],
            statement: lesson.statement,
            explanation: JSON.stringify(explanation),
            explanation_text: plainTextOf(explanation),
            visibility: lesson.visibility,
            created_at: lessonDate(coalition.reflections, lesson.from),
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        const themes = await trx.selectFrom("theme").where("slug", "in", lesson.themes).select("id").execute();
        await trx.insertInto("lesson_theme").values(themes.map((t) => ({ lesson_id: id, theme_id: t.id }))).execute();
        await trx
          .insertInto("lesson_reflection")
          .values(lesson.from.map((n) => ({ lesson_id: id, reflection_id: reflectionIds[n] })))
          .execute();
      }
      await seedSessions(trx, coalitionId, coalition.slug, personIds);
      if (coalition.slug === "voorst") await seedEvent(trx, coalitionId, personIds[0]);
      for (const milestone of plans[coalition.slug]?.milestones ?? []) {
        const description = richTextFromPlainText(milestone.text);
        const last = milestone.changes.at(-1);
        const target = [...milestone.changes].reverse().find((c) => c.newTarget)?.newTarget ?? milestone.planned;
        const { id } = await trx
          .insertInto("milestone")
          .values({
            coalition_id: coalitionId,
            created_by: personIds[0],
            owner_id: personIds[milestone.owner],
            title: milestone.title,
            description: JSON.stringify(description),
            description_text: plainTextOf(description),
            planned_date: milestone.planned,
            target_date: target,
            status: last?.to ?? "planned",
            visibility: milestone.visibility,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        let status: MilestoneStatus = "planned";
        let currentTarget = milestone.planned;
        const history = [
          { from_status: null, to_status: "planned" as const, reason: "Opgenomen in het plan van aanpak.", changed_at: "2026-04-01T10:00:00Z" },
          ...milestone.changes.map((change) => {
            const entry = {
              from_status: status,
              to_status: change.to,
              reason: change.reason,
              previous_target_date: change.newTarget ? currentTarget : null,
              new_target_date: change.newTarget ?? null,
              changed_at: `${change.at}T10:00:00Z`,
            };
            status = change.to;
            currentTarget = change.newTarget ?? currentTarget;
            return entry;
          }),
        ];
        await trx
          .insertInto("milestone_status_change")
          .values(history.map((entry) => ({ ...entry, milestone_id: id, changed_by: personIds[milestone.owner] })))
          .execute();
      }
    }
    await seedDemoRounds(trx);
    await seedAgreementDemo(trx, DOMAIN);
    await seedJoiningDemo(trx);
    await seedOpenDemo(trx);
    await seedDemoQuestions(trx);
    await seedPublicationsDemo(trx);
  });
}

/** The accounts to print at start-up: one per role and team. */
export function demoLogins(): string[] {
  return [
    `admin@${DOMAIN}`,
    `programma@${DOMAIN}`,
    ...coalitions.flatMap((c) => [`begeleider.${c.slug}@${DOMAIN}`, `lid.${c.slug}@${DOMAIN}`]),
  ];
}
