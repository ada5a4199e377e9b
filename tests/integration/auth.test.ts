import { describe, expect, it } from "vitest";
import { db } from "../../db/db.server";
import { getUser } from "../../app/auth/permissions.server";
import { authenticate, MAX_FAILURES_PER_ADDRESS } from "../../app/domain/accounts/accounts.server";
import * as loginRoute from "../../app/routes/login";
import * as logoutRoute from "../../app/routes/logout";
import * as settingsRoute from "../../app/routes/settings";
import * as forgotRoute from "../../app/routes/forgot-password";
import * as resetRoute from "../../app/routes/reset-password.$token";
import { browserRequest, callRoute, createPerson, lastMailTo, linkIn, PASSWORD, sessionFor, unique } from "../fixtures";

function cookieOf(response: Response): string {
  const header = response.headers.get("Set-Cookie") ?? "";
  const match = header.match(/ln_session=[^;]*/);
  if (!match) throw new Error(`no session cookie in ${header}`);
  return match[0];
}

async function login(email: string, password: string, cookie?: string, address = "10.0.0.1") {
  return callRoute(loginRoute.action, {
    request: browserRequest("/login", { cookie, form: { email, password, redirectTo: "/" } }),
    context: { clientAddress: address },
  });
}

describe("logging in", () => {
  it("with the wrong password is refused with a message and no session", async () => {
    const person = await createPerson();
    const response = await login(person.email, "niet-het-wachtwoord");
    expect(response.status).toBe(400);
    expect(response.headers.get("Set-Cookie")).toBeNull();
    expect(JSON.stringify(await response.json())).toContain("login.invalid");
  });

  it("with the right password starts a server-side session and sends the person home", async () => {
    const person = await createPerson();
    const response = await login(person.email.toUpperCase(), PASSWORD);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/");
    expect(response.headers.get("Set-Cookie")).toMatch(/HttpOnly/);
    expect(response.headers.get("Set-Cookie")).toMatch(/SameSite=Lax/);
    const user = await getUser(browserRequest("/", { cookie: cookieOf(response) }));
    expect(user?.id).toBe(person.id);
  });

  it("never redirects to another site after login", async () => {
    const person = await createPerson();
    const response = await callRoute(loginRoute.action, {
      request: browserRequest("/login", { form: { email: person.email, password: PASSWORD, redirectTo: "//evil.example" } }),
      context: { clientAddress: "10.0.0.2" },
    });
    expect(response.headers.get("Location")).toBe("/");
  });

  it("rotates the session id: a cookie planted before login is worthless afterwards", async () => {
    const person = await createPerson();
    const planted = await sessionFor(person);
    const response = await login(person.email, PASSWORD, planted);
    const fresh = cookieOf(response);
    expect(fresh).not.toBe(planted);
    expect(await getUser(browserRequest("/", { cookie: planted }))).toBeNull();
    expect((await getUser(browserRequest("/", { cookie: fresh })))?.id).toBe(person.id);
  });

  it("is locked for 15 minutes after 10 failures on one account, even with the right password", async () => {
    // The numbers the product promises, written out here on purpose: a loop up to the code's own constant
    // would pass whatever that constant became.
    const person = await createPerson();
    for (let i = 0; i < 9; i++) {
      expect(await authenticate(person.email, "fout-fout-fout", `10.1.0.${i}`)).toEqual({ ok: false, reason: "invalid" });
    }
    // After nine failures the tenth try is still weighed (and fails on its password) ...
    expect(await authenticate(person.email, "fout-fout-fout", "10.1.0.9")).toEqual({ ok: false, reason: "invalid" });
    // ... after ten, even the right password is refused.
    const response = await login(person.email, PASSWORD, undefined, "10.1.1.1");
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain("login.throttled");
    // Fourteen minutes later the account is still locked; after fifteen the lock lifts.
    const failedAgo = (minutes: number) =>
      db().updateTable("login_attempt").set({ at: new Date(Date.now() - minutes * 60_000) }).where("email", "=", person.email).execute();
    await failedAgo(14);
    expect(await authenticate(person.email, PASSWORD, "10.1.1.1")).toEqual({ ok: false, reason: "throttled" });
    await failedAgo(16);
    expect((await authenticate(person.email, PASSWORD, "10.1.1.1")).ok).toBe(true);
  });

  it("is throttled per address when one address tries many accounts", async () => {
    const address = `10.2.${Math.floor(Math.random() * 250)}.9`;
    await db()
      .insertInto("login_attempt")
      .values(Array.from({ length: MAX_FAILURES_PER_ADDRESS }, () => ({ email: `${unique("geraden")}@test.example`, address, succeeded: false })))
      .execute();
    const person = await createPerson();
    expect(await authenticate(person.email, PASSWORD, address)).toEqual({ ok: false, reason: "throttled" });
    expect((await authenticate(person.email, PASSWORD, "10.2.255.1")).ok).toBe(true);
  });

  it("records failed and successful logins in the audit log", async () => {
    const person = await createPerson();
    await authenticate(person.email, "fout-fout-fout", "10.3.0.1");
    await authenticate(person.email, PASSWORD, "10.3.0.1");
    const kinds = await db().selectFrom("audit_event").where("subject_id", "=", person.id).select("kind").orderBy("id").execute();
    expect(kinds.map((k) => k.kind)).toEqual(["login_failed", "login"]);
  });

  it("is refused for a deactivated account", async () => {
    const person = await createPerson();
    await db().updateTable("person").set({ deactivated_at: new Date() }).where("id", "=", person.id).execute();
    expect((await authenticate(person.email, PASSWORD, "10.4.0.1")).ok).toBe(false);
  });
});

