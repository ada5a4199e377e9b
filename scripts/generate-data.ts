import { randomUUID } from "node:crypto";
import { sql, type Transaction } from "kysely";
import { connect, migrateToLatest } from "../db/db.server";
import type { Database, MilestoneStatus, Visibility } from "../db/schema";
import { perspectives } from "../app/domain/vocabulary";
import { hashPassword } from "../app/auth/password.server";
import { richTextFromPlainText } from "../app/richtext/from-plain-text";

// The data set of DESIGN.md §7 for measuring (`npm run data:generate`): 5 coalitions, 60 people,
// 20,000 reflections, 3,000 lessons, 600 sessions and 300 milestones with Dutch text, on the database
// of DATABASE_URL (or the PGlite of PGLITE_DIR). Refuses a database that already holds coalitions
// unless --force is given (then the set is added beside what is there, with its own slugs and e-mails).
//
// Everyone's password is BENCH_PASSWORD; the funder is financier@<suffix>.bench.example.

export const BENCH_PASSWORD = "een-lang-benchwachtwoord";
const COUNTS = { coalitions: 5, people: 60, reflections: 20_000, lessons: 3_000, sessions: 600, milestones: 300 };
const BATCH = 1_000;
const DAY = 864e5;

// A seeded random source, so two runs give the same text and spread.
let seed = 20_261_130;
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
function weighted<T>(list: readonly T[], weights: readonly number[]): T {
  const total = weights.reduce((a, b) => a + b, 0);
  let r = random() * total;
  for (let i = 0; i < list.length; i++) {
    r -= weights[i];
    if (r < 0) return list[i];
  }
  return list[list.length - 1];
}
function some<T>(list: readonly T[], count: number, weights?: readonly number[]): T[] {
  const chosen = new Set<T>();
  while (chosen.size < Math.min(count, list.length)) chosen.add(weights ? weighted(list, weights) : pick(list));
  return [...chosen];
}
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

// Word lists and sentence templates: Dutch, so that the `dutch` text search configuration has real stems.
const places = ["het buurthuis", "de bibliotheek", "het wijkcentrum", "de moestuin", "het speelplein", "de kerkzaal", "het café op de hoek", "de school", "het park", "de huiskamer van de buurt"];
const groups = ["de bewoners", "de vrijwilligers", "de jongeren", "de ouderen", "de buurtwerkers", "de ambtenaren", "de nieuwe buren", "de ouders van de school", "het bewonerscomité", "de mantelzorgers"];
const subjects = ["de samenwerking", "het vertrouwen", "de communicatie", "de subsidie", "de planning", "de taakverdeling", "de buurtavond", "het koffie-uurtje", "de wijkschouw", "het overleg met de gemeente", "de nieuwsbrief", "de inloop"];
const verbs = ["versterkte", "verbeterde", "vertraagde", "veranderde", "bemoeilijkte", "verduidelijkte", "verrijkte", "stimuleerde"];
const feelings = ["voelden zich gehoord", "waren teleurgesteld", "raakten enthousiast", "twijfelden", "namen het initiatief", "bleven weg", "vroegen om duidelijkheid", "boden spontaan hulp aan"];
const moments = ["Tijdens de bijeenkomst", "Vorige week", "Na het overleg", "Bij de start van het project", "Op de buurtavond", "In de werkgroep", "Na de zomer", "Tijdens het koffiedrinken"];
const insights = [
  "samenwerking vraagt om tijd en geduld",
  "vertrouwen groeit als je afspraken nakomt",
  "vrijwilligers willen serieus genomen worden",
  "de gemeente luistert beter als bewoners samen optrekken",
  "een vaste ontmoetingsplek maakt het verschil",
  "kleine successen vieren houdt mensen betrokken",
  "duidelijke rollen voorkomen misverstanden",
  "professionals moeten vaker loslaten",
  "financiering voor één jaar is te kort om iets op te bouwen",
  "bewoners weten zelf het beste wat de wijk nodig heeft",
];
const templates: (() => string)[] = [
  () => `${pick(moments)} merkten we dat ${pick(groups)} ${pick(feelings)}.`,
  () => `${capital(pick(subjects))} ${pick(verbs)} de sfeer in ${pick(places)}.`,
  () => `We leerden dat ${pick(insights)}.`,
  () => `${capital(pick(groups))} en ${pick(groups)} spraken af om ${pick(subjects)} samen op te pakken.`,
  () => `In ${pick(places)} kwamen meer mensen dan verwacht, want ${pick(insights)}.`,
  () => `De gemeente vroeg om een plan voor ${pick(subjects)}, maar ${pick(groups)} ${pick(feelings)}.`,
  () => `Het was lastig om ${pick(groups)} te bereiken; ${pick(subjects)} ${pick(verbs)} dat.`,
  () => `Volgende keer willen we ${pick(subjects)} eerder bespreken met ${pick(groups)}.`,
];
const sentence = () => pick(templates)();
const paragraph = () => Array.from({ length: between(2, 4) }, sentence).join(" ");
const text = (paragraphs: number) => Array.from({ length: paragraphs }, paragraph).join("\n\n");
const title = () =>
  pick([
    () => `${capital(pick(subjects))} in ${pick(places)}`,
    () => `${capital(pick(groups))} over ${pick(subjects)}`,
    () => `Wat ${pick(subjects)} ons leerde`,
    () => `${pick(moments)}: ${pick(subjects)}`,
  ])();

