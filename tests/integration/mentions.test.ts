import { sql } from "kysely";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "../../db/db.server";
import type { Visibility } from "../../db/schema";
import * as mentionsApi from "../../app/routes/api.mentions";
import * as lessonNewRoute from "../../app/routes/teams.$team.lessons.new";
import * as reflectionRoute from "../../app/routes/teams.$team.reflections.$id._index";
import * as editRoute from "../../app/routes/teams.$team.reflections.$id.edit";
import * as newRoute from "../../app/routes/teams.$team.reflections.new";
import { browserRequest, callRoute, createCoalition, createPerson, sessionFor } from "../fixtures";
import { writeReflection } from "../fixtures/reflections";

// @mentions follow the visibility rule (DESIGN.md §3, §10): the suggestions list only people who can read the
// item, and a mention of anyone else is refused on saving, however it was sent. The wrong account tries first.
// Who was told is read from the notifications themselves (notify() is tested in notifications.test.ts): the
// mentions made since the last clearNotified(), one entry per item and writer.
let notifiedSince = new Date(0);

type Who = "author" | "teammate" | "facilitator" | "otherMember" | "funder" | "admin";
type Person = { id: string; name: string };
let team: Awaited<ReturnType<typeof createCoalition>>;
const people = {} as Record<Who, Person>;
const cookie = {} as Record<Who, string>;

beforeAll(async () => {
  team = await createCoalition();
  const other = await createCoalition();
  const make = async (who: Who, input: Parameters<typeof createPerson>[0]) => {
    people[who] = await createPerson({ ...input, name: `Vermeld ${who}` });
    cookie[who] = await sessionFor(people[who]);
  };
  await make("author", { team, role: "member" });
  await make("teammate", { team, role: "member" });
  await make("facilitator", { team, role: "facilitator" });
  await make("otherMember", { team: other, role: "member" });
  await make("funder", { accountRole: "funder" });
  await make("admin", { accountRole: "admin" });
});

beforeEach(clearNotified);

function mentionNode(person: Person) {
  return { type: "mention", personId: person.id, text: `@${person.name}`, format: 0, detail: 0, mode: "token", style: "", version: 1 };
}
function bodyMentioning(...mentioned: Person[]) {
  const children = [{ type: "text", text: "Dank aan ", format: 0, detail: 0, mode: "normal", style: "", version: 1 }, ...mentioned.map(mentionNode)];
  return JSON.stringify({ root: { type: "root", children: [{ type: "paragraph", children }] } });
}

async function suggested(who: Who, params: Record<string, string>): Promise<string[] | number> {
  const response = await callRoute(mentionsApi.loader, {
    request: browserRequest(`/api/mentions?${new URLSearchParams({ team: team.slug, q: "Vermeld", ...params })}`, { cookie: cookie[who] }),
  });
  if (response.status !== 200) return response.status;
  const { people: found } = (await response.json()) as { people: Person[] };
  return found.map((person) => Object.entries(people).find(([, p]) => p.id === person.id)?.[0] ?? person.name).sort();
}

async function notified() {
  const rows = await db()
    .selectFrom("notification")
    .where("kind", "=", "mention")
    .where("created_at", ">", notifiedSince)
    .select(["recipient_id", "actor_id", "item_type", "item_id"])
    .orderBy("created_at")
    .execute();
  const told = new Map<string, { kind: "mention"; recipientIds: string[]; actorId: string | null; item: { type: string; id: string } }>();
  for (const row of rows) {
    const key = `${row.item_type} ${row.item_id} ${row.actor_id}`;
    if (!told.has(key)) told.set(key, { kind: "mention", recipientIds: [], actorId: row.actor_id, item: { type: row.item_type, id: row.item_id } });
    told.get(key)!.recipientIds.push(row.recipient_id);
  }
  return [...told.values()].map((call) => ({ ...call, recipientIds: call.recipientIds.sort() }));
}

