import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../db/db.server";
import type { Visibility } from "../../db/schema";
import * as calendarRoute from "../../app/routes/calendar.$token[.ics]";
import * as lessonsCsvRoute from "../../app/routes/programme.export.lessons[.csv]";
import * as milestonesCsvRoute from "../../app/routes/programme.export.milestones[.csv]";
import * as programmeRoute from "../../app/routes/programme._index";
import * as lessonRoute from "../../app/routes/teams.$team.lessons.$id._index";
import * as milestoneRoute from "../../app/routes/teams.$team.milestones.$id._index";
import * as reflectionRoute from "../../app/routes/teams.$team.reflections.$id._index";
import * as notesRoute from "../../app/routes/teams.$team.sessions.$id.notes";
import * as searchRoute from "../../app/routes/network.search";
import * as leaveRoute from "../../app/routes/settings_.leave.$team";
import * as deleteRoute from "../../app/routes/settings_.delete";
import * as restoreRoute from "../../app/routes/account.restore.$token";
import * as returnRoute from "../../app/routes/settings_.return.$id";
import * as membersRoute from "../../app/routes/teams.$team.members";
import * as accountsRoute from "../../app/routes/admin.accounts";
import * as lessonTrashRoute from "../../app/routes/teams.$team.lessons.trash";
import { authenticate } from "../../app/domain/accounts/accounts.server";
import { finaliseDepartures, GRACE_DAYS } from "../../app/domain/privacy/departures.server";
import { accountsPastRetention } from "../../app/domain/privacy/retention.server";
import { browserRequest, callRoute, createCoalition, createPerson, lastMailTo, linkIn, PASSWORD, sessionFor, unique } from "../fixtures";
import { writeLesson } from "../fixtures/lessons";
import { writeMilestone } from "../fixtures/milestones";
import { writeReflection } from "../fixtures/reflections";
import { insertNote, insertSession } from "../fixtures/session-rows";

// Leaving a coalition and deleting an account (issue 8). The leaver decides per shared item: delete, or keep it
// for the team under "former member". Private items always go. Deleted means gone at once for every reader,
// every search, export, calendar feed and figure; final after 30 days; and until then the way back restores all.

type Kind = "reflection" | "lesson" | "milestone";
type Choice = "delete" | "keep";
type Planted = { kind: Kind; visibility: Visibility; choice: Choice; id: string; marker: string };

const matrix: { kind: Kind; visibility: Visibility; choice: Choice }[] = [
  { kind: "reflection", visibility: "private", choice: "delete" },
  ...(["reflection", "lesson", "milestone"] as const).flatMap((kind) =>
    (["team", "network"] as const).flatMap((visibility) =>
      (["delete", "keep"] as const).map((choice) => ({ kind, visibility, choice })),
    ),
  ),
];

let team: Awaited<ReturnType<typeof createCoalition>>;
let leaver: Awaited<ReturnType<typeof createPerson>>;
let facilitator: Awaited<ReturnType<typeof createPerson>>;
let teammate: Awaited<ReturnType<typeof createPerson>>;
let cookie: { leaver: string; facilitator: string; teammate: string; funder: string; outsider: string };
let planted: Planted[];
let sessionId: string;
let noteMarker: string;
let feedToken: string;

beforeEach(async () => {
  team = await createCoalition();
  const other = await createCoalition();
  leaver = await createPerson({ team, role: "member", name: unique("Vertrekker") });
  facilitator = await createPerson({ team, role: "facilitator" });
  teammate = await createPerson({ team, role: "member" });
  const funder = await createPerson({ accountRole: "funder" });
  const outsider = await createPerson({ team: other, role: "member" });
  cookie = {
    leaver: await sessionFor(leaver),
    facilitator: await sessionFor(facilitator),
    teammate: await sessionFor(teammate),
    funder: await sessionFor(funder),
    outsider: await sessionFor(outsider),
  };
  planted = [];
  for (const cell of matrix) {
    const marker = `${cell.kind}${cell.visibility}${cell.choice}${unique("spoor").replace("-", "")}`;
    const id =
      cell.kind === "reflection"
        ? await writeReflection(leaver.id, team.id, { title: `Titel ${marker}`, text: marker, visibility: cell.visibility })
        : cell.kind === "lesson"
          ? await writeLesson(leaver.id, team.id, { statement: `Les ${marker}`, text: marker, visibility: cell.visibility as "team" })
          : await writeMilestone(leaver.id, team.id, { title: `Mijlpaal ${marker}`, text: marker, visibility: cell.visibility as "team" });
    planted.push({ ...cell, id, marker });
  }
  noteMarker = unique("aantekening");
  sessionId = await insertSession({
    coalitionId: team.id,
    facilitatorId: facilitator.id,
    startsAt: new Date(Date.now() + 7 * 86_400_000),
    invitees: [
      { personId: leaver.id, rsvp: "yes" },
      { personId: teammate.id, rsvp: "yes" },
    ],
  });
  await insertNote(sessionId, 0, `Wat ${noteMarker} vertelde`, leaver.id);
  feedToken = randomBytes(32).toString("base64url");
  await db().insertInto("calendar_feed").values({ person_id: leaver.id, token: feedToken }).execute();
});

