import { randomUUID } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../db/db.server";
import { getUser } from "../../app/auth/permissions.server";
import { authenticate } from "../../app/domain/accounts/accounts.server";
import * as overview from "../../app/routes/admin._index";
import * as accounts from "../../app/routes/admin.accounts";
import * as editCoalition from "../../app/routes/admin.coalitions.$id";
import * as newCoalition from "../../app/routes/admin.coalitions.new";
import * as invitations from "../../app/routes/admin.invitations";
import * as outbox from "../../app/routes/admin.outbox";
import {
  PASSWORD,
  browserRequest,
  callRoute,
  createCoalition,
  createPerson,
  lastMailTo,
  linkIn,
  sessionFor,
  unique,
} from "../fixtures";

let adminCookie: string;
let admin: { id: string; email: string };

beforeAll(async () => {
  admin = await createPerson({ accountRole: "admin" });
  adminCookie = await sessionFor(admin);
});

afterEach(() => {
  delete process.env.SMTP_URL;
});

function coalitionForm(fields: Record<string, string>): Record<string, string> {
  return { name: "Samen in Zuid", place: "Zuid", description: "", ...fields };
}

async function coalitionBySlug(slug: string) {
  return db().selectFrom("coalition").where("slug", "=", slug).selectAll().executeTakeFirst();
}

async function partnersOf(coalitionId: string) {
  return db()
    .selectFrom("organisation")
    .where("coalition_id", "=", coalitionId)
    .select(["id", "name", "kind", "position"])
    .orderBy("position")
    .execute();
}

async function errorsOf(response: Response): Promise<Record<string, string[] | null>> {
  const body = (await response.json()) as { error?: Record<string, string[] | null>; result?: { error?: Record<string, string[] | null> } };
  return body.error ?? body.result?.error ?? {};
}

async function accountAction(cookie: string, form: Record<string, string>) {
  return callRoute(accounts.action, { request: browserRequest("/admin/accounts", { cookie, form }) });
}