async function clearNotified() {
  notifiedSince = (await db().selectNoFrom(sql<Date>`clock_timestamp()`.as("now")).executeTakeFirstOrThrow()).now;
}

describe("the suggestions after @", () => {
  it("for a new team reflection: the coalition, never another coalition's member, the funder, the admin or the writer", async () => {
    expect(await suggested("author", { kind: "reflection", visibility: "team" })).toEqual(["facilitator", "teammate"]);
  });

  it("for a new private reflection: nobody", async () => {
    expect(await suggested("author", { kind: "reflection", visibility: "private" })).toEqual([]);
    expect(await suggested("author", { kind: "reflection" })).toEqual([]);
  });

  it("for a new network reflection: the programme's people, not the admin", async () => {
    expect(await suggested("author", { kind: "reflection", visibility: "network" })).toEqual(["facilitator", "funder", "otherMember", "teammate"]);
  });

  it("narrow by the name typed", async () => {
    expect(await suggested("author", { kind: "reflection", visibility: "network", q: "ermeld team" })).toEqual(["teammate"]);
    expect(await suggested("author", { kind: "reflection", visibility: "network", q: "%" })).toEqual([]);
  });

  it("are not given for a new item in a coalition one is not a member of", async () => {
    expect(await suggested("otherMember", { kind: "reflection", visibility: "team" })).toBe(404);
    expect(await suggested("funder", { kind: "lesson", visibility: "team" })).toBe(404);
    expect(await suggested("admin", { kind: "reflection", visibility: "team" })).toBe(404);
  });

  it("for a saved item: only one the asker may read, with the visibility only its author may change", async () => {
    const secret = await writeReflection(people.author.id, team.id, { title: "Privé", text: "x", visibility: "private" });
    const shared = await writeReflection(people.author.id, team.id, { title: "Team", text: "x", visibility: "team" });
    expect(await suggested("teammate", { kind: "reflection", id: secret, visibility: "network" })).toBe(404);
    expect(await suggested("otherMember", { kind: "reflection", id: shared, visibility: "network" })).toBe(404);
    expect(await suggested("teammate", { kind: "reflection", id: shared, visibility: "network" })).toEqual(["author", "facilitator"]);
    expect(await suggested("author", { kind: "reflection", id: shared, visibility: "network" })).toContain("otherMember");
    expect(await suggested("author", { kind: "reflection", id: secret })).toEqual([]);
  });

  it("for a new team lesson: the coalition only", async () => {
    expect(await suggested("teammate", { kind: "lesson", visibility: "team" })).toEqual(["author", "facilitator"]);
  });
});

function reflectionForm(visibility: Visibility, body: string, extra: Record<string, string> = {}) {
  return { title: "Over de buurttafel", body, happenedOn: "2026-11-02", visibility, ...extra };
}

