import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../db/db.server";
import { versionInForce } from "../../app/domain/agreements/agreements.server";
import { agreementRows, signaturePages } from "../../app/domain/agreements/personal-data.server";
import { remindOfReviews } from "../../app/domain/agreements/review.server";
import { usersByIds } from "../../app/auth/permissions.server";
import * as pageRoute from "../../app/routes/teams.$team.agreement._index";
import * as editRoute from "../../app/routes/teams.$team.agreement.edit";
import * as newArticleRoute from "../../app/routes/teams.$team.agreement.articles.new";
import * as articleRoute from "../../app/routes/teams.$team.agreement.articles.$id";
import * as signatoriesRoute from "../../app/routes/teams.$team.agreement.signatories";
import * as versionRoute from "../../app/routes/teams.$team.agreement.versions.$n";
import * as signRoute from "../../app/routes/sign.$token";
import { browserRequest, callRoute, createCoalition, createPerson, lastMailTo, linkIn, sessionFor, unique } from "../fixtures";
import { postForm } from "../fixtures/sessions";

// The agreement: the team's text until it is published; only its facilitators write, propose and name who signs;
// a signature belongs to one version and is never changed; a signing link works once, until it expires, and only
// for the version out for signing. Every rule is tried from the wrong account first.

let team: Awaited<ReturnType<typeof createCoalition>>;
let secondOrganisation: string;
let facilitator: { id: string; name: string };
let member: { id: string; name: string; email: string };
let cookies: { facilitator: string; member: string; otherTeam: string; otherFacilitator: string; funder: string };
let ownTheme: string;
let foreignTheme: string;

const text = (words: string) => JSON.stringify({ root: { type: "root", direction: null, format: "", indent: 0, version: 1, children: [{ type: "paragraph", direction: null, format: "", indent: 0, textFormat: 0, textStyle: "", version: 1, children: [{ type: "text", text: words, format: 0, detail: 0, mode: "normal", style: "", version: 1 }] }] } });

async function roundTheme(coalitionId: string, label: string) {
  const round = await db()
    .insertInto("input_round")
    .values({ coalition_id: coalitionId, question: "Wat maakt samenwerken makkelijk?", perspectives: ["resident"], opens_on: "2026-01-01", closes_on: "2026-02-01", public_token: unique("ronde") })
    .returning("id")
    .executeTakeFirstOrThrow();
  const theme = await db().insertInto("round_theme").values({ round_id: round.id, label }).returning("id").executeTakeFirstOrThrow();
  return theme.id;
}

beforeAll(async () => {
  team = await createCoalition();
  const second = await db().insertInto("organisation").values({ coalition_id: team.id, name: "Bewonersvereniging Noord", kind: "residents_initiative", position: 1 }).returning("id").executeTakeFirstOrThrow();
  secondOrganisation = second.id;
  facilitator = await createPerson({ team, role: "facilitator", name: "Fenna Begeleider" });
  member = await createPerson({ team, name: "Mees Deelnemer" });
  const other = await createCoalition();
  cookies = {
    facilitator: await sessionFor(facilitator),
    member: await sessionFor(member),
    otherTeam: await sessionFor(await createPerson({ team: other })),
    otherFacilitator: await sessionFor(await createPerson({ team: other, role: "facilitator" })),
    funder: await sessionFor(await createPerson({ accountRole: "funder" })),
  };
  ownTheme = await roundTheme(team.id, "Elkaar kennen");
  foreignTheme = await roundTheme(other.id, "Geld");
});

const base = () => `/teams/${team.slug}/agreement`;
const params = (extra: Record<string, string> = {}) => ({ team: team.slug, ...extra });

function page(cookie?: string) {
  return callRoute(pageRoute.loader, { request: browserRequest(base(), { cookie }), params: params() });
}
function act(route: { action: Parameters<typeof callRoute>[0] }, path: string, cookie: string | undefined, entries: [string, string][], extra: Record<string, string> = {}) {
  return callRoute(route.action, { request: postForm(path, cookie, entries), params: params(extra) });
}
const pageAction = (cookie: string | undefined, entries: [string, string][]) => act(pageRoute, base(), cookie, entries);
async function latest() {
  return db().selectFrom("agreement_version").where("coalition_id", "=", team.id).orderBy("number", "desc").selectAll().executeTakeFirstOrThrow();
}
async function articles(versionId: string) {
  return db().selectFrom("agreement_article").where("version_id", "=", versionId).orderBy("number").selectAll().execute();
}
async function errorsOf(response: Response) {
  const body = (await response.json()) as { result?: { error?: Record<string, string[]> } };
  return body.result?.error ?? {};
}