describe("logging out", () => {
  it("ends the session on the server, not just in the browser", async () => {
    const person = await createPerson();
    const cookie = await sessionFor(person);
    const response = await callRoute(logoutRoute.action, { request: browserRequest("/logout", { cookie, form: {} }) });
    expect(response.headers.get("Location")).toBe("/login");
    expect(await getUser(browserRequest("/", { cookie }))).toBeNull();
  });

  it("everywhere ends every session of that person and nobody else's", async () => {
    const person = await createPerson();
    const other = await createPerson();
    const laptop = await sessionFor(person);
    const phone = await sessionFor(person);
    const othersCookie = await sessionFor(other);
    await callRoute(settingsRoute.action, {
      request: browserRequest("/settings", { cookie: laptop, form: { intent: "logout-everywhere" } }),
    });
    expect(await getUser(browserRequest("/", { cookie: laptop }))).toBeNull();
    expect(await getUser(browserRequest("/", { cookie: phone }))).toBeNull();
    expect((await getUser(browserRequest("/", { cookie: othersCookie })))?.id).toBe(other.id);
  });
});

describe("settings", () => {
  it("change name and language; bad input saves nothing", async () => {
    const person = await createPerson({ name: "Oude Naam" });
    const cookie = await sessionFor(person);
    const bad = await callRoute(settingsRoute.action, {
      request: browserRequest("/settings", { cookie, form: { intent: "profile", name: "", language: "fr" } }),
    });
    expect(bad.status).toBe(400);
    const errors = JSON.stringify(await bad.json());
    expect(errors).toContain("error.required");
    expect(errors).toContain("error.choose");
    expect((await db().selectFrom("person").where("id", "=", person.id).select("name").executeTakeFirst())?.name).toBe("Oude Naam");

    await callRoute(settingsRoute.action, {
      request: browserRequest("/settings", { cookie, form: { intent: "profile", name: "Nieuwe Naam", language: "en" } }),
    });
    const user = await getUser(browserRequest("/", { cookie }));
    expect(user).toMatchObject({ name: "Nieuwe Naam", language: "en" });
  });

  it("change the password only with the current one, and end the other sessions", async () => {
    const person = await createPerson();
    const here = await sessionFor(person);
    const elsewhere = await sessionFor(person);
    const wrong = await callRoute(settingsRoute.action, {
      request: browserRequest("/settings", {
        cookie: here,
        form: { intent: "password", current: "raden-maar-raak", password: "een nieuw wachtwoord", confirm: "een nieuw wachtwoord" },
      }),
    });
    expect(JSON.stringify(await wrong.json())).toContain("error.passwordWrong");
    expect((await authenticate(person.email, PASSWORD, "10.5.0.1")).ok).toBe(true);

    const common = await callRoute(settingsRoute.action, {
      request: browserRequest("/settings", {
        cookie: here,
        form: { intent: "password", current: PASSWORD, password: "1234567890", confirm: "1234567890" },
      }),
    });
    expect(JSON.stringify(await common.json())).toContain("error.passwordCommon");

    const ok = await callRoute(settingsRoute.action, {
      request: browserRequest("/settings", {
        cookie: here,
        form: { intent: "password", current: PASSWORD, password: "een nieuw wachtwoord", confirm: "een nieuw wachtwoord" },
      }),
    });
    expect(ok.status).toBe(302);
    expect((await getUser(browserRequest("/", { cookie: here })))?.id).toBe(person.id);
    expect(await getUser(browserRequest("/", { cookie: elsewhere }))).toBeNull();
    expect((await authenticate(person.email, "een nieuw wachtwoord", "10.5.0.2")).ok).toBe(true);
  });

  it("are only for a signed-in person", async () => {
    const response = await callRoute(settingsRoute.loader, { request: browserRequest("/settings") });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/login?redirectTo=%2Fsettings");
  });
});

