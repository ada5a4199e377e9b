import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../db/db.server";
import { seedDemo } from "../../db/demo";
import type { Readers } from "../../app/domain/coalitions/readers.server";
import * as eventPage from "../../app/routes/events.$slug._index";
import * as lessonPage from "../../app/routes/teams.$team.lessons.$id._index";
import * as milestonePage from "../../app/routes/teams.$team.milestones.$id._index";
import * as reflectionPage from "../../app/routes/teams.$team.reflections.$id._index";
import * as notesPage from "../../app/routes/teams.$team.sessions.$id.notes";
import { browserRequest, callRoute, createCoalition, createPerson, sessionFor } from "../fixtures";
import { insertEvent } from "../fixtures/events";
import { writeLesson } from "../fixtures/lessons";
import { writeMilestone } from "../fixtures/milestones";
import { writeReflection } from "../fixtures/reflections";
import { insertSession } from "../fixtures/session-rows";
import { renderPage } from "../fixtures/render";

// Issue 8, item 1: "Who can read this?" next to every written item must name exactly the people the item's
// page lets in. Checked against the pages themselves: every item of the demo programme, every person who can
// sign in (and a visitor without an account), the real loader's 200 or 404 against the list that same
// loader hands to the page.

type Page = { loader: (args: never) => unknown; default: () => unknown };
type Item = { label: string; path: string; params: Record<string, string>; page: Page };
type Person = { id: string; name: string; accountRole: string; cookie: string };

let people: Person[] = [];
let demoItems: Item[] = [];
/** What each demo item's page said about its readers, for the checks of the groupings. */
const seen = new Map<string, Readers>();

function listed(readers: Readers): string[] | "anyone" {
  if (readers.scope === "anyone") return "anyone";
  return readers.groups.flatMap((group) => group.people.map((person) => person.id)).sort();
}

async function visit(item: Item, cookie?: string) {
  const response = await callRoute(item.page.loader as never, { request: browserRequest(item.path, { cookie }), params: item.params });
  return response;
}

/** Every person's answer from the item's page, and the readers list the page was given (the same for everyone let in). */
async function answersFor(item: Item, who: Person[] = people) {
  const answers = await Promise.all(who.map(async (person) => ({ person, response: await visit(item, person.cookie) })));
  const lists = new Set<string>();
  let data: { readers: Readers } | undefined;
  for (const { person, response } of answers) {
    if (response.status !== 200) continue;
    const body = (await response.json()) as { readers: Readers };
    data ??= body;
    lists.add(JSON.stringify(listed(body.readers)));
    // The page marks its own viewer as "you", nobody else.
    if (body.readers.scope !== "anyone") {
      const you = body.readers.groups.flatMap((group) => group.people).filter((reader) => reader.you);
      expect(you.map((reader) => reader.id), `${item.label}: "you" for ${person.name}`).toEqual([person.id]);
    }
  }
  expect(lists.size, `${item.label}: every reader sees the same list`).toBeLessThanOrEqual(1);
  return {
    statusOf: new Map(answers.map(({ person, response }) => [person.id, response.status])),
    let: answers.filter(({ response }) => response.status === 200).map(({ person }) => person.id).sort(),
    data,
  };
}