describe("writing the draft", () => {
  it("is the team's: signed out, another coalition and the funder find nothing; a member reads", async () => {
    expect((await page()).status).toBe(302);
    expect((await page(cookies.otherTeam)).status).toBe(404);
    expect((await page(cookies.funder)).status).toBe(404);
    expect((await page(cookies.member)).status).toBe(200);
  });

  it("is begun by a facilitator of this coalition only", async () => {
    expect((await pageAction(cookies.member, [["intent", "start"]])).status).toBe(404);
    expect((await pageAction(cookies.otherFacilitator, [["intent", "start"]])).status).toBe(404);
    expect((await pageAction(undefined, [["intent", "start"]])).status).toBe(302);
    expect(await db().selectFrom("agreement_version").where("coalition_id", "=", team.id).selectAll().execute()).toEqual([]);
    const started = await pageAction(cookies.facilitator, [["intent", "start"]]);
    expect(started.headers.get("Location")).toBe(`${base()}/edit`);
    expect((await latest()).status).toBe("draft");
  });

  it("cannot be proposed while it has no vision or article", async () => {
    const response = await pageAction(cookies.facilitator, [["intent", "propose"]]);
    expect(response.status).toBe(400);
    expect((await latest()).status).toBe("draft");
  });

  it("keeps the vision with the version it was edited from: a stale save shows both texts", async () => {
    const edit = (cookie: string, entries: [string, string][]) => act(editRoute, `${base()}/edit`, cookie, entries);
    expect((await edit(cookies.member, [["visionText", "Van mij"], ["version", "1"]])).status).toBe(404);
    expect((await callRoute(editRoute.loader, { request: browserRequest(`${base()}/edit`, { cookie: cookies.member }), params: params() })).status).toBe(404);
    const empty = await edit(cookies.facilitator, [["visionText", "  "], ["version", "1"]]);
    expect(empty.status).toBe(400);
    expect((await errorsOf(empty)).vision).toEqual(["richtext.empty"]);
    expect((await edit(cookies.facilitator, [["visionText", "Samen zorgen we voor de buurt."], ["version", "1"]])).status).toBe(302);
    const stale = await edit(cookies.facilitator, [["visionText", "Een andere visie."], ["version", "1"]]);
    expect(stale.status).toBe(409);
    const body = (await stale.json()) as { current: { version: number } };
    expect(body.current.version).toBe(2);
    expect((await latest()).vision_text).toBe("Samen zorgen we voor de buurt.");
  });

  it("refuses an empty article, a 10,000-character title and a theme of another coalition, per field", async () => {
    const add = (cookie: string, entries: [string, string][]) => act(newArticleRoute, `${base()}/articles/new`, cookie, entries);
    expect((await add(cookies.member, [["title", "Iets"], ["bodyText", "Tekst"]])).status).toBe(404);
    const empty = await add(cookies.facilitator, [["title", ""], ["bodyText", ""]]);
    expect(empty.status).toBe(400);
    expect(await errorsOf(empty)).toMatchObject({ title: ["error.required"], body: ["richtext.empty"] });
    const long = await add(cookies.facilitator, [["title", "x".repeat(10_000)], ["bodyText", "Tekst"]]);
    expect(await errorsOf(long)).toMatchObject({ title: ["error.tooLong.200"] });
    const foreign = await add(cookies.facilitator, [["title", "Geld"], ["bodyText", "Tekst"], ["sources", foreignTheme]]);
    expect(await errorsOf(foreign)).toMatchObject({ sources: ["error.choose"] });
    expect(await articles((await latest()).id)).toEqual([]);
  });

  it("adds, edits, moves and removes articles; the numbers follow", async () => {
    const add = (title: string, entries: [string, string][] = []) =>
      act(newArticleRoute, `${base()}/articles/new`, cookies.facilitator, [["title", title], ["bodyText", `Over ${title.toLowerCase()}.`], ...entries]);
    expect((await add("Elkaar kennen", [["sources", ownTheme]])).status).toBe(302);
    expect((await add("Overleg")).status).toBe(302);
    expect((await add("Weg ermee")).status).toBe(302);
    const draft = await latest();
    let rows = await articles(draft.id);
    expect(rows.map((row) => row.number)).toEqual([1, 2, 3]);
    const sources = await db().selectFrom("agreement_article_source").where("article_id", "=", rows[0].id).select("round_theme_id").execute();
    expect(sources).toEqual([{ round_theme_id: ownTheme }]);

    const edit = (entries: [string, string][], cookie = cookies.facilitator) => act(articleRoute, `${base()}/articles/${rows[1].id}`, cookie, entries, { id: rows[1].id });
    expect((await edit([["title", "Overleg"], ["bodyText", "Niet van mij"], ["version", "1"]], cookies.member)).status).toBe(404);
    expect((await edit([["title", "Overleg"], ["bodyText", "Elke maand overleggen we."], ["version", "1"]])).status).toBe(302);
    expect((await edit([["title", "Overleg"], ["bodyText", "Verouderd"], ["version", "1"]])).status).toBe(409);

    const edited = act(editRoute, `${base()}/edit`, cookies.facilitator, [["intent", "move"], ["article", rows[2].id], ["direction", "up"]]);
    expect((await edited).status).toBe(302);
    rows = await articles(draft.id);
    expect(rows.map((row) => row.title)).toEqual(["Elkaar kennen", "Weg ermee", "Overleg"]);
    expect((await act(editRoute, `${base()}/edit`, cookies.member, [["intent", "remove"], ["article", rows[1].id]])).status).toBe(404);
    expect((await act(editRoute, `${base()}/edit`, cookies.facilitator, [["intent", "remove"], ["article", rows[1].id]])).status).toBe(302);
    rows = await articles(draft.id);
    expect(rows.map((row) => [row.number, row.title])).toEqual([[1, "Elkaar kennen"], [2, "Overleg"]]);
  });

  it("is proposed by a facilitator only, and its text is then fixed", async () => {
    expect((await pageAction(cookies.member, [["intent", "propose"]])).status).toBe(404);
    expect((await pageAction(cookies.facilitator, [["intent", "propose"]])).status).toBe(302);
    expect((await latest()).status).toBe("proposed");
    expect((await callRoute(editRoute.loader, { request: browserRequest(`${base()}/edit`, { cookie: cookies.facilitator }), params: params() })).status).toBe(404);
    const [first] = await articles((await latest()).id);
    const fixed = await act(articleRoute, `${base()}/articles/${first.id}`, cookies.facilitator, [["title", "Anders"], ["bodyText", "Anders"], ["version", "1"]], { id: first.id });
    expect(fixed.status).toBe(404);
  });
});

