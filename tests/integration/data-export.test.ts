import type { KyselyPlugin } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import yauzl from "yauzl";
import { db, useDatabase } from "../../db/db.server";
import { PAGE_SIZE } from "../../app/domain/privacy/personal-rows.server";
import * as zipRoute from "../../app/routes/settings_.data[.zip]";
import * as pageRoute from "../../app/routes/settings_.data";
import { browserRequest, callRoute, createCoalition, createPerson, sessionFor, unique } from "../fixtures";
import { insertEvent } from "../fixtures/events";
import { writeLesson } from "../fixtures/lessons";
import { writeMilestone } from "../fixtures/milestones";
import { renderPage } from "../fixtures/render";
import { writeReflection } from "../fixtures/reflections";
import { insertAction, insertEvaluation, insertNote, insertSession } from "../fixtures/session-rows";

// /settings/data.zip: everything the network holds about the signed-in person, and nothing of anyone else's.
// Unique markers are planted in what is theirs (must be in the ZIP) and in what is not (must not be): another
// person's private reflection, a teammate's team reflection, the notes of a session of the same team the
// person did not take part in, another coalition's writing, another person's event registration.

type Zip = Map<string, string>;

function readZip(buffer: Buffer): Promise<Zip> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const files: Zip = new Map();
      zip.on("error", reject);
      zip.on("end", () => resolve(files));
      zip.on("entry", (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on("data", (chunk: Buffer) => chunks.push(chunk));
          stream.on("error", reject);
          stream.on("end", () => {
            files.set(entry.fileName, Buffer.concat(chunks).toString("utf8"));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

async function download(cookie: string) {
  const response = await callRoute(zipRoute.loader, { request: browserRequest("/settings/data.zip", { cookie }) });
  expect(response.status).toBe(200);
  const zip = await readZip(Buffer.from(await response.arrayBuffer()));
  return { response, zip };
}

const everything = (zip: Zip) => [...zip.values()].join("\n");
const json = <T = Record<string, unknown>[]>(zip: Zip, name: string): T => JSON.parse(zip.get(name) ?? "null") as T;

const text = (value: string, format = 0) => ({ type: "text", text: value, format, detail: 0, mode: "normal", style: "", version: 1 });
const element = { direction: null, format: "", indent: 0, version: 1 };

const mine = {
  privateReflection: unique("MIJN-PRIVE"),
  teamReflection: unique("MIJN-TEAM"),
  networkReflection: unique("MIJN-NETWERK"),
  bold: unique("VETGEDRUKT"),
  heading: unique("KOPJE"),
  binned: unique("IN-DE-PRULLENBAK"),
  lesson: unique("MIJN-LES"),
  milestone: unique("MIJN-MIJLPAAL"),
  reason: unique("MIJN-REDEN"),
  comment: unique("MIJN-REACTIE"),
  note: unique("NOTITIE-MET-MIJ"),
  takeaway: unique("MEENEMEN-MET-MIJ"),
  preparation: unique("VOORBEREIDING-MET-MIJ"),
  evaluation: unique("MIJN-EVALUATIE"),
  action: unique("MIJN-ACTIE"),
  registration: unique("MIJN-AANMELDING"),
};
const theirs = {
  privateReflection: unique("ANDERMANS-PRIVE"),
  teamReflection: unique("TEAMGENOOT-TEAM"),
  teamMilestone: unique("TEAMGENOOT-MIJLPAAL"),
  ownedMilestone: unique("MIJLPAAL-VAN-MIJ-DOOR-TEAMGENOOT"),
  noteWithout: unique("NOTITIE-ZONDER-MIJ"),
  noteDeclined: unique("NOTITIE-AFGEMELD"),
  otherCoalition: unique("ANDERE-COALITIE"),
  otherLesson: unique("ANDERE-LES"),
  registration: unique("ANDERMANS-AANMELDING"),
};

let me: { id: string; email: string; name: string };
let cookie = "";
let teamReflectionId = "";
let networkReflectionId = "";
let participantSession = "";
let ownedMilestoneId = "";

beforeAll(async () => {
  const team = await createCoalition();
  const other = await createCoalition();
  me = await createPerson({ team });
  const teammate = await createPerson({ team });
  const facilitator = await createPerson({ team, role: "facilitator" });
  const stranger = await createPerson({ team: other });
  cookie = await sessionFor(me);

  // Mine: private, team and network reflections (one with rich text), one in the bin, a lesson, a milestone.
  await writeReflection(me.id, team.id, { title: mine.privateReflection, text: "Alleen voor mij.", visibility: "private" });
  await writeReflection(me.id, team.id, { title: mine.teamReflection, text: "Voor het team.", visibility: "team" });
  const rich = {
    root: {
      type: "root",
      ...element,
      children: [
        { type: "heading", tag: "h2", ...element, children: [text(mine.heading)] },
        {
          type: "paragraph",
          ...element,
          textFormat: 0,
          textStyle: "",
          children: [
            text("Het ging "),
            text(mine.bold, 1),
            text(" en zie "),
            { type: "link", url: "https://example.org/verslag", rel: null, target: null, title: null, ...element, children: [text("het verslag")] },
          ],
        },
        { type: "paragraph", ...element, textFormat: 0, textStyle: "", children: [text("<script>alert('x')</script>")] },
      ],
    },
  };
  networkReflectionId = (
    await db()
      .insertInto("reflection")
      .values({
        coalition_id: team.id,
        author_id: me.id,
        title: mine.networkReflection,
        body: JSON.stringify(rich),
        body_text: `${mine.heading} Het ging ${mine.bold} en zie het verslag <script>alert('x')</script>`,
        happened_on: "2026-11-03",
        visibility: "network",
      })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
  const binned = await writeReflection(me.id, team.id, { title: mine.binned, text: "Weggegooid.", visibility: "team" });
  await db().updateTable("reflection").set({ deleted_at: new Date() }).where("id", "=", binned).execute();
  await writeLesson(me.id, team.id, { statement: mine.lesson, text: "Uitleg.", visibility: "team" });
  const milestone = await writeMilestone(me.id, team.id, { title: mine.milestone, visibility: "team" });
  await db()
    .insertInto("milestone_status_change")
    .values({ milestone_id: milestone, from_status: "planned", to_status: "in_progress", reason: mine.reason, changed_by: me.id })
    .execute();

  // Theirs: a teammate's private and team reflections (I comment on the team one), their team milestone,
  // and another coalition's network reflection and lesson.
  await writeReflection(teammate.id, team.id, { title: theirs.privateReflection, text: theirs.privateReflection, visibility: "private" });
  teamReflectionId = await writeReflection(teammate.id, team.id, { title: theirs.teamReflection, text: theirs.teamReflection, visibility: "team" });
  await db().insertInto("reflection_comment").values({ reflection_id: teamReflectionId, author_id: me.id, body: mine.comment }).execute();
  await writeMilestone(teammate.id, team.id, { title: theirs.teamMilestone, visibility: "team" });
  ownedMilestoneId = await writeMilestone(teammate.id, team.id, { title: theirs.ownedMilestone, visibility: "team", ownerId: me.id });
  await writeReflection(stranger.id, other.id, { title: theirs.otherCoalition, text: theirs.otherCoalition, visibility: "network" });
  await writeLesson(stranger.id, other.id, { statement: theirs.otherLesson, text: theirs.otherLesson, visibility: "network" });

  // Intervision: one session I take part in, one of the same team without me, one I declined.
  participantSession = await insertSession({
    coalitionId: team.id,
    facilitatorId: facilitator.id,
    invitees: [
      { personId: me.id, rsvp: "yes" },
      { personId: teammate.id, rsvp: "yes" },
    ],
    takeaway: mine.takeaway,
  });
  await insertNote(participantSession, 0, mine.note, facilitator.id);
  await insertEvaluation(participantSession, me.id, 4, mine.evaluation);
  await insertAction(participantSession, { ownerId: me.id, what: mine.action, createdBy: facilitator.id });
  const without = await insertSession({ coalitionId: team.id, facilitatorId: facilitator.id, invitees: [{ personId: teammate.id, rsvp: "yes" }] });
  await insertNote(without, 0, theirs.noteWithout, facilitator.id);
  const declined = await insertSession({
    coalitionId: team.id,
    facilitatorId: facilitator.id,
    invitees: [
      { personId: me.id, rsvp: "no" },
      { personId: teammate.id, rsvp: "yes" },
    ],
  });
  await insertNote(declined, 0, theirs.noteDeclined, facilitator.id);
  // The case bringer's preparation question reaches those coming: me in the first, not in the one I declined.
  await db().updateTable("intervision_session").set({ preparation_question: mine.preparation }).where("id", "in", [participantSession, declined]).execute();

  // An event with my registration (under my address, without my account) and somebody else's.
  const event = await insertEvent({ coalitionId: team.id, createdBy: facilitator.id });
  await db()
    .insertInto("event_registration")
    .values([
      { event_id: event.id, status: "registered", name: mine.registration, email: me.email.toUpperCase(), updated_at: new Date() },
      { event_id: event.id, status: "registered", name: theirs.registration, email: "iemand@anders.example", updated_at: new Date() },
    ])
    .execute();
});

describe("/settings/data.zip", () => {
  it("sends anonymous visitors to the login page, for the page and for the download", async () => {
    for (const [loader, path] of [
      [zipRoute.loader, "/settings/data.zip"],
      [pageRoute.loader, "/settings/data"],
    ] as const) {
      const response = await callRoute(loader, { request: browserRequest(path) });
      expect(response.status).toBe(302);
      expect(response.headers.get("Location")).toBe(`/login?redirectTo=${encodeURIComponent(path)}`);
    }
  });

  it("is a ZIP download that is never cached, named after the day", async () => {
    const { response } = await download(cookie);
    expect(response.headers.get("Content-Type")).toBe("application/zip");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="leernetwerk-gegevens-\d{4}-\d{2}-\d{2}\.zip"$/);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
  });

  it("holds everything the person wrote or did, and nothing another person keeps to themselves", async () => {
    const { zip } = await download(cookie);
    const all = everything(zip);
    for (const [name, marker] of Object.entries(mine)) expect(all, name).toContain(marker);
    for (const [name, marker] of Object.entries(theirs)) expect(all, name).not.toContain(marker);
  });

  it("has a JSON file per kind that parses, with the profile and never a password", async () => {
    const { zip } = await download(cookie);
    for (const name of [...zip.keys()].filter((file) => file.endsWith(".json"))) expect(() => JSON.parse(zip.get(name)!), name).not.toThrow();
    const profile = json<Record<string, unknown>>(zip, "profile.json");
    expect(profile).toMatchObject({ id: me.id, email: me.email, name: me.name, language: "nl", role: "participant" });
    expect(profile).toHaveProperty("lastLoginAt");

    const { password_hash } = await db().selectFrom("person").where("id", "=", me.id).select("password_hash").executeTakeFirstOrThrow();
    const all = everything(zip);
    expect(all).not.toContain(password_hash);
    expect(all).not.toMatch(/password_?hash/i);

    const reflections = json(zip, "reflections.json");
    expect(reflections.map((r) => r.visibility).sort()).toEqual(["network", "private", "team", "team"]);
    expect(reflections.find((r) => r.title === mine.binned)?.deletedAt).toBeTruthy();
    // My comment on a teammate's reflection is mine; the reflection itself is theirs and is only named.
    expect(json(zip, "comments.json")).toEqual([expect.objectContaining({ reflectionId: teamReflectionId, text: mine.comment })]);
    expect(json(zip, "memberships.json")).toHaveLength(1);
    // A milestone assigned to me that a teammate wrote: the commitment is listed, its words are the team's.
    expect(json(zip, "milestones.json").find((m) => m.id === ownedMilestoneId)).toEqual(
      expect.objectContaining({ createdByMe: false, ownedByMe: true, status: "planned" }),
    );
    expect(json(zip, "milestone-status-changes.json").map((c) => c.reason)).toContain(mine.reason);
    expect(json(zip, "event-registrations.json").map((r) => r.name)).toEqual([mine.registration]);
    expect(json<Record<string, unknown>>(zip, "calendar-feed.json")).toEqual({ exists: false, createdAt: null });

    const sessions = json(zip, "intervision-sessions.json");
    expect(sessions).toHaveLength(2);
    const declined = sessions.find((s) => s.id !== participantSession)!;
    expect(declined).toMatchObject({ rsvp: "no" });
    expect(declined).not.toHaveProperty("notes");
    expect(JSON.stringify(declined)).not.toContain(mine.preparation);
    expect(sessions.find((s) => s.id === participantSession)).toMatchObject({
      rsvp: "yes",
      takeaway: mine.takeaway,
      preparationQuestion: mine.preparation,
      evaluation: { score: 4, comment: mine.evaluation },
      actions: [expect.objectContaining({ what: mine.action, yours: true })],
    });
  });

  it("renders the texts from their rich text as standalone HTML pages, escaped, linked from index.html", async () => {
    const { zip } = await download(cookie);
    const page = zip.get(`texts/reflections/${networkReflectionId}.html`)!;
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain('<html lang="nl">');
    expect(page).toContain(`<title>${mine.networkReflection}</title>`);
    expect(page).toContain(`<h2>${mine.heading}</h2>`);
    expect(page).toContain(`<strong>${mine.bold}</strong>`);
    expect(page).toContain('<a href="https://example.org/verslag" rel="noopener noreferrer nofollow ugc">het verslag</a>');
    expect(page).not.toContain("<script>");
    expect(page).toContain("&lt;script&gt;");

    expect(zip.get(`texts/intervision/${participantSession}.html`)).toContain(mine.note);
    const index = zip.get("index.html")!;
    expect(index).toContain('<html lang="nl">');
    expect(index).toContain(`<a href="texts/reflections/${networkReflectionId}.html">${mine.networkReflection}</a>`);
    for (const name of [...zip.keys()].filter((file) => file.endsWith(".json"))) expect(index).toContain(`href="${name}"`);
    // Every link in the index leads to a file in the ZIP.
    for (const [, href] of index.matchAll(/href="([^"]+)"/g)) expect(zip.has(href), href).toBe(true);
  });

  it("speaks the person's own language: index.html and the text pages in English for an English reader", async () => {
    const team = await createCoalition();
    const reader = await createPerson({ team });
    await db().updateTable("person").set({ language: "en" }).where("id", "=", reader.id).execute();
    const id = await writeReflection(reader.id, team.id, { title: "Evening walk", text: "We walked.", visibility: "private" });
    const { zip } = await download(await sessionFor(reader));
    expect(zip.get("index.html")).toContain('<html lang="en">');
    expect(zip.get("index.html")).toContain(`<title>Data of ${reader.name} in the learning network</title>`);
    expect(zip.get(`texts/reflections/${id}.html`)).toContain("Visible to: you alone");
  });

  it("leaves out the notes of a session once the person is no longer a member of its team", async () => {
    const team = await createCoalition();
    const former = await createPerson({ team });
    const facilitator = await createPerson({ team, role: "facilitator" });
    const session = await insertSession({ coalitionId: team.id, facilitatorId: facilitator.id, invitees: [{ personId: former.id, rsvp: "yes" }] });
    const note = unique("NOTITIE-NA-VERTREK");
    await insertNote(session, 0, note, facilitator.id);
    const formerCookie = await sessionFor(former);
    expect(everything((await download(formerCookie)).zip)).toContain(note);
    await db().deleteFrom("membership").where("person_id", "=", former.id).execute();
    const { zip } = await download(formerCookie);
    expect(everything(zip)).not.toContain(note);
    expect(json(zip, "intervision-sessions.json")).toEqual([expect.objectContaining({ id: session, rsvp: "yes" })]);
  });

  it("holds the person's notifications and their notification settings, and nobody else's", async () => {
    await db()
      .insertInto("notification")
      .values({ recipient_id: me.id, kind: "reply", item_type: "reflection", item_id: teamReflectionId, actor_id: null, delivery: "app" })
      .execute();
    await db().insertInto("notification_preference").values({ person_id: me.id, kind: "poll", delivery: "off" }).execute();
    await db().insertInto("digest_sent").values({ person_id: me.id, week: "2026-W49" }).execute();
    const { zip } = await download(cookie);
    const notifications = json(zip, "notifications.json");
    expect(notifications).toEqual([expect.objectContaining({ kind: "reply", itemType: "reflection", itemId: teamReflectionId, delivery: "app", readAt: null })]);
    expect(json<{ deliveries: Record<string, string>; digestDay: number }>(zip, "notification-settings.json")).toMatchObject({
      deliveries: { poll: "off", reply: "email" },
      digestDay: 1,
      digestsSent: [{ week: "2026-W49" }],
    });
  });

  it("records the download in the audit log, without any content", async () => {
    await db().deleteFrom("audit_event").where("actor_id", "=", me.id).execute();
    await download(cookie);
    const events = await db().selectFrom("audit_event").where("actor_id", "=", me.id).selectAll().execute();
    expect(events).toEqual([expect.objectContaining({ kind: "export", actor_id: me.id, detail: { what: "personal-data" } })]);
    // The next download lists it among the person's own audit entries.
    const { zip } = await download(cookie);
    expect(json(zip, "audit-log.json").map((entry) => entry.kind)).toContain("export");
  });

  it("explains on /settings/data what the download holds and links to it", async () => {
    const open = [{ id: "d1", coalitionName: "Oud Team", leftAt: "2026-11-20T10:00:00Z", finalAt: "2026-12-20T10:00:00Z" }];
    const html = await renderPage(pageRoute.default, { teams: [{ slug: "mijn-team", name: "Mijn Team" }], open });
    expect(html).toContain('href="/settings/data.zip"');
    // The way out, and back: leave a coalition, delete the account, return to one left less than 30 days ago.
    expect(html).toContain('href="/settings/leave/mijn-team"');
    expect(html).toContain('href="/settings/delete"');
    expect(html).toContain('action="/settings/return/d1"');
    expect(html).toContain('href="/settings"');
    expect(html).toContain("Mijn gegevens");
  });
});

/** Like countQueries, and also the most rows any one statement brought back. */
async function measureQueries(run: () => Promise<unknown>) {
  const original = db();
  const measured = { queries: 0, mostRows: 0 };
  const plugin: KyselyPlugin = {
    transformQuery: (args) => {
      measured.queries += 1;
      return args.node;
    },
    transformResult: async (args) => {
      measured.mostRows = Math.max(measured.mostRows, args.result.rows.length);
      return args.result;
    },
  };
  useDatabase(original.withPlugin(plugin));
  try {
    await run();
  } finally {
    useDatabase(original);
  }
  return measured;
}

describe("a large account", () => {
  const MANY = 1_000;

  it("streams a valid ZIP, reading the database a page at a time", async () => {
    const team = await createCoalition();
    const prolific = await createPerson({ team });
    const modest = await createPerson({ team });
    const body = JSON.stringify({ root: { type: "root", ...element, children: [{ type: "paragraph", ...element, textFormat: 0, textStyle: "", children: [text("Weer een avond.")] }] } });
    const rows = Array.from({ length: MANY }, (_, i) => ({
      coalition_id: team.id,
      author_id: prolific.id,
      title: `Reflectie ${i}`,
      body,
      body_text: "Weer een avond.",
      happened_on: "2026-10-01",
      visibility: "team" as const,
    }));
    for (let i = 0; i < MANY; i += 500) await db().insertInto("reflection").values(rows.slice(i, i + 500)).execute();
    await writeReflection(modest.id, team.id, { title: "Eén reflectie", text: "Kort.", visibility: "team" });

    let zip: Zip = new Map();
    const large = await measureQueries(async () => {
      zip = (await download(await sessionFor(prolific))).zip;
    });
    const small = await measureQueries(async () => download(await sessionFor(modest)));

    expect(json(zip, "reflections.json")).toHaveLength(MANY);
    expect([...zip.keys()].filter((name) => name.startsWith("texts/reflections/"))).toHaveLength(MANY);
    // No statement brings back more than a page …
    expect(large.mostRows).toBeLessThanOrEqual(PAGE_SIZE);
    // … so the reflections take a statement per page in each of the three passes (JSON, index, pages).
    const pages = Math.ceil(MANY / PAGE_SIZE);
    expect(large.queries - small.queries).toBeGreaterThanOrEqual(3 * (pages - 1));
    expect(large.queries - small.queries).toBeLessThanOrEqual(3 * (pages + 1));
  });
});
