import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../db/db.server";
import { remindHarvestDates } from "../../app/domain/questions/harvest-reminders.server";
import { todayInAmsterdam } from "../../app/i18n/dates";
import * as editRoute from "../../app/routes/teams.$team.questions.$id.edit";
import * as detailRoute from "../../app/routes/teams.$team.questions.$id._index";
import * as listRoute from "../../app/routes/teams.$team.questions._index";
import * as programmeRoute from "../../app/routes/programme.questions";
import * as csvRoute from "../../app/routes/programme.questions[.csv]";
import * as reflectionEditRoute from "../../app/routes/teams.$team.reflections.$id.edit";
import * as reflectionNewRoute from "../../app/routes/teams.$team.reflections.new";
import { BASE, browserRequest, callRoute, createCoalition, createPerson, sessionFor } from "../fixtures";
import { rowsOf } from "../fixtures/csv";
import { writeReflection } from "../fixtures/reflections";

// The rule: a coalition's learning questions are for its own people (members propose, facilitators decide);
// linked items keep their own visibility; the funder compares the active questions on the programme's page.

let team: Awaited<ReturnType<typeof createCoalition>>;
let other: Awaited<ReturnType<typeof createCoalition>>;
let member: { id: string; name: string };
let facilitator: { id: string; email: string };
let memberCookie: string;
let colleagueCookie: string;
let facilitatorCookie: string;
let outsiderCookie: string;
let funderCookie: string;
let themes: { id: string; slug: string }[];

beforeAll(async () => {
  team = await createCoalition();
  other = await createCoalition();
  member = await createPerson({ team, name: "Ans Jansen" });
  facilitator = await createPerson({ team, role: "facilitator" });
  memberCookie = await sessionFor(member);
  colleagueCookie = await sessionFor(await createPerson({ team }));
  facilitatorCookie = await sessionFor(facilitator);
  outsiderCookie = await sessionFor(await createPerson({ team: other, role: "facilitator" }));
  funderCookie = await sessionFor(await createPerson({ accountRole: "funder" }));
  themes = await db().selectFrom("theme").where("archived_at", "is", null).select(["id", "slug"]).orderBy("position").limit(2).execute();
});

/** A posted form as the browser sends it, with a field given more than once where needed. */
function post(path: string, cookie: string, fields: [string, string][]) {
  const headers = new Headers({ Origin: BASE, Cookie: cookie });
  return new Request(BASE + path, { method: "POST", headers, body: new URLSearchParams(fields) });
}

const listPath = () => `/teams/${team.slug}/questions`;

function propose(fields: [string, string][], cookie = memberCookie) {
  return callRoute(listRoute.action, { request: post(listPath(), cookie, [["intent", "save"], ...fields]), params: { team: team.slug } });
}

function step(id: string, intent: string, cookie = facilitatorCookie, version?: number) {
  return callRoute(listRoute.action, {
    request: post(listPath(), cookie, [["intent", intent], ["id", id], ["version", String(version ?? 1)]]),
    params: { team: team.slug },
  });
}

async function questionRow(text: string) {
  return db().selectFrom("learning_question").where("coalition_id", "=", team.id).where("question", "=", text).selectAll().executeTakeFirst();
}

function detail(id: string, cookie: string) {
  return callRoute(detailRoute.loader, { request: browserRequest(`${listPath()}/${id}`, { cookie }), params: { team: team.slug, id } });
}

const dayFromToday = (days: number) => new Date(Date.parse(`${todayInAmsterdam()}T12:00:00Z`) + days * 864e5).toISOString().slice(0, 10);

