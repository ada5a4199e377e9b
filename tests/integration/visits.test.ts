import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../db/db.server";
import { MAX_ATTEMPTS_PER_ADDRESS } from "../../app/domain/visits/visit-requests.server";
import { visitAnswerPages, visitRequestRows } from "../../app/domain/visits/personal-data.server";
import { purgeVisitRequestContacts } from "../../app/domain/visits/visit-retention.server";
import { JOBS } from "../../app/server/jobs.server";
import * as openRoute from "../../app/routes/open._index";
import * as thanksRoute from "../../app/routes/open.$team.thanks";
import * as visitRoute from "../../app/routes/open.$team.visit";
import * as visitsRoute from "../../app/routes/teams.$team.visits";
import { BASE, callRoute, createCoalition, createPerson, lastMailTo, sessionFor, unique } from "../fixtures";
import { insertAgreement, insertVersion } from "../fixtures/agreements";
import { insertEvent } from "../fixtures/events";
import { writeReflection } from "../fixtures/reflections";
import { renderPage } from "../fixtures/render";
import { postForm, type Entries } from "../fixtures/sessions";

// The programme's public face and the requests to come and see a coalition: /open shows only what a coalition
// made public itself, the "kom kijken" form is for anyone (honeypot, throttle, errors per field), the requests
// are for the coalition's facilitators alone, and the requester's details go 90 days after the answer. Each
// rule is tried from the wrong side first.

type Team = Awaited<ReturnType<typeof createCoalition>>;
let team: Team;
let otherTeam: Team;
let facilitator: { id: string; name: string };
let cookies: { facilitator: string; member: string; otherFacilitator: string; funder: string };
let addressCounter = 0;
const freshAddress = () => `10.7.${Math.floor(++addressCounter / 250)}.${addressCounter % 250}`;
const DAY = 864e5;

beforeAll(async () => {
  team = await createCoalition();
  otherTeam = await createCoalition();
  facilitator = await createPerson({ team, role: "facilitator" });
  const member = await createPerson({ team, role: "member" });
  const otherFacilitator = await createPerson({ team: otherTeam, role: "facilitator" });
  const funder = await createPerson({ accountRole: "funder" });
  cookies = {
    facilitator: await sessionFor(facilitator),
    member: await sessionFor(member),
    otherFacilitator: await sessionFor(otherFacilitator),
    funder: await sessionFor(funder),
  };
});

function getRequest(path: string, cookie?: string) {
  const headers = new Headers();
  if (cookie) headers.set("Cookie", cookie);
  return new Request(BASE + path, { headers });
}

const openPage = () => callRoute(openRoute.loader, { request: getRequest("/open"), params: {} });

const requestsPage = (slug: string, cookie?: string) =>
  callRoute(visitsRoute.loader, { request: getRequest(`/teams/${slug}/visits`, cookie), params: { team: slug } });

function answer(slug: string, cookie: string | undefined, entries: Entries) {
  return callRoute(visitsRoute.action, { request: postForm(`/teams/${slug}/visits`, cookie, entries), params: { team: slug } });
}

type VisitFields = { organisation?: string; contactName?: string; email?: string; wishes?: string; website?: string };

function askToVisit(slug: string, fields: VisitFields = {}, address = freshAddress()) {
  const entries: Entries = [
    ["organisation", fields.organisation ?? "Gemeente Deventer"],
    ["contactName", fields.contactName ?? "Fatima Yilmaz"],
    ["email", fields.email ?? `${unique("fatima")}@voorbeeld.nl`],
    ["wishes", fields.wishes ?? "Ik wil graag een overleg met bewoners bijwonen."],
    ["website", fields.website ?? ""],
  ];
  return callRoute(visitRoute.action, { request: postForm(`/open/${slug}/visit`, undefined, entries), params: { team: slug }, context: { clientAddress: address } });
}

const requestsOf = (coalitionId: string) =>
  db().selectFrom("visit_request").where("coalition_id", "=", coalitionId).selectAll().orderBy("created_at").execute();