async function countReflections() {
  const row = await db().selectFrom("reflection").where("coalition_id", "=", team.id).select(({ fn }) => fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
  return Number(row.n);
}

describe("saving a reflection with mentions", () => {
  const create = (who: Who, form: Record<string, string>) =>
    callRoute(newRoute.action, { request: browserRequest(`/teams/${team.slug}/reflections/new`, { cookie: cookie[who], form }), params: { team: team.slug } });

  it("refuses a crafted mention of another coalition's member in a team reflection, names them and keeps the text", async () => {
    const before = await countReflections();
    const response = await create("author", reflectionForm("team", bodyMentioning(people.teammate, people.otherMember)));
    expect(response.status).toBe(400);
    const data = await response.json();
    expect(data.result.error.body).toEqual(["Vermeld otherMember kan dit niet lezen. Haal de vermelding weg, of laat meer mensen dit lezen."]);
    expect(JSON.stringify(data.body)).toContain(people.otherMember.id);
    expect(await countReflections()).toBe(before);
    expect(await notified()).toEqual([]);
  });

  it("refuses any mention in a private reflection", async () => {
    const response = await create("author", reflectionForm("private", bodyMentioning(people.teammate)));
    expect(response.status).toBe(400);
    expect(await notified()).toEqual([]);
  });

  it("refuses a mention of an id that is nobody, without naming more than the text did", async () => {
    const nobody = { id: "00000000-0000-4000-8000-000000000000", name: "Niemand" };
    const response = await create("author", reflectionForm("network", bodyMentioning(nobody)));
    expect(response.status).toBe(400);
    expect((await response.json()).result.error.body[0]).toMatch(/^Niemand kan dit niet lezen/);
  });

  it("saves mentions of readers and tells them; an edit tells only the newly mentioned", async () => {
    const response = await create("author", reflectionForm("team", bodyMentioning(people.teammate)));
    expect(response.status).toBe(302);
    const id = response.headers.get("Location")!.split("/").pop()!;
    expect(await notified()).toEqual([{ kind: "mention", recipientIds: [people.teammate.id], actorId: people.author.id, item: { type: "reflection", id } }]);

    const edit = (form: Record<string, string>) =>
      callRoute(editRoute.action, {
        request: browserRequest(`/teams/${team.slug}/reflections/${id}/edit`, { cookie: cookie.author, form }),
        params: { team: team.slug, id },
      });
    const version = async () => (await db().selectFrom("reflection").where("id", "=", id).select("version").executeTakeFirstOrThrow()).version;

    await clearNotified();
    expect((await edit(reflectionForm("team", bodyMentioning(people.teammate, people.facilitator), { version: String(await version()) }))).status).toBe(302);
    expect((await notified()).map((call) => call.recipientIds)).toEqual([[people.facilitator.id]]);

    await clearNotified();
    expect((await edit(reflectionForm("team", bodyMentioning(people.facilitator, people.teammate), { version: String(await version()) }))).status).toBe(302);
    expect(await notified()).toEqual([]);

    // Made private with the mentions still in it: refused, the stored version stays as it was.
    const stored = await version();
    const narrowed = await edit(reflectionForm("private", bodyMentioning(people.teammate), { version: String(stored) }));
    expect(narrowed.status).toBe(400);
    expect((await narrowed.json()).result.error.body[0]).toContain("Vermeld teammate");
    expect(await version()).toBe(stored);

    // Shared with the network, another coalition's member may be mentioned.
    await clearNotified();
    expect((await edit(reflectionForm("network", bodyMentioning(people.teammate, people.otherMember), { version: String(stored) }))).status).toBe(302);
    expect((await notified()).map((call) => call.recipientIds)).toEqual([[people.otherMember.id]]);
  });

  it("does not tell the writer about their own mention", async () => {
    const response = await create("author", reflectionForm("team", bodyMentioning(people.author)));
    expect(response.status).toBe(302);
    expect(await notified()).toEqual([]);
  });
});

describe("a comment with mentions", () => {
  let reflection: string;
  beforeAll(async () => {
    reflection = await writeReflection(people.author.id, team.id, { title: "Reacties", text: "x", visibility: "team" });
  });
  const comment = (who: Who, form: Record<string, string>) =>
    callRoute(reflectionRoute.action, {
      request: browserRequest(`/teams/${team.slug}/reflections/${reflection}`, { cookie: cookie[who], form: { intent: "comment", ...form } }),
      params: { team: team.slug, id: reflection },
    });
  const comments = () => db().selectFrom("reflection_comment").where("reflection_id", "=", reflection).select("body").execute();

  it("refuses a crafted token for someone who cannot read the reflection, and saves nothing", async () => {
    const response = await comment("teammate", { comment: `Kijk @[Iemand](${people.otherMember.id}) en @[Geld](${people.funder.id})` });
    expect(response.status).toBe(400);
    expect((await response.json()).error.comment).toEqual(["Iemand en Geld kunnen deze reflectie niet lezen. Haal de vermelding weg."]);
    expect(await comments()).toEqual([]);
    expect(await notified()).toEqual([]);
  });

  it("refuses a person picked from elsewhere, however the form was sent", async () => {
    const response = await comment("teammate", { comment: "Hoi @Vermeld otherMember", mention: `${people.otherMember.id} Vermeld otherMember` });
    expect(response.status).toBe(400);
    expect(await comments()).toEqual([]);
  });

  it("stores a picked reader as a token, shows their current name, and tells them", async () => {
    const response = await comment("teammate", { comment: "Wat vind jij, @Vermeld facilitator?", mention: `${people.facilitator.id} Vermeld facilitator` });
    expect(response.status).toBe(302);
    expect(await comments()).toEqual([{ body: `Wat vind jij, @[Vermeld facilitator](${people.facilitator.id})?` }]);
    expect(await notified()).toEqual([{ kind: "mention", recipientIds: [people.facilitator.id], actorId: people.teammate.id, item: { type: "reflection", id: reflection } }]);

    await db().updateTable("person").set({ name: "Vermeld nieuwe naam" }).where("id", "=", people.facilitator.id).execute();
    try {
      const page = await callRoute(reflectionRoute.loader, {
        request: browserRequest(`/teams/${team.slug}/reflections/${reflection}`, { cookie: cookie.author }),
        params: { team: team.slug, id: reflection },
      });
      const data = await page.json();
      expect(data.mentionNames[people.facilitator.id]).toBe("Vermeld nieuwe naam");
    } finally {
      await db().updateTable("person").set({ name: people.facilitator.name }).where("id", "=", people.facilitator.id).execute();
    }
  });
});

describe("a comment typed without JavaScript", () => {
  let reflection: string;
  beforeAll(async () => {
    reflection = await writeReflection(people.author.id, team.id, { title: "Zonder scripts", text: "x", visibility: "team" });
  });
  const comment = (text: string) =>
    callRoute(reflectionRoute.action, {
      request: browserRequest(`/teams/${team.slug}/reflections/${reflection}`, { cookie: cookie.teammate, form: { intent: "comment", comment: text } }),
      params: { team: team.slug, id: reflection },
    });
  const comments = () => db().selectFrom("reflection_comment").where("reflection_id", "=", reflection).select("body").execute();

  it("mentions a reader whose full name follows an @, and tells them", async () => {
    const response = await comment(`Wat vind jij, @${people.facilitator.name}?`);
    expect(response.status).toBe(302);
    expect(await comments()).toEqual([{ body: `Wat vind jij, @[${people.facilitator.name}](${people.facilitator.id})?` }]);
    expect(await notified()).toEqual([{ kind: "mention", recipientIds: [people.facilitator.id], actorId: people.teammate.id, item: { type: "reflection", id: reflection } }]);
  });

  it("leaves the name of someone who cannot read it as plain text, and tells them nothing", async () => {
    await db().deleteFrom("reflection_comment").where("reflection_id", "=", reflection).execute();
    const text = `Vraag het @${people.otherMember.name} of @${people.funder.name}`;
    expect((await comment(text)).status).toBe(302);
    expect(await comments()).toEqual([{ body: text }]);
    expect(await notified()).toEqual([]);
  });
});

describe("a lesson with mentions", () => {
  const propose = (mentioned: Person) =>
    callRoute(lessonNewRoute.action, {
      request: browserRequest(`/teams/${team.slug}/lessons/new`, {
        cookie: cookie.teammate,
        form: { statement: "Samen eten werkt", explanation: bodyMentioning(mentioned), visibility: "team" },
      }),
      params: { team: team.slug },
    });

  it("refuses a mention of another coalition's member in a team lesson", async () => {
    const response = await propose(people.otherMember);
    expect(response.status).toBe(400);
    expect((await response.json()).result.error.explanation[0]).toContain("Vermeld otherMember");
    expect(await notified()).toEqual([]);
  });

  it("saves a mention of a teammate and tells them", async () => {
    expect((await propose(people.author)).status).toBe(302);
    expect((await notified()).map((call) => [call.item.type, call.recipientIds])).toEqual([["lesson", [people.author.id]]]);
  });
});