describe("signing", () => {
  let link: string;
  const name = (cookie: string, entries: [string, string][]) => act(signatoriesRoute, `${base()}/signatories`, cookie, entries);

  it("names signatories: facilitators only, with a clear message per field", async () => {
    const outsider: [string, string][] = [["organisation", team.organisationId], ["who", "outsider"], ["name", "Olga Directeur"], ["email", "olga@voorbeeld.nl"]];
    expect((await name(cookies.member, outsider)).status).toBe(404);
    expect((await name(cookies.otherFacilitator, outsider)).status).toBe(404);
    const long = await name(cookies.facilitator, [["organisation", team.organisationId], ["who", "outsider"], ["name", "x".repeat(10_000)], ["email", "geen-adres"]]);
    expect(await errorsOf(long)).toMatchObject({ name: ["error.tooLong.200"], email: ["agreement.error.email"] });
    expect(await db().selectFrom("agreement_signatory").where("version_id", "=", (await latest()).id).selectAll().execute()).toEqual([]);

    expect((await name(cookies.facilitator, outsider)).status).toBe(302);
    const mail = await lastMailTo("olga@voorbeeld.nl");
    link = linkIn(mail!.body_text, "/sign/");
    const stored = await db().selectFrom("agreement_signatory").where("email", "=", "olga@voorbeeld.nl").select("token_hash").executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(link.split("/").pop()!);
    expect((await name(cookies.facilitator, [["organisation", secondOrganisation], ["who", "member"], ["person", member.id]])).status).toBe(302);
  });

  it("by link: opening changes nothing; bad input saves nothing; a signature goes through once", async () => {
    const token = link.split("/").pop()!;
    const opened = await callRoute(signRoute.loader, { request: browserRequest(link), params: { token } });
    expect(opened.status).toBe(200);
    const form = (fn: string): [string, string][] => [["name", "Olga Directeur"], ["function", fn], ["signedOn", "2026-03-01"], ["read", "yes"], ["version", "1"]];
    const bad = await callRoute(signRoute.action, { request: postForm(link, undefined, form("")), params: { token } });
    expect(await errorsOf(bad)).toMatchObject({ function: ["error.required"] });
    const unread = await callRoute(signRoute.action, { request: postForm(link, undefined, form("Directeur").filter(([key]) => key !== "read")), params: { token } });
    expect(await errorsOf(unread)).toMatchObject({ read: ["agreement.error.readFirst"] });
    expect(await db().selectFrom("agreement_signature").selectAll().where("version_id", "=", (await latest()).id).execute()).toEqual([]);

    expect((await callRoute(signRoute.action, { request: postForm(link, undefined, form("Directeur")), params: { token } })).status).toBe(200);
    const again = await callRoute(signRoute.action, { request: postForm(link, undefined, form("Iemand anders")), params: { token } });
    expect(again.status).toBe(410);
    expect(((await again.json()) as { state: string }).state).toBe("used");
    expect((await callRoute(signRoute.loader, { request: browserRequest(link), params: { token } })).status).toBe(410);
    const signatures = await db().selectFrom("agreement_signature").where("version_id", "=", (await latest()).id).select(["name", "function"]).execute();
    expect(signatures).toEqual([{ name: "Olga Directeur", function: "Directeur" }]);
    expect((await latest()).status).toBe("proposed");
  });

  it("in the app: only the named member, only for the version out for signing; then the version is in force", async () => {
    const form = (version: string): [string, string][] => [["intent", "sign"], ["name", member.name], ["function", "Voorzitter"], ["signedOn", "2026-03-02"], ["read", "yes"], ["version", version]];
    expect((await pageAction(cookies.otherTeam, form("1"))).status).toBe(404);
    const notNamed = await pageAction(cookies.facilitator, form("1"));
    expect(notNamed.status).toBe(400);
    const old = await pageAction(cookies.member, form("0"));
    expect(old.status).toBe(400);
    expect((await latest()).status).toBe("proposed");
    expect((await pageAction(cookies.member, form("1"))).status).toBe(302);
    const version = await latest();
    expect(version.status).toBe("signed");
    expect(version.signed_at).not.toBeNull();
    const told = await db().selectFrom("notification").where("recipient_id", "=", facilitator.id).where("kind", "=", "signature").select(["item_type", "item_id"]).execute();
    expect(told).toContainEqual({ item_type: "agreement", item_id: team.id });
  });

  it("a signature cannot be changed or removed by SQL, except losing the person on erasure", async () => {
    const signature = await db().selectFrom("agreement_signature").where("person_id", "=", member.id).selectAll().executeTakeFirstOrThrow();
    await expect(sql`update agreement_signature set function = 'Penningmeester' where id = ${signature.id}`.execute(db())).rejects.toThrow(/append-only/);
    await expect(sql`update agreement_signature set signed_on = '2020-01-01' where id = ${signature.id}`.execute(db())).rejects.toThrow(/append-only/);
    await expect(sql`update agreement_signature set name = 'Iemand' where id = ${signature.id}`.execute(db())).rejects.toThrow(/append-only/);
    await expect(sql`delete from agreement_signature where id = ${signature.id}`.execute(db())).rejects.toThrow(/append-only/);
    const row = await db().selectFrom("agreement_signature").where("id", "=", signature.id).select(["function", "name"]).executeTakeFirstOrThrow();
    expect(row).toEqual({ function: "Voorzitter", name: member.name });
  });
});