describe("forgotten password", () => {
  async function requestReset(email: string) {
    return callRoute(forgotRoute.action, { request: browserRequest("/forgot-password", { form: { email } }) });
  }

  it("sends a one-time link valid for an hour that sets a new password and ends all sessions", async () => {
    const person = await createPerson();
    const session = await sessionFor(person);
    await requestReset(person.email);
    const mail = await lastMailTo(person.email);
    const path = linkIn(mail!.body_text, "/reset-password/");
    const token = path.split("/").pop()!;

    const page = await callRoute(resetRoute.loader, { request: browserRequest(path), params: { token } });
    expect(await page.json()).toEqual({ valid: true });

    const mismatch = await callRoute(resetRoute.action, {
      request: browserRequest(path, { form: { password: "nieuw wachtwoord 1", confirm: "nieuw wachtwoord 2" } }),
      params: { token },
    });
    expect(JSON.stringify(await mismatch.json())).toContain("error.passwordMismatch");

    const done = await callRoute(resetRoute.action, {
      request: browserRequest(path, { form: { password: "nieuw wachtwoord 1", confirm: "nieuw wachtwoord 1" } }),
      params: { token },
    });
    expect(done.headers.get("Location")).toBe("/login");
    expect(await getUser(browserRequest("/", { cookie: session }))).toBeNull();
    expect((await authenticate(person.email, "nieuw wachtwoord 1", "10.6.0.1")).ok).toBe(true);

    const again = await callRoute(resetRoute.action, {
      request: browserRequest(path, { form: { password: "nog een wachtwoord", confirm: "nog een wachtwoord" } }),
      params: { token },
    });
    expect(JSON.stringify(await again.json())).toContain("reset.invalid");
    expect((await authenticate(person.email, "nog een wachtwoord", "10.6.0.2")).ok).toBe(false);
  });

  it("links stop working after an hour", async () => {
    const person = await createPerson();
    await requestReset(person.email);
    const token = linkIn((await lastMailTo(person.email))!.body_text, "/reset-password/").split("/").pop()!;
    await db().updateTable("password_reset").set({ expires_at: new Date(Date.now() - 1000) }).where("person_id", "=", person.id).execute();
    const page = await callRoute(resetRoute.loader, { request: browserRequest("/"), params: { token } });
    expect(await page.json()).toEqual({ valid: false });
  });

  it("does not reveal whether an address has an account", async () => {
    const unknown = await requestReset("niemand@test.example");
    const person = await createPerson();
    const known = await requestReset(person.email);
    expect(await unknown.json()).toEqual(await known.json());
    expect(await lastMailTo("niemand@test.example")).toBeUndefined();
  });
});