function choicesForm(extra: Record<string, string> = {}): Record<string, string> {
  const form: Record<string, string> = { confirm: "on", comments: "keep", ...extra };
  for (const item of planted) if (item.visibility !== "private") form[`choice:${item.kind}:${item.id}`] = item.choice;
  return form;
}

function leave(form: Record<string, string>, who = cookie.leaver) {
  return callRoute(leaveRoute.action, {
    request: browserRequest(`/settings/leave/${team.slug}`, { cookie: who, form }),
    params: { team: team.slug },
  });
}

const pageRoute = { reflection: reflectionRoute, lesson: lessonRoute, milestone: milestoneRoute };
const pagePath = { reflection: "reflections", lesson: "lessons", milestone: "milestones" };

async function itemPage(item: Planted, who: string) {
  return callRoute(pageRoute[item.kind].loader, {
    request: browserRequest(`/teams/${team.slug}/${pagePath[item.kind]}/${item.id}`, { cookie: who }),
    params: { team: team.slug, id: item.id },
  });
}

async function text(response: Response): Promise<string> {
  return response.text();
}

async function searchFinds(marker: string, who: string): Promise<boolean> {
  const response = await callRoute(searchRoute.loader, { request: browserRequest(`/network/search?q=${marker}`, { cookie: who }) });
  const data = (await response.json()) as { results: unknown };
  return JSON.stringify(data.results).includes(marker);
}

async function csv(route: { loader: typeof lessonsCsvRoute.loader }) {
  return text(await callRoute(route.loader, { request: browserRequest("/programme/export/x.csv", { cookie: cookie.funder }) }));
}

async function figures() {
  const response = await callRoute(programmeRoute.loader, { request: browserRequest("/programme", { cookie: cookie.funder }) });
  const data = (await response.json()) as { coalitions: { id: string; totals: { reflections: number; lessons: number } }[] };
  return data.coalitions.find((c) => c.id === team.id)!.totals;
}