const coalitionNames = [
  ["Samen Oost", "Amsterdam"],
  ["Buurtkracht Zuid", "Rotterdam"],
  ["De Verbinding", "Utrecht"],
  ["Wijk in Beweging", "Eindhoven"],
  ["Noorderlicht", "Groningen"],
] as const;
const firstNames = ["Anouk", "Bram", "Chantal", "Daan", "Esra", "Fatima", "Gert", "Hanna", "Ibrahim", "Joost", "Kim", "Lotte", "Mohamed", "Noor", "Otto", "Priya", "Ruben", "Sanne", "Tim", "Yara"];
const lastNames = ["de Vries", "Jansen", "Bakker", "El Amrani", "Visser", "Smit", "Yilmaz", "de Boer", "Mulder", "Peters", "Bos", "Hendriks"];

type Trx = Transaction<Database>;

async function insertInBatches(trx: Trx, table: keyof Database, rows: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    await trx.insertInto(table).values(rows.slice(i, i + BATCH) as never).execute();
  }
}

async function main() {
  const force = process.argv.includes("--force");
  const started = performance.now();
  const db = connect();
  await migrateToLatest(db);
  const { n } = await db.selectFrom("coalition").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
  if (Number(n) > 0 && !force) {
    console.error(`The database already holds ${n} coalitions; refusing to add the data set. Use --force to add it anyway.`);
    await db.destroy();
    process.exit(1);
  }
  const suffix = Number(n) > 0 ? `-${randomUUID().slice(0, 6)}` : "";
  const themes = await db.selectFrom("theme").select("id").orderBy("position").execute();
  // Uneven: the first themes are used far more than the last.
  const themeWeights = themes.map((_, i) => 1 / (i + 1));
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const now = Date.now();
  const dayInPast = () => new Date(now - random() * 730 * DAY);
  const counts: Record<string, number> = {};

  await db.transaction().execute(async (trx) => {
    // Coalitions, each with three partners.
    const coalitions = coalitionNames.map(([name, place], i) => ({
      id: randomUUID(),
      slug: `${name.toLowerCase().replace(/\s+/g, "-")}${suffix}`,
      name,
      place,
      description: `Coalitie ${i + 1} van het programma: ${pick(insights)}.`,
    }));
    await trx.insertInto("coalition").values(coalitions).execute();
    const organisations = coalitions.flatMap((c) =>
      (["residents_initiative", "welfare", "municipality"] as const).map((kind, position) => ({
        id: randomUUID(),
        coalition_id: c.id,
        kind,
        position,
        name: { residents_initiative: `Bewonersinitiatief ${c.place}`, welfare: `Welzijn ${c.place}`, municipality: `Gemeente ${c.place}` }[kind],
      })),
    );
    await trx.insertInto("organisation").values(organisations).execute();

    // People: one funder, one admin, 58 participants; the participants spread over the coalitions,
    // the first two of each its facilitators, and a few in a second coalition too.
    const people = Array.from({ length: COUNTS.people }, (_, i) => ({
      id: randomUUID(),
      email: i === 0 ? `financier${suffix}@bench.example` : i === 1 ? `beheer${suffix}@bench.example` : `deelnemer${i}${suffix}@bench.example`,
      name: `${firstNames[i % firstNames.length]} ${lastNames[(i * 7) % lastNames.length]}`,
      password_hash: passwordHash,
      account_role: i === 0 ? ("funder" as const) : i === 1 ? ("admin" as const) : ("participant" as const),
    }));
    await trx.insertInto("person").values(people).execute();
    const participants = people.slice(2);
    const membersOf = new Map<string, string[]>(coalitions.map((c) => [c.id, []]));
    const facilitatorsOf = new Map<string, string[]>(coalitions.map((c) => [c.id, []]));
    const memberships: Record<string, unknown>[] = [];
    const addMember = (coalitionIndex: number, personId: string, facilitator: boolean) => {
      const c = coalitions[coalitionIndex];
      membersOf.get(c.id)!.push(personId);
      if (facilitator) facilitatorsOf.get(c.id)!.push(personId);
      const perspective = weighted([...perspectives], [5, 3, 2, 1, 1]);
      const orgKind = perspective === "resident" ? 0 : perspective === "volunteer" ? pick([0, 1]) : pick([1, 2]);
      memberships.push({
        coalition_id: c.id,
        person_id: personId,
        role: facilitator ? "facilitator" : "member",
        perspective,
        organisation_id: organisations[coalitionIndex * 3 + orgKind].id,
      });
    };
    participants.forEach((p, i) => addMember(i % coalitions.length, p.id, i < 2 * coalitions.length));
    for (let i = participants.length - 5; i < participants.length; i++) {
      addMember((i + 1) % coalitions.length, participants[i].id, false);
    }
    await trx.insertInto("membership").values(memberships as never).execute();
    counts.coalitions = coalitions.length;
    counts.organisations = organisations.length;
    counts.people = people.length;
    counts.memberships = memberships.length;

    const coalitionWeights = [30, 25, 20, 15, 10];
    const visibilities: Visibility[] = ["private", "team", "network"];

    // Reflections with 1–3 themes.
    const reflections: Record<string, unknown>[] = [];
    const reflectionThemes: Record<string, unknown>[] = [];
    const reflectionsOf = new Map<string, string[]>(coalitions.map((c) => [c.id, []]));
    for (let i = 0; i < COUNTS.reflections; i++) {
      const c = weighted(coalitions, coalitionWeights);
      const happened = dayInPast();
      const created = new Date(Math.min(now, happened.getTime() + random() * 3 * DAY));
      const body = text(between(1, 3));
      const id = randomUUID();
      reflections.push({
        id,
        coalition_id: c.id,
        author_id: pick(membersOf.get(c.id)!),
        title: title(),
        body: JSON.stringify(richTextFromPlainText(body)),
        body_text: body,
        happened_on: isoDay(happened),
        visibility: weighted(visibilities, [20, 50, 30]),
        created_at: created,
        updated_at: created,
      });
      reflectionsOf.get(c.id)!.push(id);
      for (const t of some(themes, between(1, 3), themeWeights)) reflectionThemes.push({ reflection_id: id, theme_id: t.id });
    }
    await insertInBatches(trx, "reflection", reflections);
    await insertInBatches(trx, "reflection_theme", reflectionThemes);
    counts.reflections = reflections.length;
    counts.reflection_themes = reflectionThemes.length;

    // Lessons (team or network), with themes and links to reflections of their coalition.
    const lessons: Record<string, unknown>[] = [];
    const lessonThemes: Record<string, unknown>[] = [];
    const lessonReflections: Record<string, unknown>[] = [];
    for (let i = 0; i < COUNTS.lessons; i++) {
      const c = weighted(coalitions, coalitionWeights);
      const created = dayInPast();
      const explanation = text(between(1, 2));
      const id = randomUUID();
      lessons.push({
        id,
        coalition_id: c.id,
        author_id: pick(membersOf.get(c.id)!),
        statement: capital(`${pick(insights)}.`),
        explanation: JSON.stringify(richTextFromPlainText(explanation)),
        explanation_text: explanation,
        visibility: weighted(["team", "network"], [60, 40]),
        created_at: created,
        updated_at: created,
      });
      for (const t of some(themes, between(1, 3), themeWeights)) lessonThemes.push({ lesson_id: id, theme_id: t.id });
      for (const r of some(reflectionsOf.get(c.id)!, between(0, 3))) lessonReflections.push({ lesson_id: id, reflection_id: r });
    }
    await insertInBatches(trx, "lesson", lessons);
    await insertInBatches(trx, "lesson_theme", lessonThemes);
    await insertInBatches(trx, "lesson_reflection", lessonReflections);
    counts.lessons = lessons.length;
    counts.lesson_themes = lessonThemes.length;
    counts.lesson_reflections = lessonReflections.length;

    // Confirmed intervision sessions with invitees (most in the past, some ahead).
    const methods = ["incidentmethode", "roddelmethode", "balintmethode", "probleemoplossingsmethode", "socratisch-gesprek"];
    const sessions: Record<string, unknown>[] = [];
    const invitees: Record<string, unknown>[] = [];
    for (let i = 0; i < COUNTS.sessions; i++) {
      const c = coalitions[i % coalitions.length];
      const startsAt = new Date(Math.floor((now - 700 * DAY + random() * 760 * DAY) / 36e5) * 36e5);
      const id = randomUUID();
      const members = membersOf.get(c.id)!;
      const facilitator = pick(facilitatorsOf.get(c.id)!);
      const invited = some(members.filter((m) => m !== facilitator), between(3, 6));
      sessions.push({
        id,
        coalition_id: c.id,
        title: `Intervisie: ${pick(subjects)}`,
        method: pick(methods),
        place: capital(pick(places)),
        facilitator_id: facilitator,
        case_bringer_id: invited[0],
        status: "confirmed",
        starts_at: startsAt,
        ends_at: new Date(startsAt.getTime() + 2 * 36e5),
        ical_uid: `${id}@bench.leernetwerk`,
        created_at: new Date(startsAt.getTime() - 14 * DAY),
        updated_at: new Date(startsAt.getTime() - 14 * DAY),
      });
      for (const person of [facilitator, ...invited]) {
        invitees.push({ session_id: id, person_id: person, rsvp: weighted(["yes", "no", "pending"], [7, 2, 1]), volunteers_case: person === invited[0] });
      }
    }
    await insertInBatches(trx, "intervision_session", sessions);
    await insertInBatches(trx, "session_invitee", invitees);
    counts.sessions = sessions.length;
    counts.session_invitees = invitees.length;

    // Milestones with a status history (append-only: every row is a change, oldest first).
    const milestones: Record<string, unknown>[] = [];
    const changes: Record<string, unknown>[] = [];
    for (let i = 0; i < COUNTS.milestones; i++) {
      const c = coalitions[i % coalitions.length];
      const created = new Date(now - (200 + random() * 530) * DAY);
      const planned = new Date(created.getTime() + between(30, 300) * DAY);
      let target = planned;
      const author = pick(facilitatorsOf.get(c.id)!);
      const id = randomUUID();
      const path: MilestoneStatus[] = weighted(
        [["planned"], ["planned", "in_progress"], ["planned", "in_progress", "achieved"], ["planned", "adjusted", "in_progress"], ["planned", "in_progress", "adjusted", "achieved"], ["planned", "dropped"]] as MilestoneStatus[][],
        [2, 3, 4, 2, 2, 1],
      );
      let at = created;
      path.forEach((status, step) => {
        const previous = target;
        if (status === "adjusted") target = new Date(target.getTime() + between(30, 120) * DAY);
        changes.push({
          milestone_id: id,
          from_status: step === 0 ? null : path[step - 1],
          to_status: status,
          reason: step === 0 ? "Opgenomen in het plan." : `${capital(pick(insights))}.`,
          previous_target_date: status === "adjusted" ? isoDay(previous) : null,
          new_target_date: status === "adjusted" ? isoDay(target) : null,
          changed_by: author,
          changed_at: at,
        });
        at = new Date(Math.min(now, at.getTime() + between(10, 90) * DAY));
      });
      const description = text(1);
      milestones.push({
        id,
        coalition_id: c.id,
        created_by: author,
        owner_id: pick(membersOf.get(c.id)!),
        title: capital(`${pick(subjects)} in ${pick(places)}`),
        description: JSON.stringify(richTextFromPlainText(description)),
        description_text: description,
        planned_date: isoDay(planned),
        target_date: isoDay(target),
        status: path[path.length - 1],
        visibility: weighted(["team", "network"], [50, 50]),
        created_at: created,
        updated_at: at,
      });
    }
    await insertInBatches(trx, "milestone", milestones);
    await insertInBatches(trx, "milestone_status_change", changes);
    counts.milestones = milestones.length;
    counts.milestone_status_changes = changes.length;
  });
  // As autovacuum would after this many inserts: statistics for the planner and a visibility map for index-only scans.
  await sql`vacuum analyze`.execute(db);
  await db.destroy();

  const seconds = (performance.now() - started) / 1000;
  console.log(`Generated on ${process.env.DATABASE_URL ? "PostgreSQL" : `PGlite (${process.env.PGLITE_DIR || ".data/pglite"})`}:`);
  for (const [table, count] of Object.entries(counts)) console.log(`  ${table.padEnd(26)} ${String(count).padStart(7)}`);
  console.log(`Done in ${seconds.toFixed(1)} s. Funder: financier${suffix}@bench.example, password ${BENCH_PASSWORD}.`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
