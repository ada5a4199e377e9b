import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../db/db.server";
import type { Perspective } from "../../db/schema";
import { MAX_ATTEMPTS_PER_ADDRESS } from "../../app/domain/rounds/outsider-contribution.server";
import { roundContributionPages } from "../../app/domain/rounds/personal-data.server";
import { anonymiseAccount, removeFromCoalition } from "../../app/domain/privacy/departures.server";
import { todayInAmsterdam } from "../../app/i18n/dates";
import * as listRoute from "../../app/routes/teams.$team.rounds._index";
import * as newRoute from "../../app/routes/teams.$team.rounds.new";
import * as roundRoute from "../../app/routes/teams.$team.rounds.$id";
import * as publicRoute from "../../app/routes/rounds.$token";
import * as programmeRoute from "../../app/routes/programme._index";
import { BASE, browserRequest, callRoute, createCoalition, createPerson, sessionFor } from "../fixtures";
import { renderPage } from "../fixtures/render";
import { postForm, type Entries } from "../fixtures/sessions";

// Input rounds: the team's members read them, its facilitators open them and (with the editors they choose)
// group the answers; outsiders answer through the round's link while it is open. Every rule is tried from the
// wrong account first.

type Team = Awaited<ReturnType<typeof createCoalition>>;
let team: Team;
let other: Team;
const cookie: Record<string, string> = {};
const person: Record<string, { id: string; name: string; email: string }> = {};
let addressCounter = 0;
const freshAddress = () => `10.9.${Math.floor(++addressCounter / 250)}.${addressCounter % 250}`;