describe("who may see and change a coalition's learning questions", () => {
  it("sends a signed-out visitor to the login page", async () => {
    const response = await callRoute(listRoute.loader, { request: browserRequest(listPath()), params: { team: team.slug } });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
  });

  it("answers 404 to another coalition's member and to the funder, on the list, a question and the actions", async () => {
    await propose([["question", "Wie bepaalt de agenda?"]], facilitatorCookie);
    const question = (await questionRow("Wie bepaalt de agenda?"))!;
    for (const cookie of [outsiderCookie, funderCookie]) {
      const list = await callRoute(listRoute.loader, { request: browserRequest(listPath(), { cookie }), params: { team: team.slug } });
      expect(list.status).toBe(404);
      expect((await detail(question.id, cookie)).status).toBe(404);
      expect((await propose([["question", "Ingebroken vraag"]], cookie)).status).toBe(404);
      expect((await step(question.id, "archive", cookie, question.version)).status).toBe(404);
    }
    expect(await questionRow("Ingebroken vraag")).toBeUndefined();
    expect((await questionRow("Wie bepaalt de agenda?"))!.status).toBe("active");
  });

  it("lets a member propose but not take a proposal on the agenda, archive or edit; a facilitator does", async () => {
    expect((await propose([["question", "Hoe laten we bewoners het gesprek leiden?"], ["themes", themes[0].id]])).status).toBe(302);
    const proposal = (await questionRow("Hoe laten we bewoners het gesprek leiden?"))!;
    expect(proposal).toMatchObject({ status: "proposed", proposed_by: member.id });

    expect((await step(proposal.id, "activate", memberCookie)).status).toBe(404);
    expect((await step(proposal.id, "archive", memberCookie)).status).toBe(404);
    const edit = await callRoute(editRoute.loader, { request: browserRequest(`${listPath()}/${proposal.id}/edit`, { cookie: memberCookie }), params: { team: team.slug, id: proposal.id } });
    expect(edit.status).toBe(404);
    expect((await questionRow("Hoe laten we bewoners het gesprek leiden?"))!.status).toBe("proposed");

    expect((await step(proposal.id, "activate")).status).toBe(302);
    expect((await questionRow("Hoe laten we bewoners het gesprek leiden?"))!.status).toBe("active");
  });
});

describe("the agenda holds at most seven questions", () => {
  it("refuses an eighth active question with a clear message, and saves nothing", async () => {
    const active = await db().selectFrom("learning_question").where("coalition_id", "=", team.id).where("status", "=", "active").select("id").execute();
    for (let n = active.length; n < 7; n++) expect((await propose([["question", `Vraag nummer ${n + 1}`]], facilitatorCookie)).status).toBe(302);
    const refused = await propose([["question", "De achtste vraag"]], facilitatorCookie);
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toContain("questions.error.agendaFull");
    expect(await questionRow("De achtste vraag")).toBeUndefined();

    // A member's proposal is still welcome; taking it on is refused while seven are on the agenda.
    await propose([["question", "Een voorstel te veel"]]);
    const proposal = (await questionRow("Een voorstel te veel"))!;
    const taken = await step(proposal.id, "activate", facilitatorCookie, proposal.version);
    expect(taken.status).toBe(400);
    expect(JSON.stringify(await taken.json())).toContain("questions.error.agendaFull");
    expect((await questionRow("Een voorstel te veel"))!.status).toBe("proposed");

    // Archiving one makes room.
    expect((await step(active[0].id, "archive", facilitatorCookie, (await db().selectFrom("learning_question").where("id", "=", active[0].id).select("version").executeTakeFirstOrThrow()).version)).status).toBe(302);
    expect((await step(proposal.id, "activate", facilitatorCookie, proposal.version)).status).toBe(302);
  });
});