describe("a partner who joins after the version was signed", () => {
  it("is asked to sign the version in force: named by a facilitator only, signs by link, and the version stays in force", async () => {
    const one = await latest();
    const joined = await db().insertInto("organisation").values({ coalition_id: team.id, name: "Repair Café", kind: "other", position: 2 }).returning("id").executeTakeFirstOrThrow();
    // Accepting a join request leaves such a place, with nobody named yet.
    await db().insertInto("agreement_signatory").values({ version_id: one.id, organisation_id: joined.id }).execute();
    const naming: [string, string][] = [["organisation", joined.id], ["who", "outsider"], ["name", "Rik Reparateur"], ["email", "rik@voorbeeld.nl"]];
    expect((await act(signatoriesRoute, `${base()}/signatories`, cookies.member, naming)).status).toBe(404);
    expect((await act(signatoriesRoute, `${base()}/signatories`, cookies.facilitator, [["organisation", team.organisationId], ["who", "outsider"], ["name", "Iemand"], ["email", "iemand@voorbeeld.nl"]])).status).toBe(400);
    expect((await act(signatoriesRoute, `${base()}/signatories`, cookies.facilitator, naming)).status).toBe(302);
    const link = linkIn((await lastMailTo("rik@voorbeeld.nl"))!.body_text, "/sign/");
    const token = link.split("/").pop()!;
    const signed = await callRoute(signRoute.action, {
      request: postForm(link, undefined, [["name", "Rik Reparateur"], ["function", "Coördinator"], ["signedOn", "2026-03-10"], ["read", "yes"], ["version", "1"]]),
      params: { token },
    });
    expect(signed.status).toBe(200);
    expect((await versionInForce(team.id))?.signatories.map((s) => s.signature?.name)).toContain("Rik Reparateur");
    expect((await latest()).status).toBe("signed");
  });
});