describe("leaving a coalition, item by item", () => {
  it("refuses without the confirmation and changes nothing", async () => {
    const response = await leave({ ...choicesForm(), confirm: "" });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { result: { error: Record<string, string[]> } };
    expect(body.result.error.confirm).toEqual(["departures.confirmRequired"]);
    expect(await db().selectFrom("membership").where("person_id", "=", leaver.id).select("id").execute()).toHaveLength(1);
    for (const item of planted) expect((await itemPage(item, cookie.leaver)).status).toBe(200);
  });

  it("deletes what was chosen and keeps the rest under 'former member', everywhere at once", async () => {
    const before = await figures();
    const response = await leave(choicesForm());
    expect(response.status).toBe(302);

    for (const item of planted) {
      const kept = item.choice === "keep";
      // The teammate: kept items still read, deleted ones are gone, the leaver's name on none of them.
      const page = await itemPage(item, cookie.teammate);
      expect(page.status, `${item.kind} ${item.visibility} ${item.choice}`).toBe(kept ? 200 : 404);
      if (kept) {
        const body = await text(page);
        expect(body).toContain(item.marker);
        expect(body).not.toContain(leaver.name);
      }
      // The leaver reads none of it any more: it is not theirs, and they are not in the team.
      expect((await itemPage(item, cookie.leaver)).status).toBe(404);
      if (item.visibility === "network" && item.kind !== "milestone") {
        expect(await searchFinds(item.marker, cookie.outsider), `search ${item.kind} ${item.choice}`).toBe(kept);
      }
    }
    const lessonsCsv = await csv(lessonsCsvRoute);
    const milestonesCsv = await csv(milestonesCsvRoute);
    for (const item of planted.filter((p) => p.kind !== "reflection")) {
      const file = item.kind === "lesson" ? lessonsCsv : milestonesCsv;
      const listed = item.kind === "milestone" || item.visibility === "network";
      expect(file.includes(item.marker), `${item.kind} ${item.visibility} ${item.choice} in export`).toBe(listed && item.choice === "keep");
    }
    expect(lessonsCsv + milestonesCsv).not.toContain(leaver.name);

    // The programme's figures count what the team still has: the kept items, not the deleted ones.
    const after = await figures();
    const deleted = (kind: Kind) => planted.filter((p) => p.kind === kind && p.visibility !== "private" && p.choice === "delete").length;
    expect(after.reflections).toBe(before.reflections - deleted("reflection"));
    expect(after.lessons).toBe(before.lessons - deleted("lesson"));
  });

  for (const choice of ["delete", "keep"] as const) {
    it(`${choice === "delete" ? "deletes" : "keeps"} the leaver's comments on a teammate's reflection when asked to`, async () => {
      const reflection = await writeReflection(teammate.id, team.id, { title: "Van het team", text: "tekst", visibility: "team" });
      const comment = unique("reactie");
      await db().insertInto("reflection_comment").values({ reflection_id: reflection, author_id: leaver.id, body: comment }).execute();
      await leave(choicesForm({ comments: choice }));
      const item = { kind: "reflection", id: reflection } as Planted;
      const page = await text(await itemPage(item, cookie.teammate));
      expect(page.includes(comment)).toBe(choice === "keep");
      expect(page).not.toContain(leaver.name);
    });
  }

  it("leaves the intervision notes with the participants under 'former participant'", async () => {
    await db().updateTable("intervision_session").set({ timekeeper_id: leaver.id }).where("id", "=", sessionId).execute();
    await leave(choicesForm());
    const response = await callRoute(notesRoute.loader, {
      request: browserRequest(`/teams/${team.slug}/sessions/${sessionId}/notes`, { cookie: cookie.teammate }),
      params: { team: team.slug, id: sessionId },
    });
    expect(response.status).toBe(200);
    const body = await text(response);
    expect(body).toContain(noteMarker);
    expect(body).not.toContain(leaver.name);
    // The roles they had in it go to the stand-in too: the timekeeper is a former participant now.
    const roles = await db().selectFrom("intervision_session").where("id", "=", sessionId).select("timekeeper_id").executeTakeFirstOrThrow();
    expect(roles.timekeeper_id).not.toBe(leaver.id);
    expect(roles.timekeeper_id).not.toBeNull();
    const asLeaver = await callRoute(notesRoute.loader, {
      request: browserRequest(`/teams/${team.slug}/sessions/${sessionId}/notes`, { cookie: cookie.leaver }),
      params: { team: team.slug, id: sessionId },
    });
    expect(asLeaver.status).toBe(404);
  });

  it("takes the team's sessions out of the leaver's calendar feed", async () => {
    const feed = async () =>
      text(await callRoute(calendarRoute.loader, { request: browserRequest(`/calendar/${feedToken}.ics`), params: { token: feedToken } }));
    expect(await feed()).toContain("BEGIN:VEVENT");
    await leave(choicesForm());
    expect(await feed()).not.toContain("BEGIN:VEVENT");
  });

  it("keeps what the leaver deleted out of the team's trash, so only the leaver can bring it back", async () => {
    await leave(choicesForm());
    const response = await callRoute(lessonTrashRoute.loader, {
      request: browserRequest(`/teams/${team.slug}/lessons/trash`, { cookie: cookie.facilitator }),
      params: { team: team.slug },
    });
    const body = await text(response);
    for (const item of planted.filter((p) => p.kind === "lesson")) expect(body).not.toContain(item.marker);
  });

  it("cannot delete another person's item by naming it in the form", async () => {
    const theirs = await writeReflection(teammate.id, team.id, { title: "Van een ander", text: "blijft", visibility: "team" });
    await leave(choicesForm({ [`choice:reflection:${theirs}`]: "delete" }));
    const row = await db().selectFrom("reflection").where("id", "=", theirs).select(["deleted_at", "author_id"]).executeTakeFirstOrThrow();
    expect(row).toEqual({ deleted_at: null, author_id: teammate.id });
  });

  it("is not there for someone outside the coalition, nor for anyone signed out", async () => {
    const page = await callRoute(leaveRoute.loader, {
      request: browserRequest(`/settings/leave/${team.slug}`, { cookie: cookie.outsider }),
      params: { team: team.slug },
    });
    expect(page.status).toBe(404);
    expect((await leave(choicesForm(), cookie.outsider)).status).toBe(404);
    const signedOut = await callRoute(deleteRoute.action, { request: browserRequest("/settings/delete", { form: choicesForm({ password: PASSWORD }) }) });
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get("Location")).toMatch(/^\/login/);
    for (const item of planted) expect((await itemPage(item, cookie.leaver)).status).toBe(200);
  });

  it("refuses the coalition's only facilitator", async () => {
    const response = await leave({ confirm: "on" }, cookie.facilitator);
    expect(response.status).toBe(400);
    expect(await db().selectFrom("membership").where("person_id", "=", facilitator.id).select("id").execute()).toHaveLength(1);
  });

  it("comes back within 30 days with everything as it was; only the leaver can", async () => {
    await leave(choicesForm());
    const departure = await db().selectFrom("departure").where("person_id", "=", leaver.id).select("id").executeTakeFirstOrThrow();
    const returning = (who: string) =>
      callRoute(returnRoute.action, { request: browserRequest(`/settings/return/${departure.id}`, { cookie: who, form: {} }), params: { id: departure.id } });
    expect((await returning(cookie.teammate)).status).toBe(404);
    expect((await returning(cookie.leaver)).status).toBe(302);
    for (const item of planted) {
      const page = await itemPage(item, cookie.leaver);
      expect(page.status).toBe(200);
      if (item.visibility !== "private") expect(await text(await itemPage(item, cookie.teammate))).toContain(leaver.name);
    }
    const notes = await db().selectFrom("session_note").where("session_id", "=", sessionId).select("updated_by").executeTakeFirstOrThrow();
    expect(notes.updated_by).toBe(leaver.id);
    expect((await returning(cookie.leaver)).status).toBe(404);
  });

  it("is final after 30 days: deleted items are gone for good, kept ones stay", async () => {
    await leave(choicesForm());
    const finalised = async () =>
      (await db().selectFrom("departure").where("person_id", "=", leaver.id).select("finalised_at").executeTakeFirstOrThrow()).finalised_at;
    await finaliseDepartures(new Date(Date.now() + (GRACE_DAYS - 1) * 86_400_000));
    expect(await finalised()).toBeNull();
    for (const item of planted) expect(await db().selectFrom(item.kind).where("id", "=", item.id).select("id").executeTakeFirst()).toBeDefined();
    await finaliseDepartures(new Date(Date.now() + (GRACE_DAYS + 1) * 86_400_000));
    expect(await finalised()).not.toBeNull();
    for (const item of planted) {
      const table = item.kind;
      const row = await db().selectFrom(table).where("id", "=", item.id).select("id").executeTakeFirst();
      expect(Boolean(row), `${item.kind} ${item.visibility} ${item.choice}`).toBe(item.choice === "keep");
    }
    const departure = await db().selectFrom("departure").where("person_id", "=", leaver.id).select("id").executeTakeFirstOrThrow();
    const late = await callRoute(returnRoute.action, {
      request: browserRequest(`/settings/return/${departure.id}`, { cookie: cookie.leaver, form: {} }),
      params: { id: departure.id },
    });
    expect(late.status).toBe(404);
  });

  it("a facilitator removing a member keeps what they shared under 'former member'", async () => {
    const membership = await db()
      .selectFrom("membership")
      .where("person_id", "=", leaver.id)
      .select("id")
      .executeTakeFirstOrThrow();
    const response = await callRoute(membersRoute.action, {
      request: browserRequest(`/teams/${team.slug}/members`, { cookie: cookie.facilitator, form: { intent: "remove", membershipId: membership.id } }),
      params: { team: team.slug },
    });
    expect(response.status).toBeLessThan(400);
    for (const item of planted.filter((p) => p.visibility !== "private")) {
      const body = await text(await itemPage(item, cookie.teammate));
      expect(body).toContain(item.marker);
      expect(body).not.toContain(leaver.name);
    }
  });
});

