import { beforeAll, describe, expect, it } from "vitest";
import * as reflectionRoute from "../../app/routes/teams.$team.reflections.$id._index";
import { browserRequest, callRoute, createCoalition, createPerson, sessionFor } from "../fixtures";
import { writeLesson } from "../fixtures/lessons";
import { writeReflection } from "../fixtures/reflections";

// A reflection's page lists the lessons made from it, each only for a reader who may read that lesson: a
// reflection shared with the network can be the source of a lesson kept within the coalition, and then a
// reader from elsewhere sees the reflection but not that lesson, nor any trace of it.

type Who = "author" | "teammate" | "outsider" | "funder";
let team: Awaited<ReturnType<typeof createCoalition>>;
const cookie = {} as Record<Who, string>;
let reflectionId: string;

beforeAll(async () => {
  team = await createCoalition();
  const other = await createCoalition();
  const people = {
    author: await createPerson({ team, name: "Anouk Schrijver" }),
    teammate: await createPerson({ team, name: "Teun Teamgenoot" }),
    outsider: await createPerson({ team: other, name: "Olga Elders" }),
    funder: await createPerson({ accountRole: "funder" }),
  };
  for (const [who, person] of Object.entries(people)) cookie[who as Who] = await sessionFor(person);
  reflectionId = await writeReflection(people.author.id, team.id, {
    title: "De buurtavond met de wijkagent",
    text: "Wat ons opviel aan de samenwerking.",
    visibility: "network",
  });
  await writeLesson(people.author.id, team.id, { statement: "Alleen voor ons: bel eerst de wijkagent", visibility: "team", sources: [reflectionId] });
  await writeLesson(people.teammate.id, team.id, { statement: "Voor iedereen: nodig bewoners persoonlijk uit", visibility: "network", sources: [reflectionId] });
  await writeLesson(people.teammate.id, team.id, { statement: "Een les uit iets anders", visibility: "network" });
});

async function lessonsOnPage(who: Who): Promise<string[]> {
  const response = await callRoute(reflectionRoute.loader, {
    request: browserRequest(`/teams/${team.slug}/reflections/${reflectionId}`, { cookie: cookie[who] }),
    params: { team: team.slug, id: reflectionId },
  });
  expect(response.status).toBe(200);
  const data = await response.json();
  return data.lessons.map((lesson: { statement: string }) => lesson.statement).sort();
}

describe("the lessons made from a reflection", () => {
  it("are not listed to a reader outside the coalition when the lesson is kept within it", async () => {
    expect(await lessonsOnPage("outsider")).toEqual(["Voor iedereen: nodig bewoners persoonlijk uit"]);
    expect(await lessonsOnPage("funder")).toEqual(["Voor iedereen: nodig bewoners persoonlijk uit"]);
  });

  it("are all listed to the coalition's members, and only those made from this reflection", async () => {
    const both = ["Alleen voor ons: bel eerst de wijkagent", "Voor iedereen: nodig bewoners persoonlijk uit"];
    expect(await lessonsOnPage("teammate")).toEqual(both);
    expect(await lessonsOnPage("author")).toEqual(both);
  });
});
