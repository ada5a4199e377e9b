import { describe, expect, it } from "vitest";
import { db } from "../../db/db.server";
import { getUser } from "../../app/auth/permissions.server";
import { authenticate } from "../../app/domain/accounts/accounts.server";
import { createInvitation } from "../../app/domain/accounts/invitations.server";
import * as inviteRoute from "../../app/routes/invite.$token";
import * as membersRoute from "../../app/routes/teams.$team.members";
import {
  browserRequest,
  callRoute,
  createCoalition,
  createPerson,
  lastMailTo,
  linkIn,
  PASSWORD,
  sessionFor,
  unique,
} from "../fixtures";

const NEW_PASSWORD = "fietsen langs de IJssel";

type Team = Awaited<ReturnType<typeof createCoalition>>;

/** A facilitator invites an address through the members page; returns the token from the e-mail. */
async function invite(team: Team, facilitator: { id: string }, email: string, role = "member") {
  const response = await callRoute(membersRoute.action, {
    request: browserRequest(`/teams/${team.slug}/members`, {
      cookie: await sessionFor(facilitator),
      form: { intent: "invite", email, role },
    }),
    params: { team: team.slug },
  });
  expect(response.status).toBe(302);
  const mail = await lastMailTo(email.trim().toLowerCase());
  expect(mail).toBeDefined();
  return linkIn(mail!.body_text, "/invite/").slice("/invite/".length);
}

function openPage(token: string) {
  return callRoute(inviteRoute.loader, { request: browserRequest(`/invite/${token}`), params: { token } });
}

function accept(token: string, form: Record<string, string>) {
  return callRoute(inviteRoute.action, {
    request: browserRequest(`/invite/${token}`, { form }),
    params: { token },
    context: { clientAddress: `10.50.0.${Math.floor(Math.random() * 250)}` },
  });
}

function sessionCookieOf(response: Response): string | null {
  return (response.headers.get("Set-Cookie") ?? "").match(/ln_session=[^;]+/)?.[0] ?? null;
}

async function teamWithFacilitator() {
  const team = await createCoalition();
  const facilitator = await createPerson({ team, role: "facilitator", name: "Marloes Begeleider" });
  return { team, facilitator };
}

function personsWith(email: string) {
  return db().selectFrom("person").where("email", "=", email).selectAll().execute();
}

async function invitationOf(email: string) {
  return db().selectFrom("invitation").where("email", "=", email).selectAll().orderBy("created_at", "desc").executeTakeFirstOrThrow();
}