describe("/open", () => {
  it("never shows an unpublished agreement, a network event or a team reflection", async () => {
    const marker = unique("GEHEIM");
    await insertAgreement(otherTeam.id);
    await insertVersion({
      coalitionId: otherTeam.id,
      number: 1,
      status: "signed",
      articles: [{ title: `Artikel ${marker}`, body: `Tekst ${marker}` }],
      signedBy: [{ organisationId: otherTeam.organisationId, name: "Ria Veld", function: "directeur", signedOn: "2026-10-01" }],
    });
    await insertEvent({ coalitionId: otherTeam.id, createdBy: facilitator.id, audience: "network", title: `Avond ${marker}` });
    await insertEvent({ coalitionId: otherTeam.id, createdBy: facilitator.id, audience: "public", title: `Voorbij ${marker}`, startsAt: new Date(Date.now() - 2 * DAY) });
    await writeReflection(facilitator.id, otherTeam.id, { title: `Reflectie ${marker}`, text: `Tekst ${marker}`, visibility: "team" });
    await writeReflection(facilitator.id, otherTeam.id, { title: `Netwerk ${marker}`, text: `Tekst ${marker}`, visibility: "network" });

    const response = await openPage();
    expect(response.status).toBe(200);
    const data = await response.json();
    const html = await renderPage(openRoute.default, data);
    for (const shown of [JSON.stringify(data), html]) {
      expect(shown).not.toContain(marker);
      expect(shown).not.toContain(`/agreements/${otherTeam.slug}`);
    }
    const listed = data.coalitions.find((c: { slug: string }) => c.slug === otherTeam.slug);
    expect(listed).toMatchObject({ name: otherTeam.name, agreementPublished: false, events: [], partners: [`Welzijn ${otherTeam.slug}`] });
    expect(html).toContain(`/open/${otherTeam.slug}/visit`);
    // No member is named on the public page.
    expect(JSON.stringify(data)).not.toContain(facilitator.name);
  });

  it("shows a published agreement and a coming public event, each with its link", async () => {
    await insertAgreement(team.id, { published: true });
    await insertVersion({ coalitionId: team.id, number: 1, status: "signed" });
    const event = await insertEvent({ coalitionId: team.id, createdBy: facilitator.id, audience: "public", title: "Open avond in het buurthuis" });
    const data = await (await openPage()).json();
    const listed = data.coalitions.find((c: { slug: string }) => c.slug === team.slug);
    expect(listed.agreementPublished).toBe(true);
    expect(listed.events.map((e: { slug: string }) => e.slug)).toEqual([event.slug]);
    const html = await renderPage(openRoute.default, data);
    expect(html).toContain(`/agreements/${team.slug}`);
    expect(html).toContain(`/events/${event.slug}`);
  });
});