describe("bad input", () => {
  it.each([
    ["an empty question", [["question", "  "]], "question", "error.required"],
    ["a question of 301 characters", [["question", "x".repeat(301)]], "question", "error.tooLong.300"],
    ["a harvest date in the past", [["question", "Te laat geoogst"], ["harvestDates", dayFromToday(-1)]], "harvestDates", "questions.error.datePast"],
    ["a date that does not exist", [["question", "Geen dag"], ["harvestDates", "2027-02-31"]], "harvestDates", "error.date"],
  ] as const)("%s gets a message on its field and saves nothing", async (_, fields, field, message) => {
    const before = await db().selectFrom("learning_question").where("coalition_id", "=", team.id).select(db().fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    const response = await propose(fields.map(([k, v]) => [k, v]));
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.result.error[field]).toEqual([message]);
    const after = await db().selectFrom("learning_question").where("coalition_id", "=", team.id).select(db().fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it("takes empty date boxes as not filled in", async () => {
    const response = await propose([["question", "Lege datumvakjes"], ["harvestDates", ""], ["harvestDates", ""]]);
    expect(response.status).toBe(302);
  });

  it("keeps a version conflict apart: the second facilitator's save shows both and changes nothing", async () => {
    const question = (await questionRow("Hoe laten we bewoners het gesprek leiden?"))!;
    const save = (text: string) =>
      callRoute(editRoute.action, {
        request: post(`${listPath()}/${question.id}/edit`, facilitatorCookie, [["question", text], ["version", String(question.version)], ["harvestDates", dayFromToday(10)]]),
        params: { team: team.slug, id: question.id },
      });
    expect((await save("Hoe laten we bewoners het gesprek echt leiden?")).status).toBe(302);
    const stale = await save("Een oude versie");
    expect(stale.status).toBe(409);
    expect((await stale.json()).current.question).toBe("Hoe laten we bewoners het gesprek echt leiden?");
    const harvest = await db().selectFrom("learning_question_harvest_date").where("question_id", "=", question.id).select("planned_on").execute();
    expect(harvest).toHaveLength(1);
  });
});

describe("items linked to a question keep their own visibility", () => {
  it("never shows someone else's private reflection on the question page; the author and the team see what they may read", async () => {
    const question = (await questionRow("Hoe laten we bewoners het gesprek echt leiden?"))!;
    const written = await callRoute(reflectionNewRoute.action, {
      request: post(`/teams/${team.slug}/reflections/new`, memberCookie, [
        ["title", "Mijn eigen twijfel"],
        ["bodyText", "Alleen voor mij."],
        ["happenedOn", todayInAmsterdam()],
        ["visibility", "private"],
        ["question", question.id],
      ]),
      params: { team: team.slug },
    });
    expect(written.status).toBe(302);
    const teamReflection = await writeReflection(member.id, team.id, { title: "Voor de hele coalitie", text: "Gedeeld.", visibility: "team" });
    const reflection = await db().selectFrom("reflection").where("id", "=", teamReflection).select("version").executeTakeFirstOrThrow();
    const linked = await callRoute(reflectionEditRoute.action, {
      request: post(`/teams/${team.slug}/reflections/${teamReflection}/edit`, memberCookie, [
        ["title", "Voor de hele coalitie"],
        ["bodyText", "Gedeeld."],
        ["happenedOn", "2026-11-02"],
        ["visibility", "team"],
        ["version", String(reflection.version)],
        ["question", question.id],
      ]),
      params: { team: team.slug, id: teamReflection },
    });
    expect(linked.status).toBe(302);

    const colleague = await (await detail(question.id, colleagueCookie)).json();
    expect(colleague.links.map((l: { title: string }) => l.title)).toEqual(["Voor de hele coalitie"]);
    const author = await (await detail(question.id, memberCookie)).json();
    expect(author.links.map((l: { title: string }) => l.title)).toEqual(["Voor de hele coalitie", "Mijn eigen twijfel"]);

    // The funder reads neither (team and private), so counts none on its page.
    const programme = await (await callRoute(programmeRoute.loader, { request: browserRequest("/programme/questions", { cookie: funderCookie }) })).json();
    const shown = programme.groups.flatMap((g: { questions: { id: string; linkedItems: number }[] }) => g.questions).find((q: { id: string }) => q.id === question.id);
    expect(shown.linkedItems).toBe(0);

    // Unlinking by editing the item.
    const again = await db().selectFrom("reflection").where("id", "=", teamReflection).select("version").executeTakeFirstOrThrow();
    await callRoute(reflectionEditRoute.action, {
      request: post(`/teams/${team.slug}/reflections/${teamReflection}/edit`, memberCookie, [
        ["title", "Voor de hele coalitie"],
        ["bodyText", "Gedeeld."],
        ["happenedOn", "2026-11-02"],
        ["visibility", "team"],
        ["version", String(again.version)],
        ["question", ""],
      ]),
      params: { team: team.slug, id: teamReflection },
    });
    expect((await (await detail(question.id, colleagueCookie)).json()).links).toEqual([]);
  });

  it("links nothing to a question of another coalition", async () => {
    const foreign = await db()
      .insertInto("learning_question")
      .values({ coalition_id: other.id, question: "Een vraag van elders", status: "active" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const response = await callRoute(reflectionNewRoute.action, {
      request: post(`/teams/${team.slug}/reflections/new`, memberCookie, [
        ["title", "Verdwaald"],
        ["bodyText", "x"],
        ["happenedOn", todayInAmsterdam()],
        ["visibility", "team"],
        ["question", foreign.id],
      ]),
      params: { team: team.slug },
    });
    expect(response.status).toBe(302);
    const links = await db().selectFrom("learning_question_link").where("question_id", "=", foreign.id).selectAll().execute();
    expect(links).toEqual([]);
  });
});

describe("the funder compares the coalitions' questions", () => {
  it("is for the funder only: a member, even a facilitator, gets 404 on the page and the CSV", async () => {
    for (const cookie of [memberCookie, facilitatorCookie]) {
      expect((await callRoute(programmeRoute.loader, { request: browserRequest("/programme/questions", { cookie }) })).status).toBe(404);
      expect((await callRoute(csvRoute.loader, { request: browserRequest("/programme/questions.csv", { cookie }) })).status).toBe(404);
    }
  });

  it("shows a question with two themes under both, one without a theme under 'Zonder thema', and filters by theme", async () => {
    // Straight into the database, in the other coalition, whose agenda has room.
    const add = async (text: string, themeIds: string[]) => {
      const { id } = await db().insertInto("learning_question").values({ coalition_id: other.id, question: text, status: "active" }).returning("id").executeTakeFirstOrThrow();
      if (themeIds.length) await db().insertInto("learning_question_theme").values(themeIds.map((theme_id) => ({ question_id: id, theme_id }))).execute();
      return id;
    };
    const question = { id: await add("Een vraag met twee thema's", [themes[0].id, themes[1].id]) };
    const withoutTheme = await add("Een vraag zonder thema", []);
    const load = (query = "") => callRoute(programmeRoute.loader, { request: browserRequest(`/programme/questions${query}`, { cookie: funderCookie }) });
    const page = await (await load()).json();
    const under = (slug: string | null) =>
      page.groups.find((g: { theme: { slug: string } | null }) => (g.theme ? g.theme.slug === slug : slug === null))?.questions.map((q: { id: string }) => q.id) ?? [];
    expect(under(themes[0].slug)).toContain(question.id);
    expect(under(themes[1].slug)).toContain(question.id);
    expect(under(null)).toContain(withoutTheme);
    expect(under(themes[0].slug)).not.toContain(withoutTheme);

    const filtered = await (await load(`?theme=${themes[1].slug}`)).json();
    expect(filtered.groups.map((g: { theme: { slug: string } }) => g.theme.slug)).toEqual([themes[1].slug]);

    const csv = await rowsOf(await callRoute(csvRoute.loader, { request: browserRequest("/programme/questions.csv", { cookie: funderCookie }) }));
    expect(csv.header).toEqual(["Thema", "Coalitie", "Leervraag", "Gekoppelde stukken (leesbaar voor het fonds)", "Geplande oogstmomenten"]);
    expect(csv.rows.filter((row) => row[2] === "Een vraag met twee thema's")).toHaveLength(2);
  });
});

describe("the harvest reminder", () => {
  it("tells the coalition's facilitators once when a planned harvest date is reached, and not the members", async () => {
    const question = await db()
      .insertInto("learning_question")
      .values({ coalition_id: team.id, question: "Oogsten we vandaag?", status: "active" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db().insertInto("learning_question_harvest_date").values([
      { question_id: question.id, planned_on: todayInAmsterdam() },
      { question_id: question.id, planned_on: dayFromToday(5) },
    ]).execute();
    await remindHarvestDates();
    await remindHarvestDates();
    const told = await db().selectFrom("notification").where("item_type", "=", "question").where("item_id", "=", question.id).select(["recipient_id", "kind"]).execute();
    expect(told).toEqual([{ recipient_id: facilitator.id, kind: "harvest" }]);
    const dates = await db().selectFrom("learning_question_harvest_date").where("question_id", "=", question.id).select(["reminded_at"]).orderBy("planned_on").execute();
    expect(dates[0].reminded_at).not.toBeNull();
    expect(dates[1].reminded_at).toBeNull();
  });
});