describe("accepting an invitation", () => {
  it("a facilitator invites by e-mail; the invitee joins with name, password, perspective and organisation, and is logged in", async () => {
    const { team, facilitator } = await teamWithFacilitator();
    const email = `${unique("nieuw")}@test.example`;
    const token = await invite(team, facilitator, email, "member");

    const mail = await lastMailTo(email);
    expect(mail!.subject).toBe("Uitnodiging voor Leernetwerk");
    expect(mail!.body_text).toContain("Marloes Begeleider");
    expect(mail!.body_text).toContain(team.name);

    const page = await openPage(token);
    expect(page.status).toBe(200);
    const data = await page.json();
    expect(data.invitation).toMatchObject({
      email,
      kind: "team",
      role: "member",
      coalitionName: team.name,
      inviterName: "Marloes Begeleider",
      existingAccount: false,
      blocked: false,
    });
    expect(data.invitation.organisations).toEqual([{ id: team.organisationId, name: `Welzijn ${team.slug}` }]);

    const response = await accept(token, {
      name: "Nieuwe Deelnemer",
      password: NEW_PASSWORD,
      confirm: NEW_PASSWORD,
      perspective: "volunteer",
      organisationId: team.organisationId,
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/teams/${team.slug}`);
    const cookie = sessionCookieOf(response);
    expect(cookie).not.toBeNull();

    const user = await getUser(browserRequest("/", { cookie: cookie! }));
    expect(user).toMatchObject({ email, name: "Nieuwe Deelnemer", accountRole: "participant" });
    expect(user!.memberships).toEqual([expect.objectContaining({ coalitionId: team.id, role: "member" })]);
    const membership = await db()
      .selectFrom("membership")
      .where("person_id", "=", user!.id)
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(membership).toMatchObject({
      coalition_id: team.id,
      role: "member",
      perspective: "volunteer",
      organisation_id: team.organisationId,
    });
    expect((await authenticate(email, NEW_PASSWORD, "10.50.1.1")).ok).toBe(true);
    const audit = await db()
      .selectFrom("audit_event")
      .where("kind", "=", "invitation_accepted")
      .where("subject_id", "=", user!.id)
      .selectAll()
      .executeTakeFirst();
    expect(audit?.coalition_id).toBe(team.id);
  });

  it("a facilitator invitation makes the invitee a facilitator; an organisation is optional", async () => {
    const { team, facilitator } = await teamWithFacilitator();
    const email = `${unique("begeleider")}@test.example`;
    const token = await invite(team, facilitator, email, "facilitator");
    const response = await accept(token, {
      name: "Tweede Begeleider",
      password: NEW_PASSWORD,
      confirm: NEW_PASSWORD,
      perspective: "professional",
      organisationId: "",
    });
    expect(response.status).toBe(302);
    const [person] = await personsWith(email);
    const membership = await db()
      .selectFrom("membership")
      .where("person_id", "=", person.id)
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(membership).toMatchObject({ role: "facilitator", perspective: "professional", organisation_id: null });
  });

  it("the same link a second time fails: the page says it was used and no second account or session appears", async () => {
    const { team, facilitator } = await teamWithFacilitator();
    const email = `${unique("tweemaal")}@test.example`;
    const token = await invite(team, facilitator, email);
    const form = { name: "Eerste Keer", password: NEW_PASSWORD, confirm: NEW_PASSWORD, perspective: "resident" };
    expect((await accept(token, form)).status).toBe(302);

    const page = await openPage(token);
    expect(page.status).toBe(410);
    expect(await page.json()).toEqual({ gone: "invite.gone.used" });

    const again = await accept(token, { ...form, name: "Tweede Keer" });
    expect(again.status).toBe(410);
    expect(sessionCookieOf(again)).toBeNull();
    const persons = await personsWith(email);
    expect(persons).toHaveLength(1);
    expect(persons[0].name).toBe("Eerste Keer");
  });

  it("an expired invitation fails with a clear message and creates nothing", async () => {
    const { team, facilitator } = await teamWithFacilitator();
    const email = `${unique("verlopen")}@test.example`;
    const token = await invite(team, facilitator, email);
    await db()
      .updateTable("invitation")
      .set({ expires_at: new Date(Date.now() - 60_000) })
      .where("email", "=", email)
      .execute();

    const page = await openPage(token);
    expect(page.status).toBe(410);
    expect(await page.json()).toEqual({ gone: "invite.gone.expired" });
    const response = await accept(token, { name: "Te Laat", password: NEW_PASSWORD, confirm: NEW_PASSWORD, perspective: "resident" });
    expect(response.status).toBe(410);
    expect(sessionCookieOf(response)).toBeNull();
    expect(await personsWith(email)).toHaveLength(0);
  });

  it("a withdrawn invitation fails with a clear message and creates nothing", async () => {
    const { team, facilitator } = await teamWithFacilitator();
    const email = `${unique("ingetrokken")}@test.example`;
    const token = await invite(team, facilitator, email);
    const invitation = await invitationOf(email);
    const withdrawn = await callRoute(membersRoute.action, {
      request: browserRequest(`/teams/${team.slug}/members`, {
        cookie: await sessionFor(facilitator),
        form: { intent: "withdraw", invitationId: invitation.id },
      }),
      params: { team: team.slug },
    });
    expect(withdrawn.status).toBe(302);

    const page = await openPage(token);
    expect(page.status).toBe(410);
    expect(await page.json()).toEqual({ gone: "invite.gone.withdrawn" });
    const response = await accept(token, { name: "Toch Niet", password: NEW_PASSWORD, confirm: NEW_PASSWORD, perspective: "resident" });
    expect(response.status).toBe(410);
    expect(await personsWith(email)).toHaveLength(0);
  });

  it("a link that never existed gives 404", async () => {
    const page = await openPage("bestaat-niet");
    expect(page.status).toBe(404);
    expect(await page.json()).toEqual({ gone: "invite.gone.unknown" });
  });

  it("an invitation for team A cannot be used to join team B, and an organisation of team B is refused", async () => {
    const { team: teamA, facilitator } = await teamWithFacilitator();
    const teamB = await createCoalition();
    const email = `${unique("overstap")}@test.example`;
    const token = await invite(teamA, facilitator, email);
    const base = { name: "Iemand", password: NEW_PASSWORD, confirm: NEW_PASSWORD, perspective: "resident" };

    const wrongOrganisation = await accept(token, { ...base, organisationId: teamB.organisationId });
    expect(wrongOrganisation.status).toBe(400);
    expect(JSON.stringify(await wrongOrganisation.json())).toContain("invite.organisationUnknown");
    expect(await personsWith(email)).toHaveLength(0);
    expect((await invitationOf(email)).accepted_at).toBeNull();

    // Fields naming another coalition are ignored: the invitation alone says which coalition.
    const response = await accept(token, { ...base, team: teamB.slug, coalitionId: teamB.id, coalition_id: teamB.id });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/teams/${teamA.slug}`);
    const [person] = await personsWith(email);
    const memberships = await db().selectFrom("membership").where("person_id", "=", person.id).select("coalition_id").execute();
    expect(memberships).toEqual([{ coalition_id: teamA.id }]);
  });

  it("a short, a common or a mismatched password and a missing perspective give field errors and create nothing", async () => {
    const { team, facilitator } = await teamWithFacilitator();
    const email = `${unique("zwak")}@test.example`;
    const token = await invite(team, facilitator, email);
    const cases: [Record<string, string>, string, string][] = [
      [{ password: "kort", confirm: "kort", perspective: "resident" }, "password", "error.passwordShort"],
      [{ password: "password123", confirm: "password123", perspective: "resident" }, "password", "error.passwordCommon"],
      [{ password: NEW_PASSWORD, confirm: `${NEW_PASSWORD}!`, perspective: "resident" }, "confirm", "error.passwordMismatch"],
      [{ password: NEW_PASSWORD, confirm: NEW_PASSWORD }, "perspective", "error.choose"],
      [{ password: NEW_PASSWORD, confirm: NEW_PASSWORD, perspective: "wethouder" }, "perspective", "error.choose"],
      [{ name: "", password: NEW_PASSWORD, confirm: NEW_PASSWORD, perspective: "resident" }, "name", "error.required"],
    ];
    for (const [form, field, message] of cases) {
      const response = await accept(token, { name: "Zwak Wachtwoord", ...form });
      expect(response.status).toBe(400);
      expect(sessionCookieOf(response)).toBeNull();
      const body = await response.json();
      expect(body.result.error[field]).toContain(message);
      // the passwords are never sent back to the browser
      expect(body.result.initialValue?.password).toBeUndefined();
    }
    expect(await personsWith(email)).toHaveLength(0);
    expect((await invitationOf(email)).accepted_at).toBeNull();
  });

  it("someone who already has an account accepts with that account's password; a wrong password is refused", async () => {
    const { team, facilitator } = await teamWithFacilitator();
    const elsewhere = await createCoalition();
    const existing = await createPerson({ team: elsewhere, name: "Bestaande Deelnemer" });
    const token = await invite(team, facilitator, existing.email.toUpperCase(), "member");

    const page = await openPage(token);
    expect((await page.json()).invitation).toMatchObject({ existingAccount: true, email: existing.email });

    const wrong = await accept(token, { password: "niet-mijn-wachtwoord", perspective: "resident" });
    expect(wrong.status).toBe(400);
    expect(sessionCookieOf(wrong)).toBeNull();
    expect((await wrong.json()).result.error.password).toContain("invite.existing.wrongPassword");
    expect(await db().selectFrom("membership").where("person_id", "=", existing.id).select("coalition_id").execute()).toEqual([
      { coalition_id: elsewhere.id },
    ]);

    const response = await accept(token, { password: PASSWORD, perspective: "professional", organisationId: team.organisationId });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/teams/${team.slug}`);
    const user = await getUser(browserRequest("/", { cookie: sessionCookieOf(response)! }));
    expect(user?.id).toBe(existing.id);
    expect(user?.name).toBe("Bestaande Deelnemer");
    expect(user?.memberships.map((m) => m.coalitionId).sort()).toEqual([team.id, elsewhere.id].sort());
    expect((await authenticate(existing.email, PASSWORD, "10.50.2.2")).ok).toBe(true);
    expect(await personsWith(existing.email)).toHaveLength(1);
  });

  it("a funder invitation creates a funder account that lands on /programme", async () => {
    const admin = await createPerson({ accountRole: "admin" });
    const email = `${unique("fonds")}@test.example`;
    await createInvitation({ email, target: { kind: "funder" }, invitedBy: admin.id }, browserRequest("/admin"));
    const token = linkIn((await lastMailTo(email))!.body_text, "/invite/").slice("/invite/".length);
    expect((await (await openPage(token)).json()).invitation).toMatchObject({ kind: "funder", role: null });

    const response = await accept(token, { name: "Programma Medewerker", password: NEW_PASSWORD, confirm: NEW_PASSWORD });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/programme");
    const user = await getUser(browserRequest("/", { cookie: sessionCookieOf(response)! }));
    expect(user).toMatchObject({ accountRole: "funder", memberships: [] });
  });

  it("a team invitation sent to an administrator's address cannot make the administrator a member", async () => {
    const { team, facilitator } = await teamWithFacilitator();
    const admin = await createPerson({ accountRole: "admin" });

    // The members page refuses to send it ...
    const refused = await callRoute(membersRoute.action, {
      request: browserRequest(`/teams/${team.slug}/members`, {
        cookie: await sessionFor(facilitator),
        form: { intent: "invite", email: admin.email, role: "member" },
      }),
      params: { team: team.slug },
    });
    expect(refused.status).toBe(400);
    expect((await refused.json()).result.error.email).toContain("members.invite.cannotJoin");
    expect(await lastMailTo(admin.email)).toBeUndefined();

    // ... and an invitation made some other way cannot be accepted.
    await createInvitation(
      { email: admin.email, target: { kind: "team", coalitionId: team.id, role: "member" }, invitedBy: facilitator.id },
      browserRequest("/"),
    );
    const token = linkIn((await lastMailTo(admin.email))!.body_text, "/invite/").slice("/invite/".length);
    expect((await (await openPage(token)).json()).invitation.blocked).toBe(true);
    const response = await accept(token, { password: PASSWORD, perspective: "resident" });
    expect(response.status).toBe(400);
    expect(sessionCookieOf(response)).toBeNull();
    expect(await db().selectFrom("membership").where("person_id", "=", admin.id).selectAll().execute()).toEqual([]);
  });
});
