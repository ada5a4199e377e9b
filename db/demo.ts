import { hashPassword } from "../app/auth/password.server";
import type { OrganisationKind, Perspective, TeamRole } from "./schema";
import { db } from "./db.server";

export const DEMO_PASSWORD = "demo-wachtwoord";
const DOMAIN = "demo.test";

type DemoPerson = { name: string; email?: string; role: TeamRole; perspective: Perspective; org: number };
type DemoCoalition = {
  slug: string;
  name: string;
  place: string;
  description: string;
  partners: [string, OrganisationKind][];
  people: DemoPerson[];
};

// The demo programme of DESIGN.md §1, in words written for the demo.
const coalitions: DemoCoalition[] = [
  {
    slug: "apeldoorn",
    name: "Apeldoorn Zuid",
    place: "Apeldoorn",
    description: "Een gezamenlijk actieteam in De Heeze: actieve bewoners die naar elkaar omkijken, samen met het welzijnswerk.",
    partners: [["Reisgenoten Zuid Doet Samen", "residents_initiative"], ["Stimenz", "welfare"]],
    people: [
      { name: "Marloes de Wit", email: "begeleider.apeldoorn", role: "facilitator", perspective: "professional", org: 1 },
      { name: "Henk Jansen", email: "lid.apeldoorn", role: "member", perspective: "resident", org: 0 },
      { name: "Fatima el Amrani", role: "member", perspective: "volunteer", org: 0 },
      { name: "Joost Hendriks", role: "member", perspective: "professional", org: 1 },
    ],
  },
  {
    slug: "horst-aan-de-maas",
    name: "Westenwind",
    place: "Horst aan de Maas",
    description: "Vijf werkplaatsen over de herinrichting van In de Riet, de Norbertuswijk en de Mussenbuurt: ontmoetingsplekken en sociale en creatieve activiteiten.",
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
  },
  {
    slug: "utrecht",
    name: "Kracht van Zuilen",
    place: "Utrecht",
    description: "Vijf oefenvijvers in Zuilen: een burennetwerk, een informatiepunt in de wijk, ontmoetingsplekken, zeggenschap van bewoners en een beweegvriendelijke buurt.",
    partners: [["Kracht van Zuilen", "residents_initiative"], ["Dock", "welfare"]],
    people: [
      { name: "Sanne Bakker", email: "begeleider.utrecht", role: "facilitator", perspective: "professional", org: 1 },
      { name: "Mohamed Yilmaz", email: "lid.utrecht", role: "member", perspective: "resident", org: 0 },
      { name: "Anneke Visser", role: "member", perspective: "volunteer", org: 0 },
      { name: "Ruud van Dam", role: "member", perspective: "volunteer", org: 0 },
      { name: "Ilse Mulder", role: "member", perspective: "professional", org: 1 },
      { name: "Kees Smit", role: "member", perspective: "resident", org: 0 },
    ],
  },
  {
    slug: "voorst",
    name: "Samen in Voorst",
    place: "Voorst (Twello)",
    description: "Ouderen wonen langer thuis: sterkere ontmoetingsplekken, een gezamenlijk overleg en een blijvend lerend netwerk.",
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
  },
  {
    slug: "wageningen",
    name: "De Nude samen",
    place: "Wageningen",
    description: "In De Nude: dagbesteding, leer- en werkplekken en plekken om werkervaring op te doen, met het buurtbedrijf en het welzijnswerk.",
    partners: [["Buurtbedrijf NuDeToekomst", "residents_initiative"], ["Solidez", "welfare"]],
    people: [
      { name: "Pieter van den Berg", email: "begeleider.wageningen", role: "facilitator", perspective: "professional", org: 1 },
      { name: "Noor Ahmadi", email: "lid.wageningen", role: "member", perspective: "resident", org: 0 },
      { name: "Daan Hoekstra", role: "member", perspective: "volunteer", org: 0 },
    ],
  },
];

function emailOf(name: string): string {
  return name.toLowerCase().normalize("NFD").replace(/[^a-z ]/g, "").trim().replace(/ +/g, ".");
}

/** True once the demo programme is in the database (its admin account exists). */
export async function demoIsSeeded(): Promise<boolean> {
  const row = await db().selectFrom("person").where("email", "=", `admin@${DOMAIN}`).select("id").executeTakeFirst();
  return Boolean(row);
}

/** Seeds the demo programme: coalitions, partners, people and the demo accounts of DESIGN.md §6. */
export async function seedDemo(): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db().transaction().execute(async (trx) => {
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
      }
    }
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