function day(offset: number): string {
  const date = new Date(`${todayInAmsterdam()}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + offset);
  return date.toISOString().slice(0, 10);
}

beforeAll(async () => {
  team = await createCoalition({ name: "Rondes Oost" });
  other = await createCoalition({ name: "Rondes West" });
  const people: [string, Parameters<typeof createPerson>[0]][] = [
    ["facilitator", { team, role: "facilitator", perspective: "professional", name: "Fien Begeleider" }],
    ["resident", { team, perspective: "resident", name: "Rob Bewoner" }],
    ["board", { team, perspective: "board", name: "Bea Bestuur" }],
    ["editor", { team, perspective: "volunteer", name: "Eva Redacteur" }],
    ["stranger", { team: other, role: "facilitator", perspective: "resident", name: "Sam Elders" }],
    ["funder", { accountRole: "funder" }],
    ["admin", { accountRole: "admin" }],
  ];
  for (const [key, input] of people) {
    person[key] = await createPerson(input);
    cookie[key] = await sessionFor(person[key]);
  }
});

const base = () => `/teams/${team.slug}/rounds`;

function openForm(fields: Partial<{ question: string; perspectives: Perspective[]; opensOn: string; closesOn: string; outsiders: boolean }> = {}): Entries {
  const entries: Entries = [
    ["question", fields.question ?? "Hoe ziet uw ideale buurt eruit?"],
    ["opensOn", fields.opensOn ?? day(-1)],
    ["closesOn", fields.closesOn ?? day(10)],
  ];
  for (const p of fields.perspectives ?? ["resident", "volunteer", "professional"]) entries.push(["perspectives", p]);
  if (fields.outsiders ?? true) entries.push(["openToOutsiders", "on"]);
  return entries;
}

function postNew(who: string | undefined, entries: Entries) {
  return callRoute(newRoute.action, { request: postForm(`${base()}/new`, who ? cookie[who] : undefined, entries), params: { team: team.slug } });
}

async function openRound(fields: Parameters<typeof openForm>[0] = {}): Promise<{ id: string; token: string }> {
  const response = await postNew("facilitator", openForm(fields));
  expect(response.status).toBe(302);
  const id = response.headers.get("Location")!.split("/").pop()!;
  const row = await db().selectFrom("input_round").where("id", "=", id).select("public_token").executeTakeFirstOrThrow();
  return { id, token: row.public_token };
}

function roundPage(id: string, who?: string, slug = team.slug) {
  return callRoute(roundRoute.loader, { request: browserRequest(`/teams/${slug}/rounds/${id}`, { cookie: who ? cookie[who] : undefined }), params: { team: slug, id } });
}

function act(id: string, who: string | undefined, entries: Entries, slug = team.slug) {
  return callRoute(roundRoute.action, { request: postForm(`/teams/${slug}/rounds/${id}`, who ? cookie[who] : undefined, entries), params: { team: slug, id } });
}

function outsider(token: string, entries: Entries, address = freshAddress()) {
  return callRoute(publicRoute.action, { request: postForm(`/rounds/${token}`, undefined, entries), params: { token }, context: { clientAddress: address } });
}

function outsiderPage(token: string, query = "") {
  return callRoute(publicRoute.loader, { request: new Request(`${BASE}/rounds/${token}${query}`), params: { token } });
}

const contributions = (roundId: string) =>
  db().selectFrom("round_contribution").where("round_id", "=", roundId).selectAll().orderBy("created_at").execute();

describe("who reads and opens rounds", () => {
  it("gives 404 to another coalition's member, the funder and the admin, and sends the signed-out to the login", async () => {
    const { id } = await openRound();
    for (const who of ["stranger", "funder", "admin"]) {
      expect((await callRoute(listRoute.loader, { request: browserRequest(base(), { cookie: cookie[who] }), params: { team: team.slug } })).status).toBe(404);
      expect((await roundPage(id, who)).status).toBe(404);
    }
    // A round seen through another coalition's address is not there either.
    expect((await roundPage(id, "stranger", other.slug)).status).toBe(404);
    expect((await roundPage(id, undefined)).status).toBe(302);
    const list = await callRoute(listRoute.loader, { request: browserRequest(base(), { cookie: cookie.resident }), params: { team: team.slug } });
    expect(list.status).toBe(200);
    const data = await list.json();
    expect(data.open.find((r: { id: string }) => r.id === id).counts.map((c: { perspective: string }) => c.perspective)).toEqual(["resident", "volunteer", "professional"]);
    expect(data.canOpen).toBe(false);
  });

  it("lets only the facilitator open a round: a plain member and another coalition's facilitator get 404", async () => {
    const before = await db().selectFrom("input_round").where("coalition_id", "=", team.id).select("id").execute();
    for (const who of ["resident", "stranger", "funder"]) {
      expect((await postNew(who, openForm())).status).toBe(404);
      expect((await callRoute(newRoute.loader, { request: browserRequest(`${base()}/new`, { cookie: cookie[who] }), params: { team: team.slug } })).status).toBe(404);
    }
    const after = await db().selectFrom("input_round").where("coalition_id", "=", team.id).select("id").execute();
    expect(after).toHaveLength(before.length);
  });

  it("answers bad input with a message per field and saves nothing", async () => {
    const count = async () => (await db().selectFrom("input_round").where("coalition_id", "=", team.id).select("id").execute()).length;
    const before = await count();
    const cases: [Entries, string, string][] = [
      [openForm({ question: "  " }), "question", "round.error.question"],
      [openForm({ question: "x".repeat(10_000) }), "question", "error.tooLong.500"],
      [openForm({ opensOn: day(5), closesOn: day(1) }), "closesOn", "round.error.closesBeforeOpens"],
      [openForm({ perspectives: [] }), "perspectives", "round.error.perspectives"],
      [openForm({ opensOn: "2026-02-31" }), "opensOn", "error.date"],
    ];
    for (const [entries, field, message] of cases) {
      const response = await postNew("facilitator", entries);
      expect(response.status).toBe(400);
      const body = await response.json();
      expect(body.result.error[field]).toEqual([message]);
    }
    expect(await count()).toBe(before);
  });
});

describe("a member's answer", () => {
  it("is saved with the perspective of their membership, and refused when that perspective is not asked", async () => {
    const { id } = await openRound({ perspectives: ["resident", "volunteer"] });
    expect((await act(id, "stranger", [["intent", "contribute"], ["body", "Van buiten"]])).status).toBe(404);
    expect((await act(id, "funder", [["intent", "contribute"], ["body", "Van het fonds"]])).status).toBe(404);
    const refused = await act(id, "board", [["intent", "contribute"], ["body", "Als bestuur"]]);
    expect(refused.status).toBe(400);
    expect((await refused.json()).result.error.body).toEqual(["round.error.perspectiveNotAsked"]);
    const page = await (await roundPage(id, "board")).json();
    expect(page.page.own).toEqual({ perspective: "board", asked: false });
    const tooLong = await act(id, "resident", [["intent", "contribute"], ["body", "x".repeat(2001)]]);
    expect(tooLong.status).toBe(400);
    expect((await tooLong.json()).result.error.body).toEqual(["error.tooLong.2000"]);
    expect(await contributions(id)).toHaveLength(0);
    expect((await act(id, "resident", [["intent", "contribute"], ["body", "Een bankje bij de speeltuin."]])).status).toBe(302);
    expect((await contributions(id)).map((c) => [c.perspective, c.person_id])).toEqual([["resident", person.resident.id]]);
    const counts = (await (await roundPage(id, "resident")).json()).page.perspectives.map((p: { perspective: string; count: number }) => [p.perspective, p.count]);
    expect(counts).toEqual([["resident", 1], ["volunteer", 0]]);
  });

  it("is refused on a round that is closed or not yet open", async () => {
    for (const dates of [{ opensOn: day(-10), closesOn: day(-1) }, { opensOn: day(2), closesOn: day(9) }]) {
      const { id } = await openRound(dates);
      const response = await act(id, "resident", [["intent", "contribute"], ["body", "Te laat of te vroeg"]]);
      expect(response.status).toBe(400);
      expect(await contributions(id)).toHaveLength(0);
    }
  });
});

describe("grouping and marking", () => {
  it("is for the facilitator and the editors: a plain member and another coalition get 404 and change nothing", async () => {
    const { id } = await openRound();
    await act(id, "resident", [["intent", "contribute"], ["body", "Buren die elkaar kennen."]]);
    const [contribution] = await contributions(id);
    const group: Entries = [["intent", "group"], ["contribution", contribution.id], ["newLabel", "Elkaar kennen"], ["shapesArticle", "on"]];
    for (const who of ["resident", "editor", "stranger", "funder"]) expect((await act(id, who, group)).status).toBe(404);
    expect((await act(id, "stranger", [["intent", "editors"], ["editors", person.stranger.id]])).status).toBe(404);
    expect((await act(id, "resident", [["intent", "editors"], ["editors", person.resident.id]])).status).toBe(404);
    expect((await contributions(id))[0]).toMatchObject({ round_theme_id: null, shapes_article: false });

    // The facilitator makes Eva an editor; someone of another coalition cannot be chosen.
    expect((await act(id, "facilitator", [["intent", "editors"], ["editors", person.editor.id], ["editors", person.stranger.id]])).status).toBe(302);
    expect((await db().selectFrom("round_editor").where("round_id", "=", id).select("person_id").execute()).map((e) => e.person_id)).toEqual([person.editor.id]);

    expect((await act(id, "editor", group)).status).toBe(302);
    const [grouped] = await contributions(id);
    expect(grouped.shapes_article).toBe(true);
    const label = await db().selectFrom("round_theme").where("id", "=", grouped.round_theme_id!).selectAll().executeTakeFirstOrThrow();
    expect(label).toMatchObject({ label: "Elkaar kennen", theme_id: null, round_id: id });

    // The facilitator moves it to a theme of the programme's list; the empty label goes.
    const theme = await db().selectFrom("theme").where("slug", "=", "vertrouwen").select("id").executeTakeFirstOrThrow();
    expect((await act(id, "facilitator", [["intent", "group"], ["contribution", contribution.id], ["group", `theme:${theme.id}`]])).status).toBe(302);
    const themes = await db().selectFrom("round_theme").where("round_id", "=", id).selectAll().execute();
    expect(themes.map((t) => [t.theme_id, t.label])).toEqual([[theme.id, null]]);
    expect((await contributions(id))[0].shapes_article).toBe(false);

    // A too long label is answered on its field.
    const long = await act(id, "facilitator", [["intent", "group"], ["contribution", contribution.id], ["newLabel", "x".repeat(101)]]);
    expect(long.status).toBe(400);
    expect((await long.json()).result.error.newLabel).toEqual(["error.tooLong.100"]);
  });

  it("shares the outcome with the network only by the facilitator, and takes it back", async () => {
    const { id } = await openRound();
    for (const who of ["resident", "editor", "stranger", "funder"]) expect((await act(id, who, [["intent", "share"]])).status).toBe(404);
    const shared = async () => (await db().selectFrom("input_round").where("id", "=", id).select("outcome_shared_at").executeTakeFirstOrThrow()).outcome_shared_at;
    expect(await shared()).toBeNull();
    await act(id, "facilitator", [["intent", "share"]]);
    expect(await shared()).not.toBeNull();
    await act(id, "facilitator", [["intent", "unshare"]]);
    expect(await shared()).toBeNull();
  });

  it("shows the round's link to the facilitator only, when outsiders may answer", async () => {
    const open = await openRound({ outsiders: true });
    expect((await (await roundPage(open.id, "facilitator")).json()).link).toBe(`${BASE}/rounds/${open.token}`);
    expect((await (await roundPage(open.id, "resident")).json()).link).toBeNull();
    const closed = await openRound({ outsiders: false });
    expect((await (await roundPage(closed.id, "facilitator")).json()).link).toBeNull();
  });
});

describe("the round's link for people without an account", () => {
  const answer = (fields: Partial<{ body: string; name: string; perspective: string; website: string }> = {}): Entries => [
    ["body", fields.body ?? "Meer bankjes en een buurtfeest."],
    ["name", fields.name ?? ""],
    ["perspective", fields.perspective ?? "resident"],
    ["website", fields.website ?? ""],
  ];

  it("is 404 for an unknown token and for a round not open to outsiders", async () => {
    expect((await outsiderPage("bestaat-niet")).status).toBe(404);
    const closed = await openRound({ outsiders: false });
    expect((await outsiderPage(closed.token)).status).toBe(404);
    expect((await outsider(closed.token, answer())).status).toBe(404);
    expect(await contributions(closed.id)).toHaveLength(0);
  });

  it("says clearly when the round is closed or not yet open, and saves nothing sent then", async () => {
    const closed = await openRound({ opensOn: day(-10), closesOn: day(-1) });
    expect((await (await outsiderPage(closed.token)).json()).round.state).toBe("closed");
    expect((await outsider(closed.token, answer())).status).toBe(400);
    const coming = await openRound({ opensOn: day(3), closesOn: day(10) });
    expect((await (await outsiderPage(coming.token)).json()).round.state).toBe("coming");
    expect((await outsider(coming.token, answer())).status).toBe(400);
    expect(await contributions(closed.id)).toHaveLength(0);
    expect(await contributions(coming.id)).toHaveLength(0);
  });

  it("saves an answer with an optional name, thanks, and keeps what was typed on a refusal", async () => {
    const { id, token } = await openRound({ perspectives: ["resident", "municipality"] });
    const sent = await outsider(token, answer({ name: "Marij", perspective: "municipality" }));
    expect(sent.status).toBe(302);
    expect(sent.headers.get("Location")).toBe(`/rounds/${token}?bedankt`);
    expect((await (await outsiderPage(token, "?bedankt")).json()).thanked).toBe(true);
    expect((await contributions(id)).map((c) => [c.perspective, c.author_name, c.person_id])).toEqual([["municipality", "Marij", null]]);

    const empty = await outsider(token, answer({ body: " ", name: "Piet" }));
    expect(empty.status).toBe(400);
    const reply = await empty.json();
    expect(reply.result.error.body).toEqual(["round.error.body"]);
    expect(reply.result.initialValue.name).toBe("Piet");
    const notAsked = await outsider(token, answer({ body: "Als vrijwilliger", perspective: "volunteer" }));
    expect(notAsked.status).toBe(400);
    expect((await notAsked.json()).result.initialValue.body).toBe("Als vrijwilliger");
    const long = await outsider(token, answer({ body: "x".repeat(10_000) }));
    expect(long.status).toBe(400);
    expect(await contributions(id)).toHaveLength(1);
  });

  it("thanks a robot that fills in the honeypot, and saves nothing", async () => {
    const { id, token } = await openRound();
    const response = await outsider(token, answer({ website: "http://spam.example" }));
    expect(response.status).toBe(302);
    expect(await contributions(id)).toHaveLength(0);
  });

  it("refuses an address that sends too often, keeping the text", async () => {
    const { id, token } = await openRound();
    const address = freshAddress();
    for (let i = 0; i < MAX_ATTEMPTS_PER_ADDRESS; i++) expect((await outsider(token, answer({ body: `Antwoord ${i}` }), address)).status).toBe(302);
    const throttled = await outsider(token, answer({ body: "Nog eentje" }), address);
    expect(throttled.status).toBe(429);
    expect((await throttled.json()).result.initialValue.body).toBe("Nog eentje");
    expect(await contributions(id)).toHaveLength(MAX_ATTEMPTS_PER_ADDRESS);
    // Another address is not held back.
    expect((await outsider(token, answer())).status).toBe(302);
  });

  it("renders the form without JavaScript, in the words for outsiders", async () => {
    const { token } = await openRound({ perspectives: ["resident", "board"] });
    const html = await renderPage(publicRoute.default, await (await outsiderPage(token)).json());
    expect(html).toContain('method="post"');
    expect(html).toContain("Ik zit in een bestuur");
    expect(html).not.toContain("Ik ben vrijwilliger");
    expect(html).toContain('name="website"');
  });
});

describe("privacy", () => {
  it("puts a member's answers in their data, and on leaving keeps the text without the name and ends the editorship", async () => {
    const leaver = await createPerson({ team, perspective: "resident", name: "Lotte Vertrekt" });
    const leaverCookie = await sessionFor(leaver);
    cookie.leaver = leaverCookie;
    const { id } = await openRound();
    await act(id, "leaver", [["intent", "contribute"], ["body", "Wat ik wil: een moestuin."]]);
    await act(id, "facilitator", [["intent", "editors"], ["editors", leaver.id]]);
    const exported = [];
    for await (const rows of roundContributionPages({ id: leaver.id } as never)) exported.push(...rows);
    expect(exported).toMatchObject([{ question: "Hoe ziet uw ideale buurt eruit?", text: "Wat ik wil: een moestuin.", perspective: "resident" }]);

    await db().transaction().execute((trx) => removeFromCoalition(trx, leaver.id, team.id, person.facilitator.id));
    const [kept] = await contributions(id);
    expect(kept.body).toBe("Wat ik wil: een moestuin.");
    expect(kept.person_id).not.toBe(leaver.id);
    expect(await db().selectFrom("round_editor").where("round_id", "=", id).selectAll().execute()).toEqual([]);
    const page = await (await roundPage(id, "facilitator")).json();
    expect(JSON.stringify(page)).not.toContain("Lotte Vertrekt");
  });

  it("keeps an erased person's answer without their name", async () => {
    const erased = await createPerson({ team, perspective: "resident", name: "Erik Gewist" });
    cookie.erased = await sessionFor(erased);
    const { id } = await openRound();
    await act(id, "erased", [["intent", "contribute"], ["body", "Een buurthuis dat altijd open is."]]);
    await anonymiseAccount(erased.id);
    const [kept] = await contributions(id);
    expect(kept.person_id).not.toBe(erased.id);
    expect(JSON.stringify(await (await roundPage(id, "facilitator")).json())).not.toContain("Erik Gewist");
  });
});

describe("the municipality and the board as perspectives", () => {
  it("counts a membership with perspective board under 'Bestuur' on the funder's page", async () => {
    const response = await callRoute(programmeRoute.loader, { request: browserRequest("/programme", { cookie: cookie.funder }) });
    const data = await response.json();
    const ours = data.coalitions.find((c: { name: string }) => c.name === "Rondes Oost");
    expect(ours.byPerspective.find((p: { perspective: string }) => p.perspective === "board").members).toBe(1);
    const html = await renderPage(programmeRoute.default, data);
    expect(html).toContain("Bestuur");
  });
});