describe("the visit request form", () => {
  it("is not there for a coalition that does not exist", async () => {
    expect((await callRoute(visitRoute.loader, { request: getRequest("/open/bestaat-niet/visit"), params: { team: "bestaat-niet" } })).status).toBe(404);
    expect((await askToVisit("bestaat-niet")).status).toBe(404);
  });

  it("turns bad input away field by field, keeps what was typed and saves nothing", async () => {
    const response = await askToVisit(team.slug, { email: "geen-adres", contactName: "x".repeat(10_000), wishes: "   " });
    expect(response.status).toBe(400);
    const { result } = await response.json();
    expect(result.error.email).toEqual(["error.email"]);
    expect(result.error.contactName).toEqual(["error.tooLong.120"]);
    expect(result.error.wishes).toEqual(["open.error.wishes"]);
    expect(result.initialValue.email).toBe("geen-adres");
    expect(result.initialValue.organisation).toBe("Gemeente Deventer");
    const tooMuch = await askToVisit(team.slug, { wishes: "a".repeat(2001), organisation: "" });
    const { result: second } = await tooMuch.json();
    expect(second.error.wishes).toEqual(["error.tooLong.2000"]);
    expect(second.error.organisation).toEqual(["open.error.organisation"]);
    expect(await requestsOf(team.id)).toHaveLength(0);
  });

  it("tells a robot that filled the honeypot what a person is told, and saves nothing", async () => {
    const response = await askToVisit(team.slug, { website: "http://spam.example" });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/open/${team.slug}/thanks`);
    expect(await requestsOf(team.id)).toHaveLength(0);
  });

  it("stops a flood from one address and saves nothing more", async () => {
    const address = freshAddress();
    for (let i = 0; i < MAX_ATTEMPTS_PER_ADDRESS; i++) {
      expect((await askToVisit(team.slug, { website: "robot" }, address)).status).toBe(302);
    }
    const response = await askToVisit(team.slug, {}, address);
    expect(response.status).toBe(429);
    expect((await response.json()).throttled).toBe(true);
    expect(await requestsOf(team.id)).toHaveLength(0);
  });

  it("saves a request, thanks the sender and tells the facilitators, leading to the requests page", async () => {
    const email = `${unique("lia")}@voorbeeld.nl`;
    const response = await askToVisit(team.slug, { organisation: "Bibliotheek Twello", contactName: "Lia de Boer", email });
    expect(response.headers.get("Location")).toBe(`/open/${team.slug}/thanks`);
    const thanks = await callRoute(thanksRoute.loader, { request: getRequest(`/open/${team.slug}/thanks`), params: { team: team.slug } });
    expect(thanks.status).toBe(200);
    const saved = (await requestsOf(team.id)).find((r) => r.email === email)!;
    expect(saved).toMatchObject({ organisation: "Bibliotheek Twello", contact_name: "Lia de Boer", answered_at: null });
    const told = await db()
      .selectFrom("notification")
      .where("kind", "=", "visit_request")
      .where("item_id", "=", saved.id)
      .select(["recipient_id", "item_type"])
      .execute();
    expect(told).toEqual([{ recipient_id: facilitator.id, item_type: "visit_request" }]);
    // Told at once by e-mail (the kind's default), with the link to the requests page.
    const facilitatorEmail = (await db().selectFrom("person").where("id", "=", facilitator.id).select("email").executeTakeFirstOrThrow()).email;
    const mail = await lastMailTo(facilitatorEmail);
    expect(mail?.body_text).toContain(`/teams/${team.slug}/visits`);
    expect(mail?.body_text).toContain("Bibliotheek Twello");
    // The same address again while the request is open: no second request.
    await askToVisit(team.slug, { email });
    expect((await requestsOf(team.id)).filter((r) => r.email === email)).toHaveLength(1);
  });
});

describe("the requests page", () => {
  it("is not there for a member, another coalition's facilitator, the funder or someone signed out", async () => {
    for (const cookie of [cookies.member, cookies.otherFacilitator, cookies.funder]) {
      expect((await requestsPage(team.slug, cookie)).status).toBe(404);
    }
    const signedOut = await requestsPage(team.slug);
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get("Location")).toContain("/login");
    const open = (await requestsOf(team.id)).find((r) => !r.answered_at)!;
    for (const cookie of [cookies.member, cookies.otherFacilitator, cookies.funder]) {
      const response = await answer(team.slug, cookie, [["requestId", open.id], ["answer", "Kom maar langs."]]);
      expect(response.status).toBe(404);
    }
    expect((await answer(team.slug, undefined, [["requestId", open.id], ["answer", "Kom maar langs."]])).status).toBe(302);
    // Another coalition's facilitator answering on their own page finds no such request either.
    const elsewhere = await answer(otherTeam.slug, cookies.otherFacilitator, [["requestId", open.id], ["answer", "Kom maar langs."]]);
    expect(elsewhere.status).toBe(400);
    expect((await requestsOf(team.id)).find((r) => r.id === open.id)!.answered_at).toBeNull();
  });

  it("shows the facilitator the open requests with their contact details", async () => {
    const response = await requestsPage(team.slug, cookies.facilitator);
    expect(response.status).toBe(200);
    const data = await response.json();
    expect(data.open.map((r: { contactName: string }) => r.contactName)).toContain("Lia de Boer");
    expect(data.answered).toEqual([]);
  });

  it("refuses an empty answer next to its field and sends nothing", async () => {
    const open = (await requestsOf(team.id)).find((r) => !r.answered_at)!;
    const response = await answer(team.slug, cookies.facilitator, [["requestId", open.id], ["answer", "  "]]);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.result.error.answer).toEqual(["visits.error.answer"]);
    expect(body.requestId).toBe(open.id);
    expect(await lastMailTo(open.email!)).toBeUndefined();
  });

  it("mails the answer to the requester and records who answered and when", async () => {
    const open = (await requestsOf(team.id)).find((r) => !r.answered_at)!;
    const response = await answer(team.slug, cookies.facilitator, [["requestId", open.id], ["answer", "Welkom op dinsdag om tien uur in het Trefpunt."]]);
    expect(response.status).toBe(302);
    const answered = (await requestsOf(team.id)).find((r) => r.id === open.id)!;
    expect(answered.answered_by).toBe(facilitator.id);
    expect(answered.answered_at).not.toBeNull();
    const mail = await lastMailTo(open.email!);
    expect(mail?.subject).toContain(team.name);
    expect(mail?.body_text).toContain("Welkom op dinsdag om tien uur in het Trefpunt.");
    expect(mail?.body_text).toContain("Hallo Lia de Boer");
    const data = await (await requestsPage(team.slug, cookies.facilitator)).json();
    expect(data.answered.map((r: { id: string }) => r.id)).toEqual([open.id]);
    // Answering again is refused.
    const again = await answer(team.slug, cookies.facilitator, [["requestId", open.id], ["answer", "Nog een keer."]]);
    expect(again.status).toBe(400);
  });
});

describe("90 days after the answer", () => {
  it("deletes the contact details and the old throttle attempts, every hour", async () => {
    expect(JOBS.find((job) => job.name === "purge-visit-request-contacts")?.hourly).toBe(true);
    const now = new Date();
    const base = { coalition_id: team.id, organisation: "Stichting Oud", contact_name: "Oud Contact", wishes: "Meekijken." };
    const [old, recent, unanswered] = await Promise.all(
      [91, 89, null].map(async (daysAgo, index) =>
        db()
          .insertInto("visit_request")
          .values({
            ...base,
            email: `${unique(`oud${index}`)}@voorbeeld.nl`,
            created_at: new Date(now.getTime() - 200 * DAY),
            answer: daysAgo === null ? null : "Graag!",
            answered_at: daysAgo === null ? null : new Date(now.getTime() - daysAgo * DAY),
            answered_by: daysAgo === null ? null : facilitator.id,
          })
          .returning("id")
          .executeTakeFirstOrThrow(),
      ),
    );
    await db().insertInto("visit_request_attempt").values({ coalition_id: team.id, address: "10.9.9.9", attempted_at: new Date(now.getTime() - 2 * DAY) }).execute();

    expect(await purgeVisitRequestContacts(now)).toBe(1);
    const rows = await requestsOf(team.id);
    expect(rows.find((r) => r.id === old.id)).toMatchObject({
      organisation: "Stichting Oud",
      contact_name: null,
      email: null,
      wishes: null,
      answer: null,
      personal_data_deleted_at: now,
    });
    expect(rows.find((r) => r.id === recent.id)!.email).not.toBeNull();
    expect(rows.find((r) => r.id === unanswered.id)!.email).not.toBeNull();
    const attempts = await db().selectFrom("visit_request_attempt").where("address", "=", "10.9.9.9").select("id").execute();
    expect(attempts).toEqual([]);
    // Nothing more to do an hour later; the page says the details are gone.
    expect(await purgeVisitRequestContacts(now)).toBe(0);
    const data = await (await requestsPage(team.slug, cookies.facilitator)).json();
    expect(data.answered.find((r: { id: string }) => r.id === old.id)).toMatchObject({ contactName: null, email: null, wishes: null });
  });
});

describe("the facilitator who answered", () => {
  it("finds the answers in their personal data", async () => {
    const pages = [];
    for await (const page of visitAnswerPages(facilitator)) pages.push(...page);
    expect(pages).toContainEqual(expect.objectContaining({ coalition: team.slug, organisation: "Bibliotheek Twello", answer: "Welkom op dinsdag om tien uur in het Trefpunt." }));
  });

  it("is handed over to the stand-in on leaving the coalition, and forgotten when erased", async () => {
    const leaver = await createPerson({ team, role: "facilitator" });
    const standIn = await createPerson({});
    const insert = (answeredBy: string, coalitionId: string) =>
      db()
        .insertInto("visit_request")
        .values({ coalition_id: coalitionId, organisation: "Stichting Buurt", contact_name: "Kim", email: `${unique("kim")}@voorbeeld.nl`, wishes: "Kijken.", answer: "Ja.", answered_at: new Date(), answered_by: answeredBy })
        .returning("id")
        .executeTakeFirstOrThrow();
    const here = await insert(leaver.id, team.id);
    const elsewhere = await insert(leaver.id, otherTeam.id);
    await db().transaction().execute((trx) => visitRequestRows.handOver!(trx, { from: leaver.id, to: standIn.id, coalitionId: team.id, keepPrivate: false }));
    const answeredBy = async (id: string) => (await db().selectFrom("visit_request").where("id", "=", id).select("answered_by").executeTakeFirstOrThrow()).answered_by;
    expect(await answeredBy(here.id)).toBe(standIn.id);
    expect(await answeredBy(elsewhere.id)).toBe(leaver.id);
    await db().transaction().execute((trx) => visitRequestRows.erase!(trx, { id: leaver.id, email: "niemand@voorbeeld.nl" }));
    expect(await answeredBy(elsewhere.id)).toBeNull();
  });

  it("a request sent from the address of an erased account loses its contact details", async () => {
    const email = `${unique("wis")}@voorbeeld.nl`;
    const { id } = await db()
      .insertInto("visit_request")
      .values({ coalition_id: team.id, organisation: "Buurtkracht", contact_name: "Wis Mij", email, wishes: "Kijken." })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db().transaction().execute((trx) => visitRequestRows.erase!(trx, { id: randomUUID(), email: email.toUpperCase() }));
    const row = await db().selectFrom("visit_request").where("id", "=", id).selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ organisation: "Buurtkracht", contact_name: null, email: null, wishes: null });
    expect(row.personal_data_deleted_at).not.toBeNull();
  });
});
