import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../db/db.server";
import { seedDemo } from "../../db/demo";
import { network as en } from "../../app/i18n/en/network";
import { network as nl } from "../../app/i18n/nl/network";
import * as searchRoute from "../../app/routes/network.search";
import { browserRequest, callRoute, sessionFor } from "../fixtures";

// A hint that shows an example promises that it works: every ‘quoted’ example in the search hints of both
// languages, searched by the funder in the demo programme, finds something.

let cookie: string;

beforeAll(async () => {
  await seedDemo();
  const funder = await db().selectFrom("person").where("email", "=", "programma@demo.test").select("id").executeTakeFirstOrThrow();
  cookie = await sessionFor(funder);
});

async function search(q: string) {
  const response = await callRoute(searchRoute.loader, {
    request: browserRequest(`/network/search?q=${encodeURIComponent(q)}`, { cookie }),
  });
  expect(response.status).toBe(200);
  return (await response.json()).results as { total: number; items: { title: string; themes: { slug: string }[] }[] };
}

const hintKeys = (dictionary: Record<string, string>) => Object.keys(dictionary).filter((key) => key.includes(".hint"));
const dictionaries: Record<string, string>[] = [nl, en];
const examples = [...new Set(dictionaries.flatMap((dictionary) =>
  hintKeys(dictionary).flatMap((key) => [...dictionary[key].matchAll(/‘([^’]+)’/g)].map((match) => match[1])),
))];

describe("the search hints' examples", () => {
  it("are there to test", () => {
    expect(examples.length).toBeGreaterThanOrEqual(3);
  });

  it.each(examples)("‘%s’ finds something in the demo", async (example) => {
    expect((await search(example)).total).toBeGreaterThan(0);
  });

  it("finds what carries the theme Vrijwilligers by the theme's name, and by the beginning of a word", async () => {
    for (const q of ["vrijwilligers", "vrijwillig", "Volunteers"]) {
      const results = await search(q);
      expect(results.items.filter((item) => item.themes.some((theme) => theme.slug === "vrijwilligers")).length).toBeGreaterThanOrEqual(2);
    }
  });

});