describe("an admin sets up coalitions", () => {
  it("creates a coalition with its partner organisations; blank partner rows are skipped", async () => {
    const slug = unique("zuid");
    const response = await callRoute(newCoalition.action, {
      request: browserRequest("/admin/coalitions/new", {
        cookie: adminCookie,
        form: coalitionForm({
          slug,
          description: "Bewoners en welzijn samen in Zuid.",
          "partners[0].name": "Buurtkracht Zuid",
          "partners[0].kind": "residents_initiative",
          "partners[1].name": "",
          "partners[1].kind": "",
          "partners[2].name": "Welzijn Zuid",
          "partners[2].kind": "welfare",
          "partners[3].name": "",
        }),
      }),
    });
    const coalition = await coalitionBySlug(slug);
    expect(coalition).toMatchObject({ name: "Samen in Zuid", place: "Zuid", description: "Bewoners en welzijn samen in Zuid." });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/admin/coalitions/${coalition!.id}`);
    expect((await partnersOf(coalition!.id)).map((p) => [p.name, p.kind])).toEqual([
      ["Buurtkracht Zuid", "residents_initiative"],
      ["Welzijn Zuid", "welfare"],
    ]);

    const list = await callRoute(overview.loader, { request: browserRequest("/admin", { cookie: adminCookie }) });
    const body = (await list.json()) as { coalitions: { slug: string; partners: string[] }[] };
    expect(body.coalitions.find((c) => c.slug === slug)?.partners).toEqual(["Buurtkracht Zuid", "Welzijn Zuid"]);
  });

  it("answers a slug that is taken with a field error and saves nothing", async () => {
    const existing = await createCoalition();
    const before = await db().selectFrom("coalition").select(({ fn }) => fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
    const response = await callRoute(newCoalition.action, {
      request: browserRequest("/admin/coalitions/new", {
        cookie: adminCookie,
        form: coalitionForm({ slug: existing.slug, "partners[0].name": "Nieuwe partner", "partners[0].kind": "other" }),
      }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: Record<string, string[]>; initialValue: Record<string, unknown> };
    expect(body.error.slug).toEqual(["error.slugTaken"]);
    expect(body.initialValue).toMatchObject({ name: "Samen in Zuid", slug: existing.slug }); // input preserved
    const after = await db().selectFrom("coalition").select(({ fn }) => fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    expect(await db().selectFrom("organisation").where("name", "=", "Nieuwe partner").select("id").execute()).toEqual([]);
  });

  it("answers bad input with an error per field and saves nothing", async () => {
    const slug = "Niet Goed!";
    const response = await callRoute(newCoalition.action, {
      request: browserRequest("/admin/coalitions/new", {
        cookie: adminCookie,
        form: {
          name: "",
          slug,
          place: "Oost",
          "partners[0].name": "Zonder soort",
          "partners[0].kind": "",
          "partners[1].name": "",
          "partners[1].kind": "welfare",
          "partners[2].name": "Dubbel",
          "partners[2].kind": "other",
          "partners[3].name": "dubbel",
          "partners[3].kind": "other",
        },
      }),
    });
    expect(response.status).toBe(400);
    const errors = await errorsOf(response);
    expect(errors).toMatchObject({
      name: ["error.required"],
      slug: ["error.slug"],
      "partners[0].kind": ["error.choose"],
      "partners[1].name": ["error.required"],
      "partners[3].name": ["admin.partner.duplicate"],
    });
    expect(await coalitionBySlug(slug)).toBeUndefined();
    expect(await db().selectFrom("organisation").where("name", "=", "Zonder soort").select("id").execute()).toEqual([]);

    const badKind = await callRoute(newCoalition.action, {
      request: browserRequest("/admin/coalitions/new", {
        cookie: adminCookie,
        form: coalitionForm({ slug: unique("oost"), "partners[0].name": "X", "partners[0].kind": "bank" }),
      }),
    });
    expect(badKind.status).toBe(400);
    expect((await errorsOf(badKind))["partners[0].kind"]).toEqual(["error.choose"]);
  });

  it("edits a coalition: renames, changes kind, removes and adds partner organisations", async () => {
    const coalition = await createCoalition();
    const [welfare] = await partnersOf(coalition.id);
    const second = await db()
      .insertInto("organisation")
      .values({ coalition_id: coalition.id, name: "Oude naam", kind: "other", position: 1 })
      .returning("id")
      .executeTakeFirstOrThrow();
    const member = await createPerson({ team: coalition });
    await db().updateTable("membership").set({ organisation_id: welfare.id }).where("person_id", "=", member.id).execute();
    const url = `/admin/coalitions/${coalition.id}`;
    const params = { id: coalition.id };

    const loaded = await callRoute(editCoalition.loader, { request: browserRequest(url, { cookie: adminCookie }), params });
    expect(loaded.status).toBe(200);
    expect(((await loaded.json()) as { coalition: { partners: unknown[] } }).coalition.partners).toHaveLength(2);

    const newSlug = unique("hernoemd");
    const response = await callRoute(editCoalition.action, {
      request: browserRequest(url, {
        cookie: adminCookie,
        form: {
          name: "Hernoemde coalitie",
          slug: newSlug,
          place: "Noord",
          description: "Nieuwe beschrijving",
          "partners[0].partnerId": welfare.id,
          "partners[0].name": welfare.name,
          "partners[0].kind": "welfare",
          "partners[0].remove": "on",
          "partners[1].partnerId": second.id,
          "partners[1].name": "Gemeente Noord",
          "partners[1].kind": "municipality",
          "partners[2].name": "Bewoners Noord",
          "partners[2].kind": "residents_initiative",
          "partners[3].name": "",
          "partners[3].kind": "",
        },
      }),
      params,
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(url);
    expect(await coalitionBySlug(newSlug)).toMatchObject({ id: coalition.id, name: "Hernoemde coalitie", place: "Noord" });
    expect((await partnersOf(coalition.id)).map((p) => [p.id === second.id, p.name, p.kind])).toEqual([
      [true, "Gemeente Noord", "municipality"],
      [false, "Bewoners Noord", "residents_initiative"],
    ]);
    // The member of the removed organisation stays in the coalition, without an organisation.
    const membership = await db().selectFrom("membership").where("person_id", "=", member.id).selectAll().executeTakeFirst();
    expect(membership).toMatchObject({ coalition_id: coalition.id, organisation_id: null });
  });

  it("does not touch another coalition's organisation through a tampered id, and refuses a taken slug on edit", async () => {
    const mine = await createCoalition();
    const other = await createCoalition();
    const url = `/admin/coalitions/${mine.id}`;
    const tampered = await callRoute(editCoalition.action, {
      request: browserRequest(url, {
        cookie: adminCookie,
        form: coalitionForm({
          slug: mine.slug,
          "partners[0].partnerId": other.organisationId,
          "partners[0].name": "Overgenomen",
          "partners[0].kind": "other",
          "partners[1].partnerId": randomUUID(),
          "partners[1].name": "x",
          "partners[1].kind": "other",
          "partners[1].remove": "on",
        }),
      }),
      params: { id: mine.id },
    });
    expect(tampered.status).toBe(302);
    expect((await partnersOf(other.id)).map((p) => p.name)).toEqual([`Welzijn ${other.slug}`]);

    const taken = await callRoute(editCoalition.action, {
      request: browserRequest(url, { cookie: adminCookie, form: coalitionForm({ slug: other.slug }) }),
      params: { id: mine.id },
    });
    expect(taken.status).toBe(400);
    expect((await errorsOf(taken)).slug).toEqual(["error.slugTaken"]);
    expect((await coalitionBySlug(mine.slug))?.id).toBe(mine.id);
  });

  it("answers 404 for a coalition that does not exist or an id that is not one", async () => {
    for (const id of [randomUUID(), "not-a-uuid"]) {
      const response = await callRoute(editCoalition.loader, {
        request: browserRequest(`/admin/coalitions/${id}`, { cookie: adminCookie }),
        params: { id },
      });
      expect(response.status).toBe(404);
    }
  });
});

describe("an admin invites facilitators and programme officers", () => {
  it("invites a facilitator for a coalition: the e-mail with its /invite/ link lands in the outbox", async () => {
    const coalition = await createCoalition();
    const email = `${unique("begeleider")}@test.example`;
    const response = await callRoute(invitations.action, {
      request: browserRequest("/admin/invitations", {
        cookie: adminCookie,
        form: { intent: "facilitator", email: email.toUpperCase(), coalitionId: coalition.id, language: "nl" },
      }),
    });
    expect(response.status).toBe(302);
    const invitation = await db().selectFrom("invitation").where("email", "=", email).selectAll().executeTakeFirstOrThrow();
    expect(invitation).toMatchObject({
      account_role: "participant",
      coalition_id: coalition.id,
      role: "facilitator",
      invited_by: admin.id,
    });
    const mail = await lastMailTo(email);
    expect(mail?.body_text).toContain(coalition.name);
    expect(linkIn(mail!.body_text, "/invite/")).toMatch(/^\/invite\/.+/);

    const page = await callRoute(invitations.loader, { request: browserRequest("/admin/invitations", { cookie: adminCookie }) });
    const body = (await page.json()) as { invitations: { email: string; role: string; status: string }[] };
    expect(body.invitations.find((i) => i.email === email)).toMatchObject({ role: "facilitator", status: "open" });
  });

  it("invites a funder's programme officer, in English when asked", async () => {
    const email = `${unique("fonds")}@test.example`;
    const response = await callRoute(invitations.action, {
      request: browserRequest("/admin/invitations", {
        cookie: adminCookie,
        form: { intent: "funder", email, language: "en" },
      }),
    });
    expect(response.status).toBe(302);
    const invitation = await db().selectFrom("invitation").where("email", "=", email).selectAll().executeTakeFirstOrThrow();
    expect(invitation).toMatchObject({ account_role: "funder", coalition_id: null, role: null });
    const mail = await lastMailTo(email);
    expect(mail?.subject).toBe("Invitation to Leernetwerk");
    expect(linkIn(mail!.body_text, "/invite/")).toMatch(/^\/invite\/.+/);
  });

  it("answers bad input per field and sends nothing", async () => {
    const before = await db().selectFrom("invitation").select(({ fn }) => fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
    const noCoalition = await callRoute(invitations.action, {
      request: browserRequest("/admin/invitations", {
        cookie: adminCookie,
        form: { intent: "facilitator", email: "geen-adres", coalitionId: "", language: "nl" },
      }),
    });
    expect(noCoalition.status).toBe(400);
    expect(await errorsOf(noCoalition)).toMatchObject({ email: ["error.email"], coalitionId: ["error.choose"] });

    const unknownCoalition = await callRoute(invitations.action, {
      request: browserRequest("/admin/invitations", {
        cookie: adminCookie,
        form: { intent: "facilitator", email: "iemand@test.example", coalitionId: randomUUID(), language: "nl" },
      }),
    });
    expect(unknownCoalition.status).toBe(400);
    expect((await errorsOf(unknownCoalition)).coalitionId).toEqual(["error.choose"]);

    const adminAsFunder = await callRoute(invitations.action, {
      request: browserRequest("/admin/invitations", {
        cookie: adminCookie,
        form: { intent: "funder", email: admin.email, language: "nl" },
      }),
    });
    expect(adminAsFunder.status).toBe(400);
    expect((await errorsOf(adminAsFunder)).email).toEqual(["admin.invite.adminAccount"]);

    const after = await db().selectFrom("invitation").select(({ fn }) => fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    expect(await lastMailTo("iemand@test.example")).toBeUndefined();
  });
});

describe("an admin deactivates and reactivates accounts", () => {
  it("lists every account with its role, coalitions and state", async () => {
    const coalition = await createCoalition();
    const facilitator = await createPerson({ team: coalition, role: "facilitator" });
    const response = await callRoute(accounts.loader, { request: browserRequest("/admin/accounts", { cookie: adminCookie }) });
    const body = (await response.json()) as {
      accounts: { id: string; email: string; accountRole: string; isSelf: boolean; deactivatedAt: string | null; memberships: unknown[] }[];
    };
    expect(body.accounts.find((a) => a.id === facilitator.id)).toMatchObject({
      email: facilitator.email,
      accountRole: "participant",
      isSelf: false,
      deactivatedAt: null,
      memberships: [{ coalition: coalition.name, role: "facilitator" }],
    });
    expect(body.accounts.find((a) => a.id === admin.id)).toMatchObject({ accountRole: "admin", isSelf: true });
  });

  it("deactivation ends every session of the person at once, blocks login and is audited; reactivation undoes it", async () => {
    const coalition = await createCoalition();
    const member = await createPerson({ team: coalition });
    const phone = await sessionFor(member);
    const laptop = await sessionFor(member);
    expect(await getUser(browserRequest("/", { cookie: phone }))).not.toBeNull();

    const response = await accountAction(adminCookie, { intent: "deactivate", personId: member.id });
    expect(response.status).toBe(302);
    for (const cookie of [phone, laptop]) {
      expect(await getUser(browserRequest("/", { cookie }))).toBeNull();
    }
    expect(await db().selectFrom("auth_session").where("person_id", "=", member.id).select("id_hash").execute()).toEqual([]);
    expect(await authenticate(member.email, PASSWORD, unique("address"))).toEqual({ ok: false, reason: "invalid" });
    const deactivation = await db()
      .selectFrom("audit_event")
      .where("kind", "=", "deactivation")
      .where("subject_id", "=", member.id)
      .select(["actor_id"])
      .execute();
    expect(deactivation).toEqual([{ actor_id: admin.id }]);

    // Deactivating twice changes nothing and records nothing new.
    await accountAction(adminCookie, { intent: "deactivate", personId: member.id });
    expect(
      await db().selectFrom("audit_event").where("kind", "=", "deactivation").where("subject_id", "=", member.id).select("id").execute(),
    ).toHaveLength(1);

    const reactivated = await accountAction(adminCookie, { intent: "reactivate", personId: member.id });
    expect(reactivated.status).toBe(302);
    expect(await authenticate(member.email, PASSWORD, unique("address"))).toMatchObject({ ok: true, personId: member.id });
    const reactivation = await db()
      .selectFrom("audit_event")
      .where("kind", "=", "reactivation")
      .where("subject_id", "=", member.id)
      .select(["actor_id"])
      .execute();
    expect(reactivation).toEqual([{ actor_id: admin.id }]);
  });

  it("an admin cannot deactivate themselves", async () => {
    const response = await accountAction(adminCookie, { intent: "deactivate", personId: admin.id });
    expect(response.status).toBe(400);
    expect((await errorsOf(response))[""]).toEqual(["admin.accounts.notSelf"]);
    expect(await getUser(browserRequest("/admin", { cookie: adminCookie }))).toMatchObject({ id: admin.id });
  });

  it("answers a person that does not exist with 404 and a malformed request with 400", async () => {
    expect((await accountAction(adminCookie, { intent: "deactivate", personId: randomUUID() })).status).toBe(404);
    expect((await accountAction(adminCookie, { intent: "deactivate", personId: "1; drop table person" })).status).toBe(400);
    expect((await accountAction(adminCookie, { intent: "delete", personId: admin.id })).status).toBe(400);
  });
});

describe("the outbox", () => {
  it("shows every message, newest first, while no mail server is configured", async () => {
    const email = `${unique("fonds")}@test.example`;
    await callRoute(invitations.action, {
      request: browserRequest("/admin/invitations", { cookie: adminCookie, form: { intent: "funder", email, language: "nl" } }),
    });
    const response = await callRoute(outbox.loader, { request: browserRequest("/admin/outbox", { cookie: adminCookie }) });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { messages: { to_address: string; subject: string; body_text: string; state: string }[] };
    expect(body.messages[0]).toMatchObject({ to_address: email, subject: "Uitnodiging voor Leernetwerk", state: "kept" });
    expect(body.messages[0].body_text).toContain("/invite/");
  });

  it("with SMTP_URL set shows each mail's state but not its text (its links are for the addressee alone)", async () => {
    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    const response = await callRoute(outbox.loader, { request: browserRequest("/admin/outbox", { cookie: adminCookie }) });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { showText: boolean; messages: { body_text: string | null; state: string }[] };
    expect(body.showText).toBe(false);
    expect(body.messages.length).toBeGreaterThan(0);
    expect(body.messages.every((m) => m.body_text === null)).toBe(true);
    const home = await callRoute(overview.loader, { request: browserRequest("/admin", { cookie: adminCookie }) });
    expect(((await home.json()) as { outbox: boolean }).outbox).toBe(false);
  });
});

describe("nobody but an admin reaches /admin", () => {
  const validCoalition = () => coalitionForm({ slug: unique("indringer"), "partners[0].name": "P", "partners[0].kind": "other" });

  async function everyAdminRoute(cookie: string | undefined) {
    const coalition = await createCoalition();
    const target = await createPerson();
    const edit = `/admin/coalitions/${coalition.id}`;
    const params = { id: coalition.id };
    const get = (path: string) => browserRequest(path, { cookie });
    const post = (path: string, form: Record<string, string>) => browserRequest(path, { cookie, form });
    const calls: [string, () => Promise<Response>][] = [
      ["GET /admin", () => callRoute(overview.loader, { request: get("/admin") })],
      ["GET /admin/coalitions/new", () => callRoute(newCoalition.loader, { request: get("/admin/coalitions/new") })],
      ["POST /admin/coalitions/new", () => callRoute(newCoalition.action, { request: post("/admin/coalitions/new", validCoalition()) })],
      ["POST /admin/coalitions/new (bad input)", () => callRoute(newCoalition.action, { request: post("/admin/coalitions/new", {}) })],
      ["GET /admin/coalitions/:id", () => callRoute(editCoalition.loader, { request: get(edit), params })],
      ["POST /admin/coalitions/:id", () => callRoute(editCoalition.action, { request: post(edit, validCoalition()), params })],
      ["POST /admin/coalitions/:id (bad input)", () => callRoute(editCoalition.action, { request: post(edit, {}), params })],
      ["GET /admin/accounts", () => callRoute(accounts.loader, { request: get("/admin/accounts") })],
      [
        "POST /admin/accounts",
        () => callRoute(accounts.action, { request: post("/admin/accounts", { intent: "deactivate", personId: target.id }) }),
      ],
      ["POST /admin/accounts (bad input)", () => callRoute(accounts.action, { request: post("/admin/accounts", {}) })],
      ["GET /admin/invitations", () => callRoute(invitations.loader, { request: get("/admin/invitations") })],
      [
        "POST /admin/invitations (facilitator)",
        () =>
          callRoute(invitations.action, {
            request: post("/admin/invitations", {
              intent: "facilitator",
              email: `${unique("x")}@test.example`,
              coalitionId: coalition.id,
              language: "nl",
            }),
          }),
      ],
      [
        "POST /admin/invitations (funder)",
        () =>
          callRoute(invitations.action, {
            request: post("/admin/invitations", { intent: "funder", email: `${unique("x")}@test.example`, language: "nl" }),
          }),
      ],
      ["POST /admin/invitations (bad input)", () => callRoute(invitations.action, { request: post("/admin/invitations", {}) })],
      ["GET /admin/outbox", () => callRoute(outbox.loader, { request: get("/admin/outbox") })],
      ["POST /admin/outbox", () => callRoute(outbox.action, { request: post("/admin/outbox", { mail: "1" }) })],
    ];
    const results: [string, Response][] = [];
    for (const [name, call] of calls) results.push([name, await call()]);

    // Nothing was changed by any of these attempts.
    expect(await coalitionBySlug(coalition.slug)).toMatchObject({ name: coalition.name });
    expect(await db().selectFrom("person").where("id", "=", target.id).select("deactivated_at").executeTakeFirst()).toEqual({
      deactivated_at: null,
    });
    expect(await db().selectFrom("invitation").where("coalition_id", "=", coalition.id).select("id").execute()).toEqual([]);
    return results;
  }

  for (const [who, make] of [
    ["a member", async () => createPerson({ team: await createCoalition(), role: "member" })],
    ["a facilitator", async () => createPerson({ team: await createCoalition(), role: "facilitator" })],
    ["a funder", async () => createPerson({ accountRole: "funder" })],
  ] as const) {
    it(`answers 404 to ${who} on every loader and action`, async () => {
      const cookie = await sessionFor(await make());
      for (const [name, response] of await everyAdminRoute(cookie)) {
        expect(response.status, name).toBe(404);
      }
    });
  }

  it("sends an anonymous visitor to the login page", async () => {
    for (const [name, response] of await everyAdminRoute(undefined)) {
      expect(response.status, name).toBe(302);
      expect(response.headers.get("Location"), name).toMatch(/^\/login\?redirectTo=%2Fadmin/);
    }
  });
});