describe("versions", () => {
  it("a revision starts version 2 with the same articles; version 1 stays in force until 2 is signed", async () => {
    expect((await pageAction(cookies.member, [["intent", "revise"]])).status).toBe(404);
    expect((await pageAction(cookies.facilitator, [["intent", "revise"]])).status).toBe(302);
    const [one, two] = await db().selectFrom("agreement_version").where("coalition_id", "=", team.id).orderBy("number").selectAll().execute();
    expect(two).toMatchObject({ number: 2, status: "draft" });
    const before = await articles(one.id);
    const after = await articles(two.id);
    expect(after.map((a) => a.article_key)).toEqual(before.map((a) => a.article_key));
    expect(await db().selectFrom("agreement_article_source").where("article_id", "=", after[0].id).select("round_theme_id").execute()).toEqual([{ round_theme_id: ownTheme }]);
    expect((await versionInForce(team.id))?.number).toBe(1);

    const edit = await act(articleRoute, `${base()}/articles/${after[1].id}`, cookies.facilitator, [["title", "Overleg"], ["bodyText", "Elke twee weken overleggen we."], ["version", "1"]], { id: after[1].id });
    expect(edit.status).toBe(302);
    const shown = await callRoute(versionRoute.loader, { request: browserRequest(`${base()}/versions/2`, { cookie: cookies.member }), params: params({ n: "2" }) });
    const data = (await shown.json()) as { changes: { articles: { kind: string; text?: { before: { text: string; marked: boolean }[] } }[] } };
    expect(data.changes.articles.map((change) => change.kind)).toEqual(["unchanged", "changed"]);
    expect(data.changes.articles[1].text!.before.filter((run) => run.marked).map((run) => run.text.trim())).toContain("maand");
  });

  it("a new version asks everyone again; an expired link or an old version signs nothing", async () => {
    expect((await pageAction(cookies.facilitator, [["intent", "propose"]])).status).toBe(302);
    await act(signatoriesRoute, `${base()}/signatories`, cookies.facilitator, [["organisation", team.organisationId], ["who", "outsider"], ["name", "Olga Directeur"], ["email", "olga2@voorbeeld.nl"]]);
    const link = linkIn((await lastMailTo("olga2@voorbeeld.nl"))!.body_text, "/sign/");
    const token = link.split("/").pop()!;
    const two = await latest();
    await db().updateTable("agreement_signatory").set({ token_expires_at: new Date(Date.now() - 1000) }).where("version_id", "=", two.id).where("email", "=", "olga2@voorbeeld.nl").execute();
    const expired = await callRoute(signRoute.action, {
      request: postForm(link, undefined, [["name", "Olga"], ["function", "Directeur"], ["signedOn", "2026-04-01"], ["read", "yes"], ["version", "2"]]),
      params: { token },
    });
    expect(((await expired.json()) as { state: string }).state).toBe("expired");
    // The member named for version 1 is not named for version 2 yet, and signing version 1 again is refused.
    const old = await pageAction(cookies.member, [["intent", "sign"], ["name", member.name], ["function", "Voorzitter"], ["signedOn", "2026-04-01"], ["read", "yes"], ["version", "1"]]);
    expect(old.status).toBe(400);
    expect(await db().selectFrom("agreement_signature").where("version_id", "=", two.id).selectAll().execute()).toEqual([]);
    expect((await versionInForce(team.id))?.number).toBe(1);
  });

  it("others read only signed versions, and only once the agreement is published", async () => {
    const version = (cookie: string, n: string) => callRoute(versionRoute.loader, { request: browserRequest(`${base()}/versions/${n}`, { cookie }), params: params({ n }) });
    expect((await version(cookies.funder, "1")).status).toBe(404);
    expect((await version(cookies.otherTeam, "1")).status).toBe(404);
    await db().updateTable("agreement").set({ published_at: new Date() }).where("coalition_id", "=", team.id).execute();
    expect((await version(cookies.funder, "1")).status).toBe(200);
    expect((await version(cookies.funder, "2")).status).toBe(404);
    const shown = (await (await page(cookies.funder)).json()) as { shown: { number: number; signatories: { email: string | null }[] } };
    expect(shown.shown.number).toBe(1);
    expect(shown.shown.signatories.every((signatory) => signatory.email === null)).toBe(true);
    await db().updateTable("agreement").set({ published_at: null }).where("coalition_id", "=", team.id).execute();
  });
});

