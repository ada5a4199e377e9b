import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../db/db.server";
import { purgeJoinRequestContacts } from "../../app/domain/agreements/joining/join-retention.server";
import { MAX_ATTEMPTS_PER_ADDRESS } from "../../app/domain/agreements/joining/public-agreement.server";
import * as publicRoute from "../../app/routes/agreements.$team._index";
import * as thanksRoute from "../../app/routes/agreements.$team.thanks";
import * as programmeRoute from "../../app/routes/programme.agreements";
import * as requestsRoute from "../../app/routes/teams.$team.agreement_.requests";
import { BASE, callRoute, createCoalition, createPerson, lastMailTo, sessionFor, unique } from "../fixtures";
import { insertAgreement, insertRound, insertVersion } from "../fixtures/agreements";
import { postForm, type Entries } from "../fixtures/sessions";

// Joining a coalition's published agreement: the public page and its form for outsiders, the facilitators'
// decisions, the 90-day deletion of contact details, and the funder's overview, which shows join requests only
// as counts and round texts only of rounds whose outcome was shared. Each rule is tried from the wrong side first.

type Team = Awaited<ReturnType<typeof createCoalition>>;
let team: Team;
let otherTeam: Team;
let facilitator: { id: string };
let cookies: { facilitator: string; member: string; otherFacilitator: string; funder: string };
let versionId: string;
let addressCounter = 0;
const freshAddress = () => `10.2.${Math.floor(++addressCounter / 250)}.${addressCounter % 250}`;

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
  await insertAgreement(team.id);
  ({ id: versionId } = await insertVersion({
    coalitionId: team.id,
    number: 1,
    status: "signed",
    articles: [{ title: "Elkaar kennen", body: "We ontmoeten elkaar elke maand in het Trefpunt." }],
    signedBy: [{ organisationId: team.organisationId, name: "Ria Veld", function: "directeur", signedOn: "2026-10-01" }],
  }));
});

function getRequest(path: string, cookie?: string) {
  const headers = new Headers();
  if (cookie) headers.set("Cookie", cookie);
  return new Request(BASE + path, { headers });
}

const publicPage = (slug: string, cookie?: string) =>
  callRoute(publicRoute.loader, { request: getRequest(`/agreements/${slug}`, cookie), params: { team: slug } });

const requestsPage = (slug: string, cookie: string) =>
  callRoute(requestsRoute.loader, { request: getRequest(`/teams/${slug}/agreement/requests`, cookie), params: { team: slug } });

function postRequests(slug: string, cookie: string, entries: Entries) {
  return callRoute(requestsRoute.action, {
    request: postForm(`/teams/${slug}/agreement/requests`, cookie, entries),
    params: { team: slug },
    context: { clientAddress: "192.0.2.1" },
  });
}

type JoinFields = { kind?: string; organisationName?: string; contactName?: string; email?: string; motivation?: string; website?: string };

function join(slug: string, fields: JoinFields = {}, address = freshAddress()) {
  const entries: Entries = [
    ["kind", fields.kind ?? "organisation"],
    ["organisationName", fields.organisationName ?? "Buurtvereniging De Horst"],
    ["contactName", fields.contactName ?? "Jan Smit"],
    ["email", fields.email ?? `${unique("jan")}@voorbeeld.nl`],
    ["motivation", fields.motivation ?? "Wij organiseren de koffieochtenden en willen meedoen."],
    ["website", fields.website ?? ""],
  ];
  return callRoute(publicRoute.action, { request: postForm(`/agreements/${slug}`, undefined, entries), params: { team: slug }, context: { clientAddress: address } });
}

const requestsOf = (coalitionId: string) =>
  db().selectFrom("agreement_join_request").where("coalition_id", "=", coalitionId).selectAll().orderBy("created_at").execute();

