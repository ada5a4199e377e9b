import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../db/db.server";
import * as attendanceRoute from "../../app/routes/teams.$team.events.$id.attendance";
import * as csvRoute from "../../app/routes/teams.$team.events.$id.registrations[.csv]";
import * as pageRoute from "../../app/routes/teams.$team.events.$id.registrations";
import * as programmeAttendanceRoute from "../../app/routes/programme.events.$id.attendance";
import * as programmeCsvRoute from "../../app/routes/programme.events.$id.registrations[.csv]";
import * as programmePageRoute from "../../app/routes/programme.events.$id.registrations";
import { browserRequest, callRoute, createCoalition, createPerson, sessionFor, unique } from "../fixtures";
import { rowsOf } from "../fixtures/csv";
import { insertEvent } from "../fixtures/events";
import { countQueries } from "../fixtures/queries";
import { renderPage } from "../fixtures/render";

// The organisers' view of an event's registrations (issue 7): counts per answer, the list, a CSV, a printable
// attendance list and one message to everyone. Only the event's organisers read any of it; everyone else,
// including other coalitions' facilitators, the funder (for a coalition's event) and the admin, gets 404, and
// a refused POST sends nothing. After the retention clean-up only the counts remain.

type Role = "facilitator" | "member" | "otherFacilitator" | "funder" | "admin";

let voorst: Awaited<ReturnType<typeof createCoalition>>;
const cookie = {} as Record<Role, string>;
let event: { id: string; slug: string };
let programmeEvent: { id: string; slug: string };
let facilitatorId: string;
let buffet: string;
let tour: string;
const mark = unique("r");
/** Every registrant's address is made from their name, and all of this file's addresses end alike. */
const address = (name: string) => `${name.replace(/\W/g, "").toLowerCase()}.${mark}@example.org`;