describe("review date", () => {
  it("is set by facilitators; the facilitators are reminded once per date", async () => {
    expect((await pageAction(cookies.member, [["intent", "review"], ["reviewOn", "2026-05-01"]])).status).toBe(404);
    expect(await errorsOf(await pageAction(cookies.facilitator, [["intent", "review"], ["reviewOn", "2026-02-31"]]))).toMatchObject({ reviewOn: ["error.date"] });
    expect((await pageAction(cookies.facilitator, [["intent", "review"], ["reviewOn", "2026-05-01"]])).status).toBe(302);
    expect(((await (await page(cookies.member)).json()) as { facts: { reviewOn: string } }).facts.reviewOn).toBe("2026-05-01");
    const facilitatorEmail = (await usersByIds([facilitator.id]))[0].email;
    expect(await remindOfReviews(new Date("2026-04-30T12:00:00Z"))).toBe(0);
    expect(await remindOfReviews(new Date("2026-05-01T08:00:00Z"))).toBeGreaterThanOrEqual(1);
    expect((await lastMailTo(facilitatorEmail))?.subject).toContain("Evaluatie");
    const mails = async () => (await db().selectFrom("email_outbox").where("to_address", "=", facilitatorEmail).select("id").execute()).length;
    const count = await mails();
    await remindOfReviews(new Date("2026-05-01T09:00:00Z"));
    expect(await mails()).toBe(count);
  });
});

describe("privacy", () => {
  it("the signature is in the personal data; erasure keeps organisation, function and date but not the person", async () => {
    const [user] = await usersByIds([member.id]);
    const pages = [];
    for await (const rows of signaturePages(user)) pages.push(...rows);
    expect(pages).toEqual([expect.objectContaining({ version: 1, function: "Voorzitter", signedOn: "2026-03-02" })]);
    await db().transaction().execute((trx) => agreementRows.erase!(trx, { id: member.id, email: member.email }));
    const after = await db().selectFrom("agreement_signature").where("function", "=", "Voorzitter").select(["person_id", "name", "signed_on", "organisation_id"]).executeTakeFirstOrThrow();
    expect(after).toMatchObject({ person_id: null, name: "", organisation_id: secondOrganisation });
  });

  it("deleting the whole coalition takes its signatures along", async () => {
    const doomed = await createCoalition();
    const version = await db()
      .insertInto("agreement")
      .values({ coalition_id: doomed.id })
      .returning("coalition_id")
      .executeTakeFirstOrThrow()
      .then(() => db().insertInto("agreement_version").values({ coalition_id: doomed.id, number: 1, status: "proposed", vision: text("Visie"), vision_text: "Visie" }).returning("id").executeTakeFirstOrThrow());
    const signatory = await db().insertInto("agreement_signatory").values({ version_id: version.id, organisation_id: doomed.organisationId, name: "A", email: "a@voorbeeld.nl" }).returning("id").executeTakeFirstOrThrow();
    await db().insertInto("agreement_signature").values({ signatory_id: signatory.id, version_id: version.id, organisation_id: doomed.organisationId, name: "A", function: "B", signed_on: "2026-01-01" }).execute();
    await db().deleteFrom("coalition").where("id", "=", doomed.id).execute();
    expect(await db().selectFrom("agreement_signature").where("version_id", "=", version.id).selectAll().execute()).toEqual([]);
  });
});