async function demoItemsFromDatabase(): Promise<Item[]> {
  const [reflections, lessons, milestones, sessions, events] = await Promise.all([
    db()
      .selectFrom("reflection")
      .innerJoin("coalition", "coalition.id", "reflection.coalition_id")
      .where("reflection.deleted_at", "is", null)
      .select(["reflection.id", "reflection.title as label", "coalition.slug"])
      .execute(),
    db()
      .selectFrom("lesson")
      .innerJoin("coalition", "coalition.id", "lesson.coalition_id")
      .where("lesson.deleted_at", "is", null)
      .select(["lesson.id", "lesson.statement as label", "coalition.slug"])
      .execute(),
    db()
      .selectFrom("milestone")
      .innerJoin("coalition", "coalition.id", "milestone.coalition_id")
      .where("milestone.deleted_at", "is", null)
      .select(["milestone.id", "milestone.title as label", "coalition.slug"])
      .execute(),
    db()
      .selectFrom("intervision_session")
      .innerJoin("coalition", "coalition.id", "intervision_session.coalition_id")
      .select(["intervision_session.id", "intervision_session.title as label", "coalition.slug"])
      .execute(),
    db().selectFrom("event").select(["slug", "title as label"]).execute(),
  ]);
  const teamItem = (kind: string, page: Page) => (row: { id: string; label: string; slug: string }) => ({
    label: `${kind} "${row.label}" (${row.slug})`,
    path: `/teams/${row.slug}/${kind}/${row.id}${kind === "sessions" ? "/notes" : ""}`,
    params: { team: row.slug, id: row.id },
    page,
  });
  return [
    ...reflections.map(teamItem("reflections", reflectionPage as Page)),
    ...lessons.map(teamItem("lessons", lessonPage as Page)),
    ...milestones.map(teamItem("milestones", milestonePage as Page)),
    ...sessions.map(teamItem("sessions", notesPage as Page)),
    ...events.map((row) => ({ label: `event "${row.label}"`, path: `/events/${row.slug}`, params: { slug: row.slug }, page: eventPage as Page })),
  ];
}

async function signIn(person: { id: string; name: string; account_role: string }): Promise<Person> {
  return { id: person.id, name: person.name, accountRole: person.account_role, cookie: await sessionFor(person) };
}

beforeAll(async () => {
  await seedDemo();
  const active = await db()
    .selectFrom("person")
    .where("deactivated_at", "is", null)
    .where("erased_at", "is", null)
    .select(["id", "name", "account_role"])
    .orderBy("name")
    .execute();
  people = await Promise.all(active.map(signIn));
  demoItems = await demoItemsFromDatabase();
});

/** What React writes for a name in HTML. */
function html(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
}

describe("the demo programme: the list agrees with the pages", () => {
  it("has items of every kind and people in every role to compare", () => {
    const kinds = new Set(demoItems.map((item) => item.path.split("/")[3] ?? "events"));
    expect([...kinds].sort()).toEqual(["events", "lessons", "milestones", "reflections", "sessions"]);
    expect(new Set(people.map((person) => person.accountRole))).toEqual(new Set(["admin", "funder", "participant"]));
    expect(people.length).toBeGreaterThan(20);
  });

  it("every person gets the page exactly when the list names them, and the page shows that list", async () => {
    for (const item of demoItems) {
      const { statusOf, let: letIn, data } = await answersFor(item);
      const anonymous = await visit(item);
      if (data) seen.set(item.label, data.readers);
      if (data && data.readers.scope === "anyone") {
        // A public event: no names to give; everyone, with or without an account, gets the page.
        expect(letIn, item.label).toEqual(people.map((person) => person.id).sort());
        expect(anonymous.status, `${item.label}: visitor without an account`).toBe(200);
        continue;
      }
      for (const person of people) {
        if (!letIn.includes(person.id)) expect(statusOf.get(person.id), `${item.label}: ${person.name}`).toBe(404);
      }
      expect(letIn.length, `${item.label}: someone reads it`).toBeGreaterThan(0);
      expect(listed(data!.readers), item.label).toEqual(letIn);
      expect([302, 404], `${item.label}: visitor without an account`).toContain(anonymous.status);
      if (anonymous.status === 302) expect(anonymous.headers.get("Location"), item.label).toMatch(/^\/login\?redirectTo=/);

      // What a reader sees on the page: the toggle and, inside it, every name the list holds.
      const page = await renderPage(item.page.default as never, data);
      expect(page, item.label).toContain("Wie kan dit lezen?");
      if (data!.readers.scope !== "anyone" && letIn.length > 1) {
        for (const group of data!.readers.groups) {
          for (const reader of group.people) expect(page, `${item.label}: ${reader.name}`).toContain(html(reader.name));
        }
      }
    }
  });

  it("says what kind of group reads each kind of item", () => {
    const readersOfItem = (kind: string, title: string) =>
      [...seen].find(([label]) => label.startsWith(kind) && label.includes(title))![1];
    // A lesson shared with the network: the whole programme, every coalition and the funder.
    const shared = readersOfItem("lessons", "Laat bewoners het gesprek leiden");
    expect(shared.scope === "programme" && shared.coalitions).toBe(5);
    // The demo's public evening: anyone with the link.
    expect(readersOfItem("event", "Twee jaar samen in Twello").scope).toBe("anyone");
    // A team milestone: the team by name, then the funder.
    const milestone = readersOfItem("milestones", "Maandelijkse buurtkoffie");
    expect(milestone.scope === "people" && milestone.groups.map((group) => group.kind)).toEqual(["coalition", "funder"]);
    // The demo's private reflection: its author alone.
    const [, privateOne] = [...seen].find(([label, readers]) => label.startsWith("reflections") && readers.scope === "people" && readers.total === 1)!;
    expect(privateOne.scope === "people" && privateOne.groups[0].kind).toBe("coalition");
    // Intervision notes: the participants (in the demo the facilitator and two members who came).
    const notes = [...seen].filter(([label]) => label.startsWith("sessions") && !label.includes("januari")).map(([, readers]) => readers);
    expect(notes).toHaveLength(5);
    for (const readers of notes) expect(readers.scope === "people" && readers.groups.map((g) => [g.kind, g.people.length])).toEqual([["participants", 3]]);
  });
});

