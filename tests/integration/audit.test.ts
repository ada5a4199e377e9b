import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../db/db.server";
import { authenticate } from "../../app/domain/accounts/accounts.server";
import { acceptInvitation, createInvitation } from "../../app/domain/accounts/invitations.server";
import { recordAudit } from "../../app/domain/audit/audit.server";
import * as auditRoute from "../../app/routes/admin.audit";
import * as settingsRoute from "../../app/routes/settings";
import * as lessonsExport from "../../app/routes/programme.export.lessons[.csv]";
import * as milestonesExport from "../../app/routes/programme.export.milestones[.csv]";
import * as activityExport from "../../app/routes/programme.export.activity[.csv]";
import * as digestRoute from "../../app/routes/programme.digest";
import * as registrationsCsv from "../../app/routes/teams.$team.events.$id.registrations[.csv]";
import * as attendanceRoute from "../../app/routes/teams.$team.events.$id.attendance";
import * as membersRoute from "../../app/routes/teams.$team.members";
import { PASSWORD, browserRequest, callRoute, createCoalition, createPerson, lastMailTo, linkIn, sessionFor, unique } from "../fixtures";
import { insertEvent } from "../fixtures/events";
import { writeMilestone } from "../fixtures/milestones";
import { writeReflection } from "../fixtures/reflections";
import { renderPage } from "../fixtures/render";

// The audit log (issue 8, item 4): the admin sees logins, failed logins, role changes, exports, deletions and
// invitation use, filterable by person and by Amsterdam day, and never any content; everyone else gets 404.
// A person sees their own entries in /settings and never anyone else's.

type Person = Awaited<ReturnType<typeof createPerson>>;
let team: Awaited<ReturnType<typeof createCoalition>>;
let admin: Person, facilitator: Person, member: Person, funder: Person, other: Person, invitee: { id: string; email: string };
const cookie: Record<string, string> = {};

const marker = {
  reflectionTitle: unique("REFLECTIETITEL-GEHEIM"),
  reflectionText: unique("REFLECTIETEKST-GEHEIM"),
  milestoneReason: unique("MIJLPAALREDEN-GEHEIM"),
  typedEmail: `${unique("getypt-adres")}@test.example`,
  plantedDetail: unique("VRIJE-TEKST-IN-DETAIL"),
  otherAddress: "198.51.100.77",
};

async function auditLog(as: string, query = "") {
  return callRoute(auditRoute.loader, { request: browserRequest(`/admin/audit${query}`, { cookie: as }) });
}

type LogData = { log: { entries: { id: string; kind: string; actor: { id: string } | null; subject: { id: string } | null; at: string }[]; total: number } };

async function logData(query = ""): Promise<LogData & { errors: Record<string, string[]> }> {
  const response = await auditLog(cookie.admin, query);
  return response.json();
}

async function html(data: unknown, page: Parameters<typeof renderPage>[0]) {
  return renderPage(page, data);
}

beforeAll(async () => {
  team = await createCoalition();
  admin = await createPerson({ accountRole: "admin", name: unique("Beheerder") });
  facilitator = await createPerson({ team, role: "facilitator", name: unique("Begeleider") });
  member = await createPerson({ team, role: "member", name: unique("Lid") });
  funder = await createPerson({ accountRole: "funder", name: unique("Fonds") });
  other = await createPerson({ team, role: "member", name: unique("Ander") });
  for (const [key, person] of Object.entries({ admin, facilitator, member, funder, other })) cookie[key] = await sessionFor(person);

  // Content with markers that must never reach the log.
  await writeReflection(member.id, team.id, { title: marker.reflectionTitle, text: marker.reflectionText, visibility: "private" });
  const milestone = await writeMilestone(facilitator.id, team.id, { title: unique("Mijlpaal"), visibility: "team" });
  await db()
    .insertInto("milestone_status_change")
    .values({ milestone_id: milestone, from_status: "planned", to_status: "adjusted", reason: marker.milestoneReason, changed_by: facilitator.id })
    .execute();

  // Logins: one good, one wrong password, one unknown address; another person logs in from elsewhere.
  expect((await authenticate(member.email, PASSWORD, "192.0.2.10")).ok).toBe(true);
  expect((await authenticate(member.email, "fout-wachtwoord-123", "192.0.2.11")).ok).toBe(false);
  expect((await authenticate(marker.typedEmail, "fout-wachtwoord-123", "192.0.2.12")).ok).toBe(false);
  expect((await authenticate(other.email, PASSWORD, marker.otherAddress)).ok).toBe(true);

  // A role change through the members page, an export by the funder, an invitation used.
  const membership = await db().selectFrom("membership").where("person_id", "=", other.id).select("id").executeTakeFirstOrThrow();
  const roleChange = await callRoute(membersRoute.action, {
    request: browserRequest(`/teams/${team.slug}/members`, { cookie: cookie.facilitator, form: { intent: "role", membershipId: membership.id, role: "facilitator" } }),
    params: { team: team.slug },
  });
  expect(roleChange.status).toBe(302);
  const csv = await callRoute(lessonsExport.loader, {
    request: browserRequest("/programme/export/lessons.csv", { cookie: cookie.funder }),
    context: { clientAddress: "192.0.2.20" },
  });
  expect(csv.status).toBe(200);
  const email = `${unique("nieuw")}@test.example`;
  await createInvitation({ email, target: { kind: "team", coalitionId: team.id, role: "member" }, invitedBy: facilitator.id }, browserRequest("/"));
  const token = linkIn((await lastMailTo(email))!.body_text, "/invite/").split("/").pop()!;
  const accepted = await acceptInvitation(token, { name: unique("Nieuwkomer"), password: "een-ander-lang-wachtwoord", perspective: "resident", organisationId: null });
  expect(accepted.ok).toBe(true);
  invitee = { id: accepted.ok ? accepted.personId : "", email };

  // An entry whose detail holds free text (as a careless future caller might write): never shown.
  await recordAudit({ kind: "export", actorId: funder.id, detail: { what: "lessons.csv", title: marker.plantedDetail, note: marker.plantedDetail } });
  await recordAudit({ kind: "role_change", actorId: facilitator.id, subjectId: member.id, detail: { from: marker.plantedDetail, to: "member" } });
});