describe("deleting the account", () => {
  function deleteAccount(form: Record<string, string>) {
    return callRoute(deleteRoute.action, { request: browserRequest("/settings/delete", { cookie: cookie.leaver, form }) });
  }

  it("asks for the password and changes nothing when it is wrong", async () => {
    const response = await deleteAccount(choicesForm({ password: "niet-het-wachtwoord" }));
    expect(response.status).toBe(400);
    expect(await authenticate(leaver.email, PASSWORD, "10.1.1.1")).toMatchObject({ ok: true });
  });

  it("signs out, blocks sign-in and reading at once, mails a way back that restores everything", async () => {
    const response = await deleteAccount(choicesForm({ password: PASSWORD }));
    expect(response.status).toBe(302);
    expect(await authenticate(leaver.email, PASSWORD, "10.1.1.2")).toMatchObject({ ok: false });
    // The old session no longer opens anything.
    const page = await itemPage(planted[0], cookie.leaver);
    expect(page.status).toBe(302);
    for (const item of planted) {
      expect((await itemPage(item, cookie.teammate)).status).toBe(item.choice === "keep" ? 200 : 404);
    }
    const feed = await callRoute(calendarRoute.loader, { request: browserRequest(`/calendar/${feedToken}.ics`), params: { token: feedToken } });
    expect(feed.status).toBe(404);

    const mail = await lastMailTo(leaver.email);
    const link = linkIn(mail!.body_text, "/account/restore/");
    const token = link.split("/").pop()!;
    // Opening the link (as a mail scanner does) changes nothing.
    const shown = await callRoute(restoreRoute.loader, { request: browserRequest(link), params: { token } });
    expect(shown.status).toBe(200);
    expect(await authenticate(leaver.email, PASSWORD, "10.1.1.3")).toMatchObject({ ok: false });

    const restored = await callRoute(restoreRoute.action, { request: browserRequest(link, { form: {} }), params: { token } });
    expect(restored.status).toBe(302);
    expect(await authenticate(leaver.email, PASSWORD, "10.1.1.4")).toMatchObject({ ok: true });
    const again = await sessionFor(leaver);
    for (const item of planted) expect((await itemPage(item, again)).status).toBe(200);
    const used = await callRoute(restoreRoute.action, { request: browserRequest(link, { form: {} }), params: { token } });
    expect(used.status).toBe(404);
  });

  it("is gone from the admin's accounts at once, and an admin cannot bring it back", async () => {
    await deleteAccount(choicesForm({ password: PASSWORD }));
    const admin = await sessionFor(await createPerson({ accountRole: "admin" }));
    const listed = await callRoute(accountsRoute.loader, { request: browserRequest("/admin/accounts", { cookie: admin }) });
    expect(await listed.text()).not.toContain(leaver.email);
    const reactivate = await callRoute(accountsRoute.action, {
      request: browserRequest("/admin/accounts", { cookie: admin, form: { intent: "reactivate", personId: leaver.id } }),
    });
    expect(reactivate.status).toBe(404);
    expect(await authenticate(leaver.email, PASSWORD, "10.1.1.5")).toMatchObject({ ok: false });
  });

  it("is left to its own 30 days by the retention job, so the way back keeps working", async () => {
    await sql`update person set created_at = now() - interval '3 years' where id = ${leaver.id}`.execute(db());
    await db()
      .insertInto("installation_setting")
      .values({ name: "inactive_account_retention_months", value: "12" })
      .onConflict((oc) => oc.column("name").doUpdateSet({ value: "12" }))
      .execute();
    try {
      expect(await accountsPastRetention()).toContain(leaver.id);
      await deleteAccount(choicesForm({ password: PASSWORD }));
      expect(await accountsPastRetention()).not.toContain(leaver.id);
    } finally {
      await db().deleteFrom("installation_setting").where("name", "=", "inactive_account_retention_months").execute();
    }
  });

  it("after 30 days erases the person: no name, no address, no way back", async () => {
    await deleteAccount(choicesForm({ password: PASSWORD }));
    const link = linkIn((await lastMailTo(leaver.email))!.body_text, "/account/restore/");
    await finaliseDepartures(new Date(Date.now() + (GRACE_DAYS + 1) * 86_400_000));
    const person = await db().selectFrom("person").where("id", "=", leaver.id).selectAll().executeTakeFirstOrThrow();
    expect(person.name).toBe("");
    expect(person.email).not.toContain(leaver.email);
    expect(person.password_hash).toBe("");
    expect(person.erased_at).not.toBeNull();
    const auditAbout = await db()
      .selectFrom("audit_event")
      .where((eb) => eb.or([eb("actor_id", "=", leaver.id), eb("subject_id", "=", leaver.id)]))
      .select(["address", "detail"])
      .execute();
    expect(JSON.stringify(auditAbout)).not.toContain(leaver.email);
    expect(auditAbout.every((row) => row.address === null)).toBe(true);
    const token = link.split("/").pop()!;
    expect((await callRoute(restoreRoute.loader, { request: browserRequest(link), params: { token } })).status).toBe(404);
    for (const item of planted) {
      const row = await db().selectFrom(item.kind).where("id", "=", item.id).select("id").executeTakeFirst();
      expect(Boolean(row)).toBe(item.choice === "keep");
    }
  });
});