describe("publishing", () => {
  it("is not there for anyone while unpublished, signed out or not", async () => {
    expect((await publicPage(team.slug)).status).toBe(404);
    expect((await publicPage(team.slug, cookies.facilitator)).status).toBe(404);
    expect((await join(team.slug)).status).toBe(404);
    expect((await callRoute(thanksRoute.loader, { request: getRequest(`/agreements/${team.slug}/thanks`), params: { team: team.slug } })).status).toBe(404);
    expect(await requestsOf(team.id)).toHaveLength(0);
  });

  it("is refused to a member, another coalition's facilitator and the funder", async () => {
    for (const cookie of [cookies.member, cookies.otherFacilitator, cookies.funder]) {
      expect((await postRequests(team.slug, cookie, [["intent", "publish"], ["publish", "yes"]])).status).toBe(404);
    }
    expect((await publicPage(team.slug)).status).toBe(404);
  });

  it("needs a version in force", async () => {
    await insertAgreement(otherTeam.id);
    await insertVersion({ coalitionId: otherTeam.id, number: 1, status: "proposed" });
    const otherCookie = cookies.otherFacilitator;
    const response = await postRequests(otherTeam.slug, otherCookie, [["intent", "publish"], ["publish", "yes"]]);
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain("joining.publish.noVersion");
    expect((await publicPage(otherTeam.slug)).status).toBe(404);
  });

  it("shows the version in force to anyone once a facilitator publishes it", async () => {
    const response = await postRequests(team.slug, cookies.facilitator, [["intent", "publish"], ["publish", "yes"]]);
    expect(response.status).toBe(302);
    const page = await publicPage(team.slug);
    expect(page.status).toBe(200);
    const data = await page.json();
    expect(data.coalition.name).toBe(team.name);
    expect(data.version.articles.map((a: { title: string }) => a.title)).toEqual(["Elkaar kennen"]);
    expect(data.signatures).toEqual([{ organisationName: `Welzijn ${team.slug}`, name: "Ria Veld", function: "directeur", signedOn: "2026-10-01" }]);
    expect(data.partners).toEqual([`Welzijn ${team.slug}`]);
  });
});