describe("the admin's audit log", () => {
  it("answers 404 to a member, a facilitator and a funder, also with a filter, and sends the anonymous to /login", async () => {
    for (const who of ["member", "facilitator", "funder"]) {
      expect((await auditLog(cookie[who])).status).toBe(404);
      expect((await auditLog(cookie[who], "?from=nonsense")).status).toBe(404);
    }
    const anonymous = await callRoute(auditRoute.loader, { request: browserRequest("/admin/audit") });
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/login/);
  });

  it("shows logins, failed logins, role changes, exports and invitation use, with who, to whom and the address", async () => {
    const data = await logData();
    const kinds = new Set(data.log.entries.map((e) => e.kind));
    for (const kind of ["login", "login_failed", "role_change", "export", "invite", "invitation_accepted"]) expect(kinds).toContain(kind);
    const page = await html(data, auditRoute.default);
    expect(page).toContain("Mislukte inlogpoging");
    expect(page).toContain("Rol gewijzigd");
    expect(page).toContain("Deelnemer → Procesbegeleider");
    expect(page).toContain("lessen (CSV)");
    expect(page).toContain("Uitnodiging gebruikt");
    expect(page).toContain("192.0.2.20");
    expect(page).toContain(funder.name);
    expect(page).toContain("onbekend account");
  });

  it("never holds content: no reflection, no milestone reason, no typed address, no free text planted in a detail", async () => {
    const response = await auditLog(cookie.admin);
    const body = await response.text();
    const page = await html(JSON.parse(body), auditRoute.default);
    for (const secret of Object.values(marker).filter((m) => m !== marker.otherAddress)) {
      expect(body).not.toContain(secret);
      expect(page).not.toContain(secret);
    }
    // Not even in the database: a failed login does not keep the address that was typed.
    const stored = await db().selectFrom("audit_event").where(sql`detail::text`, "like", `%${marker.typedEmail}%`).select("id").execute();
    expect(stored).toEqual([]);
  });

  it("shows the deletions the departures module records: leaving, deleting, restoring, final, anonymised", async () => {
    const leaver = await createPerson({ name: unique("Vertrekker") });
    await recordAudit({ kind: "left_coalition", actorId: leaver.id, subjectId: leaver.id, coalitionId: team.id });
    await recordAudit({ kind: "account_deletion_requested", actorId: leaver.id, subjectId: leaver.id });
    await recordAudit({ kind: "departure_restored", actorId: leaver.id, subjectId: leaver.id });
    await recordAudit({ kind: "departure_finalised", subjectId: leaver.id, detail: { departureId: "00000000-0000-0000-0000-000000000000" } });
    await recordAudit({ kind: "account_anonymised", subjectId: leaver.id });
    const data = await logData(`?person=${encodeURIComponent(leaver.name)}`);
    expect(data.log.entries.map((e) => e.kind)).toEqual([
      "account_anonymised",
      "departure_finalised",
      "departure_restored",
      "account_deletion_requested",
      "left_coalition",
    ]);
    const page = await html(data, auditRoute.default);
    for (const text of ["Coalitie verlaten", "Account verwijderd", "Vertrek teruggedraaid", "Verwijdering definitief", "Account geanonimiseerd", team.name]) {
      expect(page).toContain(text);
    }
    expect(page).not.toContain("00000000-0000");
  });

  it("filters by person, who matches as the one acting and as the one it happened to", async () => {
    const data = await logData(`?person=${encodeURIComponent(other.name)}`);
    expect(data.log.entries.length).toBeGreaterThan(0);
    expect(data.log.entries.every((e) => e.actor?.id === other.id || e.subject?.id === other.id)).toBe(true);
    const kinds = data.log.entries.map((e) => e.kind);
    expect(kinds).toContain("login"); // other as actor
    expect(kinds).toContain("role_change"); // other as subject, the facilitator acting

    const byEmail = await logData(`?person=${encodeURIComponent(member.email.toUpperCase())}`);
    expect(byEmail.log.entries.map((e) => e.kind)).toEqual(expect.arrayContaining(["login", "login_failed"]));
    expect(byEmail.log.entries.every((e) => e.actor?.id === member.id || e.subject?.id === member.id)).toBe(true);

    // A % or _ is a character here, not a wildcard.
    expect((await logData("?person=%25")).log.total).toBe(0);
  });

  it("filters by Amsterdam days, both included, across the change to winter time", async () => {
    const tag = await createPerson({ name: unique("Tijdreiziger") });
    const at = async (instant: string) => {
      const row = await db()
        .insertInto("audit_event")
        .values({ kind: "login", actor_id: tag.id, subject_id: tag.id, at: instant, detail: "{}" })
        .returning("id")
        .executeTakeFirstOrThrow();
      return row.id;
    };
    // 1 November 2026 in Amsterdam (winter time, UTC+1): 31 October 23:00 UTC up to 1 November 23:00 UTC.
    const justBefore = await at("2026-10-31T22:59:59Z");
    const firstMoment = await at("2026-10-31T23:00:00Z");
    const lastMoment = await at("2026-11-01T22:59:59Z");
    const justAfter = await at("2026-11-01T23:00:00Z");
    // 1 July 2026 (summer time, UTC+2) starts at 30 June 22:00 UTC.
    const summer = await at("2026-06-30T22:00:00Z");
    const ids = async (query: string) => {
      const data = await logData(`?person=${encodeURIComponent(tag.name)}${query}`);
      return data.log.entries.map((e) => e.id);
    };
    expect(await ids("&from=2026-11-01&to=2026-11-01")).toEqual([lastMoment, firstMoment]);
    expect(await ids("&from=2026-10-31&to=2026-10-31")).toEqual([justBefore]);
    expect(await ids("&from=2026-11-02")).toEqual([justAfter]);
    expect(await ids("&to=2026-06-30")).toEqual([]);
    expect(await ids("&from=2026-07-01&to=2026-07-01")).toEqual([summer]);
    expect(await ids("&kind=login_failed")).toEqual([]);
  });

  it("says per field what is wrong with a filter, and shows nothing", async () => {
    const response = await auditLog(cookie.admin, "?from=2026-11-05&to=2026-11-01&kind=everything");
    expect(response.status).toBe(400);
    const data = await response.json();
    expect(data.errors.to).toEqual(["audit.error.order"]);
    expect(data.errors.kind).toEqual(["audit.error.kind"]);
    expect(data.log.entries).toEqual([]);
    const page = await html(data, auditRoute.default);
    expect(page).toContain("De einddatum ligt vóór de begindatum. Kies een latere einddatum.");
    expect(page).toMatch(/id="audit-to"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="audit-to"/);

    const badDay = await (await auditLog(cookie.admin, "?from=2026-02-31")).json();
    expect(badDay.errors.from).toEqual(["error.date"]);
  });

  it("pages through the log, newest first", async () => {
    const first = await logData();
    const second = await logData("?page=2");
    expect(first.log.entries.length).toBeLessThanOrEqual(50);
    const times = first.log.entries.map((e) => Date.parse(e.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    if (first.log.total > 50) expect(second.log.entries[0].id).not.toBe(first.log.entries[0].id);
  });

  it("shows an erased account as 'verwijderd account', without its former name", async () => {
    const gone = await createPerson({ name: unique("Vertrokken") });
    await recordAudit({ kind: "login", actorId: gone.id, subjectId: gone.id, address: "192.0.2.99" });
    await db().updateTable("person").set({ name: "", email: `${unique("gewist")}@erased.invalid`, erased_at: new Date() }).where("id", "=", gone.id).execute();
    const data = await logData("?kind=login");
    const page = await html(data, auditRoute.default);
    expect(page).toContain("verwijderd account");
    expect(page).not.toContain(gone.name);
    expect(JSON.stringify(data)).not.toContain("erased.invalid");
  });
});

describe("exports in the log", () => {
  async function exportsBy(person: Person) {
    const rows = await db().selectFrom("audit_event").where("kind", "=", "export").where("actor_id", "=", person.id).select("detail").execute();
    return rows.map((row) => row.detail);
  }

  it("records every CSV, the digest and an event's attendance list, by name only, and a refused one not at all", async () => {
    const funderBefore = (await exportsBy(funder)).length;
    for (const [route, path] of [
      [milestonesExport.loader, "/programme/export/milestones.csv"],
      [activityExport.loader, "/programme/export/activity.csv"],
      [digestRoute.loader, "/programme/digest?from=2026-10-01&to=2026-10-31"],
    ] as const) {
      expect((await callRoute(route, { request: browserRequest(path, { cookie: cookie.funder }) })).status).toBe(200);
    }
    const funderExports = (await exportsBy(funder)).slice(funderBefore);
    expect(funderExports).toEqual(
      expect.arrayContaining([
        { what: "milestones.csv" },
        { what: "activity.csv" },
        { what: "digest", from: "2026-10-01", to: "2026-10-31" },
      ]),
    );

    const event = await insertEvent({ coalitionId: team.id, createdBy: facilitator.id });
    const params = { team: team.slug, id: event.id };
    for (const [route, path] of [
      [registrationsCsv.loader, `/teams/${team.slug}/events/${event.id}/registrations.csv`],
      [attendanceRoute.loader, `/teams/${team.slug}/events/${event.id}/attendance`],
    ] as const) {
      expect((await callRoute(route, { request: browserRequest(path, { cookie: cookie.facilitator }), params })).status).toBe(200);
    }
    expect(await exportsBy(facilitator)).toEqual(
      expect.arrayContaining([
        { what: "registrations.csv", eventId: event.id },
        { what: "attendance", eventId: event.id },
      ]),
    );

    // Refused: nothing taken, nothing recorded.
    expect((await callRoute(lessonsExport.loader, { request: browserRequest("/programme/export/lessons.csv", { cookie: cookie.member }) })).status).toBe(404);
    expect((await callRoute(attendanceRoute.loader, { request: browserRequest("/x", { cookie: cookie.member }), params })).status).toBe(404);
    expect(await exportsBy(member)).toEqual([]);
  });
});

describe("my activity in /settings", () => {
  async function settings(as: string, query = "") {
    const response = await callRoute(settingsRoute.loader, { request: browserRequest(`/settings${query}`, { cookie: as }) });
    expect(response.status).toBe(200);
    return response.json();
  }

  it("lists the person's own logins, failed logins on their account and what was done to them; nobody else's", async () => {
    const data = await settings(cookie.member);
    const entries: LogData["log"]["entries"] = data.activity.entries;
    expect(entries.map((e) => e.kind)).toEqual(expect.arrayContaining(["login", "login_failed", "role_change"]));
    expect(entries.every((e) => e.actor?.id === member.id || e.subject?.id === member.id)).toBe(true);
    const body = JSON.stringify(data);
    expect(body).not.toContain(marker.otherAddress);
    expect(body).not.toContain(other.id);
    const page = await html(data, settingsRoute.default);
    expect(page).toContain("Mijn activiteit");
    expect(page).toContain("Mislukte inlogpoging");
    expect(page).not.toContain(marker.otherAddress);
    expect(page).not.toContain(marker.plantedDetail);
  });

  it("shows the funder their export and the invitee the invitation they used", async () => {
    const funderData = await settings(cookie.funder);
    expect(funderData.activity.entries.map((e: { kind: string }) => e.kind)).toContain("export");
    const inviteeData = await settings(await sessionFor(invitee));
    expect(inviteeData.activity.entries.map((e: { kind: string }) => e.kind)).toContain("invitation_accepted");
    expect(JSON.stringify(inviteeData)).not.toContain(member.id);
  });

  it("pages by 20 with ?activity=", async () => {
    const busy = await createPerson();
    for (let i = 0; i < 25; i++) await recordAudit({ kind: "logout", actorId: busy.id, subjectId: busy.id });
    const as = await sessionFor(busy);
    const first = await settings(as);
    const second = await settings(as, "?activity=2");
    expect(first.activity.total).toBe(25);
    expect(first.activity.entries).toHaveLength(20);
    expect(second.activity.entries).toHaveLength(5);
    const page = await html(first, settingsRoute.default);
    expect(page).toContain(`href="/?activity=2#activity"`);
  });
});