async function register(
  eventId: string,
  input: { name: string; status: "registered" | "waiting" | "cancelled"; at: string; organisation?: string; dietary?: string },
  answers: Record<string, boolean> = {}
) {
  const { id } = await db()
    .insertInto("event_registration")
    .values({
      event_id: eventId,
      status: input.status,
      name: input.name,
      email: address(input.name),
      organisation: input.organisation ?? null,
      dietary: input.dietary ?? null,
      created_at: new Date(input.at),
      updated_at: new Date(input.at),
      cancelled_at: input.status === "cancelled" ? new Date(input.at) : null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const rows = Object.entries(answers).map(([question_id, answer]) => ({ registration_id: id, question_id, answer }));
  if (rows.length) await db().insertInto("event_answer").values(rows).execute();
  return id;
}

async function outboxCount(): Promise<number> {
  const row = await db()
    .selectFrom("email_outbox")
    .where("to_address", "like", `%.${mark}@example.org`)
    .select(sql<number>`count(*)::int`.as("n"))
    .executeTakeFirstOrThrow();
  return row.n;
}

const teamParams = () => ({ team: voorst.slug, id: event.id });
const page = (role: Role | null, path = "registrations") =>
  browserRequest(`/teams/${voorst.slug}/events/${event.id}/${path}`, role ? { cookie: cookie[role] } : {});
const message = (form: Record<string, string>, role: Role = "facilitator") =>
  browserRequest(`/teams/${voorst.slug}/events/${event.id}/registrations`, { cookie: cookie[role], form });

beforeAll(async () => {
  voorst = await createCoalition({ name: `Voorst ${mark}` });
  const elsewhere = await createCoalition();
  const bea = await createPerson({ team: voorst, role: "facilitator" });
  cookie.facilitator = await sessionFor(bea);
  facilitatorId = bea.id;
  cookie.member = await sessionFor(await createPerson({ team: voorst, role: "member" }));
  cookie.otherFacilitator = await sessionFor(await createPerson({ team: elsewhere, role: "facilitator" }));
  const funder = await createPerson({ accountRole: "funder" });
  cookie.funder = await sessionFor(funder);
  cookie.admin = await sessionFor(await createPerson({ accountRole: "admin" }));

  event = await insertEvent({
    coalitionId: voorst.id,
    createdBy: bea.id,
    title: "Twee jaar samen",
    capacity: 3,
    asksDietary: true,
    questions: ["Ik eet mee van het buffet", "Ik wil een rondleiding"],
  });
  const questions = await db().selectFrom("event_question").where("event_id", "=", event.id).select(["id"]).orderBy("position").execute();
  [buffet, tour] = questions.map((q) => q.id);

  // 23:30 UTC on 31 December is already 1 January in Amsterdam.
  await register(
    event.id,
    { name: "Zoë de Wit", status: "registered", at: "2026-12-31T23:30:00Z", organisation: "Trefpunt", dietary: "vegetarisch" },
    { [buffet]: true, [tour]: false }
  );
  await register(
    event.id,
    { name: '=HYPERLINK("http://evil")', status: "registered", at: "2027-01-02T10:00:00Z", organisation: "+31 Welzijn" },
    { [buffet]: true }
  );
  await register(
    event.id,
    { name: "anna Bakker", status: "registered", at: "2027-01-03T10:00:00Z", dietary: "  " },
    { [buffet]: false, [tour]: false }
  );
  // The waiting list in the order it moves up; their answers and dietary needs are not counted.
  await register(event.id, { name: "Eva Smit", status: "waiting", at: "2027-01-05T10:00:00Z", dietary: "glutenvrij" }, { [buffet]: true });
  await register(event.id, { name: "Dirk Jansen", status: "waiting", at: "2027-01-04T10:00:00Z" }, { [tour]: true });
  await register(event.id, { name: "Frank Cancel", status: "cancelled", at: "2027-01-01T12:00:00Z" }, { [buffet]: true });

  programmeEvent = await insertEvent({ coalitionId: null, createdBy: funder.id, title: "Landelijke leerdag", capacity: 50 });
  await register(programmeEvent.id, {
    name: "Gerrit Landelijk",
    status: "registered",
    at: "2027-01-02T09:00:00Z",
    organisation: "Gemeente",
  });
});

describe("the registrations page", () => {
  it("shows the counts: registered, waiting, cancelled, places left, yes per question and dietary needs of registered people only", async () => {
    const response = await callRoute(pageRoute.loader, { request: page("facilitator"), params: teamParams() });
    expect(response.status).toBe(200);
    const data = await response.json();
    expect(data.counts).toEqual({
      registered: 3,
      waiting: 2,
      cancelled: 1,
      placesLeft: 0,
      dietary: 1,
      yes: [
        { questionId: buffet, label: "Ik eet mee van het buffet", count: 2 },
        { questionId: tour, label: "Ik wil een rondleiding", count: 0 },
      ],
    });
  });

  it("lists the registrations: registered, then the waiting list in order, then cancelled, with answers", async () => {
    const data = await (await callRoute(pageRoute.loader, { request: page("facilitator"), params: teamParams() })).json();
    expect(
      data.registrations.map((r: { name: string; status: string; waitingPosition: number | null }) => [r.name, r.status, r.waitingPosition])
    ).toEqual([
      ["Zoë de Wit", "registered", null],
      ['=HYPERLINK("http://evil")', "registered", null],
      ["anna Bakker", "registered", null],
      ["Dirk Jansen", "waiting", 1],
      ["Eva Smit", "waiting", 2],
      ["Frank Cancel", "cancelled", null],
    ]);
    expect(data.registrations[0]).toMatchObject({
      email: address("Zoë de Wit"),
      organisation: "Trefpunt",
      dietary: "vegetarisch",
      answers: [true, false],
    });
    expect(data.registrations[1].answers).toEqual([true, null]);

    const html = await renderPage(pageRoute.default, data);
    expect(html).toContain("Zoë de Wit");
    expect(html).toContain("Wachtlijst, plek 2");
    expect(html).toContain("Ja: Ik eet mee van het buffet");
    expect(html).toContain(`href="/teams/${voorst.slug}/events/${event.id}/registrations.csv"`);
    expect(html).toContain(`href="/teams/${voorst.slug}/events/${event.id}/attendance"`);
    expect(html).toContain("Bericht aan alle aangemelden");
    expect(html).toContain('name="subject"');
  });

  it("reads the same few statements however many registered (no query per row)", async () => {
    const many = await countQueries(() => callRoute(pageRoute.loader, { request: page("facilitator"), params: teamParams() }));
    const small = await insertEvent({
      coalitionId: voorst.id,
      createdBy: facilitatorId,
      asksDietary: true,
      questions: ["Buffet", "Rondleiding"],
    });
    const [question] = await db().selectFrom("event_question").where("event_id", "=", small.id).select("id").execute();
    await register(small.id, { name: "Enige Aanmelder", status: "registered", at: "2027-01-02T09:00:00Z" }, { [question.id]: true });
    const request = browserRequest(`/teams/${voorst.slug}/events/${small.id}/registrations`, { cookie: cookie.facilitator });
    const one = await countQueries(() => callRoute(pageRoute.loader, { request, params: { team: voorst.slug, id: small.id } }));
    expect(many).toBe(one);
    expect(many).toBeLessThanOrEqual(9);
  });

  it("says how many messages went out after sending", async () => {
    const request = browserRequest(`/teams/${voorst.slug}/events/${event.id}/registrations?sent=3`, { cookie: cookie.facilitator });
    const data = await (await callRoute(pageRoute.loader, { request, params: teamParams() })).json();
    expect(data.sent).toBe(3);
    expect(await renderPage(pageRoute.default, data)).toContain("Het bericht is verstuurd naar 3 aanmelders.");
  });
});

describe("the CSV", () => {
  it("has a Dutch header, a column per question, ja/nee, Amsterdam times, and neutralised formula cells", async () => {
    const response = await callRoute(csvRoute.loader, { request: page("facilitator", "registrations.csv"), params: teamParams() });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(
      new RegExp(`attachment; filename="leernetwerk-aanmeldingen-${event.slug}-\\d{4}-\\d{2}-\\d{2}\\.csv"`)
    );
    const { header, rows, text } = await rowsOf(response);
    expect(text).toContain("\r\n");
    expect(header).toEqual([
      "Naam",
      "E-mailadres",
      "Organisatie",
      "Status",
      "Ik eet mee van het buffet",
      "Ik wil een rondleiding",
      "Dieetwensen",
      "Aangemeld op",
    ]);
    expect(rows[0]).toEqual([
      "Zoë de Wit",
      address("Zoë de Wit"),
      "Trefpunt",
      "Aangemeld",
      "ja",
      "nee",
      "vegetarisch",
      "1 jan 2027, 00:30",
    ]);
    expect(rows[1].slice(0, 5)).toEqual(['\'=HYPERLINK("http://evil")', address("HYPERLINKhttpevil"), "'+31 Welzijn", "Aangemeld", "ja"]);
    expect(rows[1][5]).toBe("");
    expect(rows.map((r) => r[3])).toEqual(["Aangemeld", "Aangemeld", "Aangemeld", "Wachtlijst, plek 1", "Wachtlijst, plek 2", "Afgemeld"]);
  });

  it("is the same for a programme-wide event, for the funder", async () => {
    const request = browserRequest(`/programme/events/${programmeEvent.id}/registrations.csv`, { cookie: cookie.funder });
    const response = await callRoute(programmeCsvRoute.loader, { request, params: { id: programmeEvent.id } });
    const { header, rows } = await rowsOf(response);
    expect(header).toEqual(["Naam", "E-mailadres", "Organisatie", "Status", "Aangemeld op"]);
    expect(rows).toEqual([["Gerrit Landelijk", address("GerritLandelijk"), "Gemeente", "Aangemeld", "2 jan 2027, 10:00"]]);
  });
});

describe("the attendance list", () => {
  it("holds the registered people only, sorted by name, with columns to tick and sign", async () => {
    const response = await callRoute(attendanceRoute.loader, { request: page("facilitator", "attendance"), params: teamParams() });
    const data = await response.json();
    expect(data.people.map((p: { name: string }) => p.name)).toEqual(['=HYPERLINK("http://evil")', "anna Bakker", "Zoë de Wit"]);
    const html = await renderPage(attendanceRoute.default, data);
    expect(html).toContain("Aanwezig");
    expect(html).toContain("Handtekening");
    expect(html).not.toContain("Eva Smit");
    expect(html).not.toContain(address("Zoë de Wit"));
  });
});

describe("the message to everyone registered", () => {
  it("refuses bad input with a message next to the field and sends nothing", async () => {
    const before = await outboxCount();
    for (const [form, field, text] of [
      [{ subject: "  ", text: "Tot dan!", recipients: "registered" }, "subject", "error.required"],
      [{ subject: "x".repeat(151), text: "Tot dan!", recipients: "registered" }, "subject", "eventRegistrations.error.subjectLong"],
      [{ subject: "Praktisch", text: "", recipients: "registered" }, "text", "error.required"],
      [{ subject: "Praktisch", text: "y".repeat(5001), recipients: "registered" }, "text", "eventRegistrations.error.textLong"],
      [{ subject: "Praktisch", text: "Tot dan!", recipients: "everyone" }, "recipients", "error.choose"],
    ] as const) {
      const response = await callRoute(pageRoute.action, { request: message(form), params: teamParams() });
      expect(response.status).toBe(400);
      const reply = await response.json();
      expect(reply.error[field]).toEqual([text]);
    }
    expect(await outboxCount()).toBe(before);
  });

  it("sends one e-mail to each registered person, and with the waiting list when chosen", async () => {
    const before = await outboxCount();
    const response = await callRoute(pageRoute.action, {
      request: message({
        subject: "Parkeren\r\nBcc: x@evil.example",
        text: "Parkeer bij de kerk.\r\nTot donderdag!",
        recipients: "registered",
      }),
      params: teamParams(),
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/teams/${voorst.slug}/events/${event.id}/registrations?sent=3`);
    expect(await outboxCount()).toBe(before + 3);
    const mails = await db()
      .selectFrom("email_outbox")
      .where("to_address", "like", `%.${mark}@example.org`)
      .selectAll()
      .orderBy("id", "desc")
      .limit(3)
      .execute();
    expect(mails.map((m) => m.to_address).sort()).toEqual(
      [address("Zoë de Wit"), address("HYPERLINKhttpevil"), address("annaBakker")].sort()
    );
    for (const mail of mails) {
      expect(mail.subject).toBe("Parkeren Bcc: x@evil.example");
      expect(mail.body_text).toContain("Parkeer bij de kerk.");
      expect(mail.body_text).toContain("Je krijgt dit bericht omdat je je hebt aangemeld voor Twee jaar samen");
    }

    const withWaiting = await callRoute(pageRoute.action, {
      request: message({ subject: "Wachtlijst", text: "Er komt misschien plek vrij.", recipients: "registeredAndWaiting" }),
      params: teamParams(),
    });
    expect(withWaiting.headers.get("Location")).toMatch(/\?sent=5$/);
    expect(await outboxCount()).toBe(before + 8);
    const cancelled = await db().selectFrom("email_outbox").where("to_address", "=", address("FrankCancel")).select("id").execute();
    expect(cancelled).toEqual([]);
  });

  it("works the same for a programme-wide event, sent by the funder", async () => {
    const before = await outboxCount();
    const request = browserRequest(`/programme/events/${programmeEvent.id}/registrations`, {
      cookie: cookie.funder,
      form: { subject: "Zaal gewijzigd", text: "We zitten in zaal 2.", recipients: "registered" },
    });
    const response = await callRoute(programmePageRoute.action, { request, params: { id: programmeEvent.id } });
    expect(response.headers.get("Location")).toBe(`/programme/events/${programmeEvent.id}/registrations?sent=1`);
    expect(await outboxCount()).toBe(before + 1);
  });
});

describe("who may see and use the registrations", () => {
  const refused: Role[] = ["member", "otherFacilitator", "funder", "admin"];

  it.each(refused)(
    "a coalition's event: %s gets 404 for the page, the CSV, the attendance list and the message, and nothing is sent",
    async (role) => {
      const before = await outboxCount();
      const versionBefore = await db()
        .selectFrom("event")
        .where("id", "=", event.id)
        .select(["version", "updated_at"])
        .executeTakeFirstOrThrow();
      expect((await callRoute(pageRoute.loader, { request: page(role), params: teamParams() })).status).toBe(404);
      expect((await callRoute(csvRoute.loader, { request: page(role, "registrations.csv"), params: teamParams() })).status).toBe(404);
      expect((await callRoute(attendanceRoute.loader, { request: page(role, "attendance"), params: teamParams() })).status).toBe(404);
      const post = await callRoute(pageRoute.action, {
        request: message({ subject: "Spam", text: "Koop nu", recipients: "registeredAndWaiting" }, role),
        params: teamParams(),
      });
      expect(post.status).toBe(404);
      // Bad input from an outsider still gets 404, not the form's errors.
      const badPost = await callRoute(pageRoute.action, { request: message({ subject: "" }, role), params: teamParams() });
      expect(badPost.status).toBe(404);
      expect(await outboxCount()).toBe(before);
      expect(await db().selectFrom("event").where("id", "=", event.id).select(["version", "updated_at"]).executeTakeFirstOrThrow()).toEqual(
        versionBefore
      );
    }
  );

  it("a programme-wide event: a coalition's facilitator, a member and the admin get 404", async () => {
    const before = await outboxCount();
    for (const role of ["facilitator", "member", "otherFacilitator", "admin"] as const) {
      const params = { id: programmeEvent.id };
      const at = (path: string) => browserRequest(`/programme/events/${programmeEvent.id}/${path}`, { cookie: cookie[role] });
      expect((await callRoute(programmePageRoute.loader, { request: at("registrations"), params })).status).toBe(404);
      expect((await callRoute(programmeCsvRoute.loader, { request: at("registrations.csv"), params })).status).toBe(404);
      expect((await callRoute(programmeAttendanceRoute.loader, { request: at("attendance"), params })).status).toBe(404);
      const request = browserRequest(`/programme/events/${programmeEvent.id}/registrations`, {
        cookie: cookie[role],
        form: { subject: "Spam", text: "Koop nu", recipients: "registered" },
      });
      expect((await callRoute(programmePageRoute.action, { request, params })).status).toBe(404);
    }
    expect(await outboxCount()).toBe(before);
  });

  it("an event under the wrong address is not found, even for its organisers", async () => {
    const other = await createCoalition();
    const wrongTeam = { team: other.slug, id: event.id };
    expect((await callRoute(pageRoute.loader, { request: page("facilitator"), params: wrongTeam })).status).toBe(404);
    const asProgramme = browserRequest(`/programme/events/${event.id}/registrations`, { cookie: cookie.facilitator });
    expect((await callRoute(programmePageRoute.loader, { request: asProgramme, params: { id: event.id } })).status).toBe(404);
    const teamAddressForProgrammeEvent = { team: voorst.slug, id: programmeEvent.id };
    expect((await callRoute(pageRoute.loader, { request: page("funder"), params: teamAddressForProgrammeEvent })).status).toBe(404);
    expect(
      (await callRoute(pageRoute.loader, { request: page("facilitator"), params: { team: voorst.slug, id: "niet-een-id" } })).status
    ).toBe(404);
  });

  it("anonymous visitors are sent to the login page, and their POST sends nothing", async () => {
    const before = await outboxCount();
    for (const [route, path] of [
      [pageRoute.loader, "registrations"],
      [csvRoute.loader, "registrations.csv"],
      [attendanceRoute.loader, "attendance"],
    ] as const) {
      const response = await callRoute(route, { request: page(null, path), params: teamParams() });
      expect(response.status).toBe(302);
      expect(response.headers.get("Location")).toBe(
        `/login?redirectTo=${encodeURIComponent(`/teams/${voorst.slug}/events/${event.id}/${path}`)}`
      );
    }
    const request = browserRequest(`/teams/${voorst.slug}/events/${event.id}/registrations`, {
      form: { subject: "Spam", text: "Koop nu", recipients: "registered" },
    });
    const post = await callRoute(pageRoute.action, { request, params: teamParams() });
    expect(post.status).toBe(302);
    expect(post.headers.get("Location")).toMatch(/^\/login/);
    expect(await outboxCount()).toBe(before);
  });
});

describe("after the retention clean-up", () => {
  beforeAll(async () => {
    await db()
      .updateTable("event_registration")
      .set({ name: null, email: null, organisation: null, dietary: null })
      .where("event_id", "=", event.id)
      .execute();
    await db()
      .updateTable("event")
      .set({ personal_data_deleted_at: new Date("2027-04-21T10:00:00Z") })
      .where("id", "=", event.id)
      .execute();
  });

  it("shows only the counts and says when the personal data was deleted; no list, no links, no message form", async () => {
    const data = await (await callRoute(pageRoute.loader, { request: page("facilitator"), params: teamParams() })).json();
    expect(data.registrations).toBeNull();
    // The yes/no answers are not personal data and stay (event-retention.server.ts), so "how many ate along" survives.
    expect(data.counts).toMatchObject({ registered: 3, waiting: 2, cancelled: 1, placesLeft: 0, yes: [{ count: 2 }, { count: 0 }] });
    const html = await renderPage(pageRoute.default, data);
    expect(html).toContain("zijn op 21 april 2027 verwijderd");
    expect(html).not.toContain("registrations.csv");
    expect(html).not.toContain("/attendance");
    expect(html).not.toContain("Bericht aan alle aangemelden");
    expect(html).not.toContain("<form");
    // Dietary needs were wiped with the rest, so their count would read 0: it is not shown.
    expect(html).not.toContain("Gaf een dieetwens op");
  });

  it("answers 404 for the CSV, the attendance list and a message, and sends nothing", async () => {
    const before = await outboxCount();
    expect((await callRoute(csvRoute.loader, { request: page("facilitator", "registrations.csv"), params: teamParams() })).status).toBe(
      404
    );
    expect((await callRoute(attendanceRoute.loader, { request: page("facilitator", "attendance"), params: teamParams() })).status).toBe(
      404
    );
    const post = await callRoute(pageRoute.action, {
      request: message({ subject: "Nog één ding", text: "Bedankt!", recipients: "registered" }),
      params: teamParams(),
    });
    expect(post.status).toBe(404);
    expect(await outboxCount()).toBe(before);
  });
});