describe("the join form", () => {
  it("turns bad input away field by field, keeps what was typed and saves nothing", async () => {
    const before = (await requestsOf(team.id)).length;
    const response = await join(team.slug, { email: "geen-adres", contactName: "x".repeat(10_000), motivation: "   " });
    expect(response.status).toBe(400);
    const { result } = await response.json();
    expect(result.error.email).toEqual(["error.email"]);
    expect(result.error.contactName).toEqual(["error.tooLong.120"]);
    expect(result.error.motivation).toEqual(["joining.public.error.motivation"]);
    expect(result.initialValue.email).toBe("geen-adres");
    expect(result.initialValue.organisationName).toBe("Buurtvereniging De Horst");
    const noName = await join(team.slug, { organisationName: "" });
    expect((await noName.json()).result.error.organisationName).toEqual(["joining.public.error.organisationName"]);
    expect(await requestsOf(team.id)).toHaveLength(before);
  });

  it("tells a robot that filled the honeypot what a person is told, and saves nothing", async () => {
    const before = (await requestsOf(team.id)).length;
    const response = await join(team.slug, { website: "http://spam.example" });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/agreements/${team.slug}/thanks`);
    expect(await requestsOf(team.id)).toHaveLength(before);
  });

  it("stops a flood from one address and saves nothing more", async () => {
    const address = freshAddress();
    const before = (await requestsOf(team.id)).length;
    for (let i = 0; i < MAX_ATTEMPTS_PER_ADDRESS; i++) {
      expect((await join(team.slug, { website: "robot" }, address)).status).toBe(302);
    }
    const response = await join(team.slug, {}, address);
    expect(response.status).toBe(429);
    expect((await response.json()).throttled).toBe(true);
    expect(await requestsOf(team.id)).toHaveLength(before);
  });

  it("saves a request, thanks the sender and tells the facilitators", async () => {
    const email = `${unique("lia")}@voorbeeld.nl`;
    const response = await join(team.slug, { organisationName: "Bibliotheek Twello", contactName: "Lia de Boer", email });
    expect(response.headers.get("Location")).toBe(`/agreements/${team.slug}/thanks`);
    const saved = (await requestsOf(team.id)).find((r) => r.email === email)!;
    expect(saved).toMatchObject({ kind: "organisation", organisation_name: "Bibliotheek Twello", contact_name: "Lia de Boer", decision: null });
    const told = await db()
      .selectFrom("notification")
      .where("recipient_id", "=", facilitator.id)
      .where("kind", "=", "join_request")
      .select(["item_type", "item_id"])
      .execute();
    expect(told).toContainEqual({ item_type: "agreement", item_id: team.id });
    // The same address again while the request is open: no second request.
    await join(team.slug, { email });
    expect((await requestsOf(team.id)).filter((r) => r.email === email)).toHaveLength(1);
  });
});

describe("the requests page", () => {
  it("is not there for a member, another coalition's facilitator or the funder", async () => {
    for (const cookie of [cookies.member, cookies.otherFacilitator, cookies.funder]) {
      expect((await requestsPage(team.slug, cookie)).status).toBe(404);
    }
    const open = (await requestsOf(team.id)).find((r) => !r.decision)!;
    for (const cookie of [cookies.member, cookies.otherFacilitator, cookies.funder]) {
      const response = await postRequests(team.slug, cookie, [["intent", "decide"], ["requestId", open.id], ["decision", "accepted"]]);
      expect(response.status).toBe(404);
    }
    expect((await requestsOf(team.id)).find((r) => r.id === open.id)!.decision).toBeNull();
  });

  it("shows the facilitator the open requests with their contact details", async () => {
    const response = await requestsPage(team.slug, cookies.facilitator);
    expect(response.status).toBe(200);
    const data = await response.json();
    expect(data.open.map((r: { contactName: string }) => r.contactName)).toContain("Lia de Boer");
    expect(data.versionInForce).toBe(1);
  });

  it("makes an accepted organisation a partner that is asked to sign the version in force", async () => {
    const request = (await requestsOf(team.id)).find((r) => r.organisation_name === "Bibliotheek Twello")!;
    const response = await postRequests(team.slug, cookies.facilitator, [
      ["intent", "decide"],
      ["requestId", request.id],
      ["decision", "accepted"],
      ["message", "Welkom! We bellen je deze week."],
      ["organisationKind", "other"],
    ]);
    expect(response.status).toBe(302);
    const decided = (await requestsOf(team.id)).find((r) => r.id === request.id)!;
    expect(decided).toMatchObject({ decision: "accepted", decided_by: facilitator.id });
    const partner = await db().selectFrom("organisation").where("id", "=", decided.organisation_id!).selectAll().executeTakeFirstOrThrow();
    expect(partner).toMatchObject({ coalition_id: team.id, name: "Bibliotheek Twello", kind: "other" });
    const signatory = await db()
      .selectFrom("agreement_signatory")
      .where("version_id", "=", versionId)
      .where("organisation_id", "=", partner.id)
      .selectAll()
      .executeTakeFirst();
    expect(signatory).toBeDefined();
    const mail = await lastMailTo(request.email!);
    expect(mail?.subject).toContain("Welkom");
    expect(mail?.body_text).toContain("We bellen je deze week.");
    expect(mail?.body_text).toContain(`/agreements/${team.slug}`);
    const audit = await db().selectFrom("audit_event").where("kind", "=", "join_request_accepted").where("coalition_id", "=", team.id).select("actor_id").execute();
    expect(audit).toEqual([{ actor_id: facilitator.id }]);
    // The new partner shows on the public page; deciding again is refused.
    expect((await (await publicPage(team.slug)).json()).partners).toContain("Bibliotheek Twello");
    const again = await postRequests(team.slug, cookies.facilitator, [["intent", "decide"], ["requestId", request.id], ["decision", "declined"]]);
    expect(again.status).toBe(400);
  });

  it("tells a declined requester by e-mail, in the audit log too", async () => {
    const email = `${unique("piet")}@voorbeeld.nl`;
    await join(team.slug, { kind: "organisation", organisationName: "Handel BV", email });
    const request = (await requestsOf(team.id)).find((r) => r.email === email)!;
    await postRequests(team.slug, cookies.facilitator, [["intent", "decide"], ["requestId", request.id], ["decision", "declined"]]);
    expect((await lastMailTo(email))?.body_text).toContain("nu niet aan te nemen");
    expect(await db().selectFrom("organisation").where("name", "=", "Handel BV").select("id").execute()).toEqual([]);
    const audit = await db().selectFrom("audit_event").where("kind", "=", "join_request_declined").where("coalition_id", "=", team.id).select("detail").execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(email);
  });
});

describe("90 days after the decision", () => {
  it("deletes the contact details, keeps the partner, and names a person who joined no longer", async () => {
    const email = `${unique("kees")}@voorbeeld.nl`;
    await join(team.slug, { kind: "individual", organisationName: "", contactName: "Kees Bos", email });
    const request = (await requestsOf(team.id)).find((r) => r.email === email)!;
    await postRequests(team.slug, cookies.facilitator, [["intent", "decide"], ["requestId", request.id], ["decision", "accepted"]]);
    expect((await (await publicPage(team.slug)).json()).people).toEqual({ named: ["Kees Bos"], unnamed: 0 });

    const openEmail = `${unique("open")}@voorbeeld.nl`;
    await join(team.slug, { email: openEmail });
    const decidedAt = (await requestsOf(team.id)).find((r) => r.id === request.id)!.decided_at!;
    // A day short of 90: kept.
    expect(await purgeJoinRequestContacts(new Date(decidedAt.getTime() + 89 * 864e5))).toBe(0);
    // Past 90 days: every decided request of this test file is emptied; the open one keeps its details.
    const emptied = await purgeJoinRequestContacts(new Date(decidedAt.getTime() + 91 * 864e5));
    expect(emptied).toBeGreaterThanOrEqual(3);
    const rows = await requestsOf(team.id);
    for (const row of rows.filter((r) => r.decision)) {
      expect(row).toMatchObject({ contact_name: null, email: null, motivation: null, decision_message: null });
      expect(row.contact_deleted_at).not.toBeNull();
    }
    expect(rows.find((r) => r.email === openEmail)?.contact_name).toBe("Jan Smit");
    expect(rows.find((r) => r.organisation_name === "Bibliotheek Twello")?.organisation_id).not.toBeNull();
    expect((await (await publicPage(team.slug)).json()).people).toEqual({ named: [], unnamed: 1 });
    const page = await (await requestsPage(team.slug, cookies.facilitator)).json();
    expect(JSON.stringify(page.decided)).not.toContain("Kees Bos");
  });
});

describe("the funder's overview", () => {
  let themeId: string;
  const marker = `GEHEIM-${unique("onzichtbaar")}`;

  beforeAll(async () => {
    const theme = await db().selectFrom("theme").select(["id", "slug"]).orderBy("position").executeTakeFirstOrThrow();
    themeId = theme.id;
    await insertRound({ coalitionId: team.id, question: "Wat maakt je buurt fijn?", shared: true, contributions: [
      { perspective: "resident", body: "Een bankje bij de bakker." },
      { perspective: "municipality", body: "Korte lijnen met het welzijnswerk." },
    ] });
    const unshared = await insertRound({ coalitionId: team.id, question: "Wat mist er?", shared: false, themeId, contributions: [
      { perspective: "board", body: marker },
      { perspective: "board", body: `${marker} twee` },
    ] });
    await insertVersion({
      coalitionId: team.id,
      number: 2,
      status: "signed",
      articles: [{ title: "Ontmoeten", body: "Elke week een open inloop.", roundThemeIds: [unshared.roundThemeId!] }],
    });
  });

  const overview = (cookie: string, query = "") =>
    callRoute(programmeRoute.loader, { request: getRequest(`/programme/agreements${query}`, cookie), params: {} });

  it("is not there for participants, facilitators included", async () => {
    expect((await overview(cookies.member)).status).toBe(404);
    expect((await overview(cookies.facilitator)).status).toBe(404);
  });

  it("shows agreements, signatures, open requests as a count and round texts only of shared rounds", async () => {
    const response = await overview(cookies.funder);
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(body).not.toContain(marker);
    expect(body).not.toContain("voorbeeld.nl");
    expect(body).not.toContain("Jan Smit");
    const data = JSON.parse(body);
    const own = data.coalitions.find((c: { slug: string }) => c.slug === team.slug);
    expect(own.inForce.number).toBe(2);
    expect(own.openRequests).toBe(1);
    const [shared, unshared] = [own.rounds.find((r: { shared: boolean }) => r.shared), own.rounds.find((r: { shared: boolean }) => !r.shared)];
    expect(shared.texts.map((t: { body: string }) => t.body)).toContain("Een bankje bij de bakker.");
    expect(unshared.texts).toEqual([]);
    expect(unshared.counts.find((c: { perspective: string }) => c.perspective === "board").count).toBe(2);
    expect(data.coalitions.find((c: { slug: string }) => c.slug === otherTeam.slug).latest).toEqual({ number: 1, status: "proposed" });
  });

  it("compares the articles of the versions in force by programme theme", async () => {
    const theme = await db().selectFrom("theme").where("id", "=", themeId).select("slug").executeTakeFirstOrThrow();
    const data = await (await overview(cookies.funder, `?theme=${theme.slug}`)).json();
    const own = data.coalitions.find((c: { slug: string }) => c.slug === team.slug);
    expect(own.themeArticles.map((a: { title: string }) => a.title)).toEqual(["Ontmoeten"]);
    expect(JSON.stringify(data)).not.toContain(marker);
  });
});