describe("trying to break it", () => {
  let team: Awaited<ReturnType<typeof createCoalition>>;
  let other: Awaited<ReturnType<typeof createCoalition>>;
  const cast = {} as Record<"author" | "teammate" | "facilitator" | "outsider" | "funder" | "admin", Person>;

  beforeAll(async () => {
    team = await createCoalition();
    other = await createCoalition();
    const make = async (input: Parameters<typeof createPerson>[0]) => {
      const person = await createPerson(input);
      return { id: person.id, name: person.name, accountRole: input?.accountRole ?? "participant", cookie: await sessionFor(person) };
    };
    cast.author = await make({ team, role: "member" });
    cast.teammate = await make({ team, role: "member" });
    cast.facilitator = await make({ team, role: "facilitator" });
    cast.outsider = await make({ team: other, role: "member" });
    cast.funder = await make({ accountRole: "funder" });
    cast.admin = await make({ accountRole: "admin" });
  });

  const reflectionItem = (id: string): Item => ({
    label: "reflection",
    path: `/teams/${team.slug}/reflections/${id}`,
    params: { team: team.slug, id },
    page: reflectionPage as Page,
  });

  it("a private item lists its author alone, and the page says 'Alleen u'", async () => {
    const id = await writeReflection(cast.author.id, team.id, { title: "Alleen voor mij", text: "Dagboek", visibility: "private" });
    const { let: letIn, data } = await answersFor(reflectionItem(id), Object.values(cast));
    expect(letIn).toEqual([cast.author.id]);
    expect(listed(data!.readers)).toEqual([cast.author.id]);
    expect(await renderPage(reflectionPage.default, data)).toContain("Alleen u.");
  });

  it("an admin is never listed for team content, not even content shared with the whole network", async () => {
    const everyone = [...people, ...Object.values(cast)];
    const admins = everyone.filter((person) => person.accountRole === "admin").map((person) => person.id);
    for (const visibility of ["team", "network"] as const) {
      const reflection = await writeReflection(cast.author.id, team.id, { title: `R ${visibility}`, text: "x", visibility });
      const lesson = await writeLesson(cast.author.id, team.id, { statement: `L ${visibility}`, visibility });
      const milestone = await writeMilestone(cast.author.id, team.id, { title: `M ${visibility}`, visibility, ownerId: cast.author.id });
      for (const item of [
        reflectionItem(reflection),
        { label: "lesson", path: `/teams/${team.slug}/lessons/${lesson}`, params: { team: team.slug, id: lesson }, page: lessonPage as Page },
        { label: "milestone", path: `/teams/${team.slug}/milestones/${milestone}`, params: { team: team.slug, id: milestone }, page: milestonePage as Page },
      ]) {
        const { statusOf, data } = await answersFor({ ...item, label: `${item.label} ${visibility}` }, everyone);
        const ids = listed(data!.readers) as string[];
        for (const admin of admins) {
          expect(ids, `${item.label} ${visibility}`).not.toContain(admin);
          expect(statusOf.get(admin)).toBe(404);
        }
        if (visibility === "network") expect(data!.readers.scope, `${item.label} network`).toBe("programme");
      }
    }
  });

  it("intervision notes list the participants only: not the rest of the team, not the funder, not an invitee who said no or nothing", async () => {
    const pending = await createPerson({ team, role: "member" });
    const declined = await createPerson({ team, role: "member" });
    const sessionId = await insertSession({
      coalitionId: team.id,
      facilitatorId: cast.facilitator.id,
      invitees: [
        { personId: cast.author.id, rsvp: "yes" },
        { personId: pending.id, rsvp: "pending" },
        { personId: declined.id, rsvp: "no" },
      ],
    });
    const item: Item = {
      label: "notes",
      path: `/teams/${team.slug}/sessions/${sessionId}/notes`,
      params: { team: team.slug, id: sessionId },
      page: notesPage as Page,
    };
    const everyone = [...Object.values(cast), await signIn({ ...pending, account_role: "participant" }), await signIn({ ...declined, account_role: "participant" })];
    const { let: letIn, data } = await answersFor(item, everyone);
    expect(letIn).toEqual([cast.author.id, cast.facilitator.id].sort());
    expect(listed(data!.readers)).toEqual(letIn);
    expect(data!.readers.scope !== "anyone" && data!.readers.groups.map((group) => group.kind)).toEqual(["participants"]);
    const page = await renderPage(notesPage.default, data);
    expect(page).toContain("Alleen de deelnemers aan deze intervisie (2 mensen)");
    expect(page).not.toContain(html(cast.teammate.name));
  });

  it("a person who leaves the coalition disappears from the list, and from the page", async () => {
    const leaver = await createPerson({ team, role: "member" });
    const leaverIn = await signIn({ ...leaver, account_role: "participant" });
    const id = await writeReflection(cast.author.id, team.id, { title: "Voor het team", text: "x", visibility: "team" });
    const before = await answersFor(reflectionItem(id), [cast.author, leaverIn]);
    expect(listed(before.data!.readers)).toContain(leaver.id);
    expect(before.statusOf.get(leaver.id)).toBe(200);

    await db().deleteFrom("membership").where("person_id", "=", leaver.id).where("coalition_id", "=", team.id).execute();
    const after = await answersFor(reflectionItem(id), [cast.author, leaverIn]);
    expect(listed(after.data!.readers)).not.toContain(leaver.id);
    expect(after.statusOf.get(leaver.id)).toBe(404);
  });

  it("a deactivated account is not listed and cannot read", async () => {
    const gone = await createPerson({ team, role: "member" });
    const goneIn = await signIn({ ...gone, account_role: "participant" });
    await sql`update person set deactivated_at = now() where id = ${gone.id}`.execute(db());
    const id = await writeReflection(cast.author.id, team.id, { title: "Nog een", text: "x", visibility: "team" });
    const { statusOf, data } = await answersFor(reflectionItem(id), [cast.author, goneIn]);
    expect(listed(data!.readers)).not.toContain(gone.id);
    expect(statusOf.get(gone.id)).not.toBe(200);
  });

  it("a network event is for everyone signed in, the admin too; a visitor without an account gets 404", async () => {
    const { slug } = await insertEvent({ coalitionId: team.id, createdBy: cast.facilitator.id, audience: "network" });
    const item: Item = { label: "network event", path: `/events/${slug}`, params: { slug }, page: eventPage as Page };
    // Everyone who can sign in by now: the demo, this block's people, and those the tests above added.
    const active = await db().selectFrom("person").where("deactivated_at", "is", null).where("erased_at", "is", null).select(["id", "name", "account_role"]).execute();
    const known = new Map([...people, ...Object.values(cast)].map((person) => [person.id, person]));
    const everyone = await Promise.all(active.map((person) => known.get(person.id) ?? signIn(person)));
    const { let: letIn, data } = await answersFor(item, everyone);
    expect(data!.readers.scope).toBe("signedIn");
    expect(letIn).toHaveLength(active.length);
    expect(listed(data!.readers)).toEqual(letIn);
    expect(letIn).toContain(cast.admin.id);
    expect((await visit(item)).status).toBe(404);
    expect(await renderPage(eventPage.default, data)).toContain("Iedereen die is ingelogd");
  });
});
