import { sql } from "kysely";
import { db } from "../../../db/db.server";
import type { Language } from "../../../db/schema";
import { endAllSessions } from "../../auth/session.server";
import { hashPassword, verifyPassword } from "../../auth/password.server";
import { hashToken, newToken } from "../../auth/tokens.server";
import { recordAudit } from "../audit/audit.server";
import { publicUrl, sendEmail } from "../mail/email.server";
import { translator } from "../../i18n/dictionaries.server";
import type { Locale } from "../../i18n/i18n";

export const THROTTLE_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 10;
export const MAX_FAILURES_PER_ADDRESS = 50;
const RESET_VALID_MS = 60 * 60 * 1000;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export type LoginResult =
  | { ok: true; personId: string }
  | { ok: false; reason: "invalid" | "throttled" };

// A fixed hash to compare against when the account does not exist, so timing does not tell.
const decoyHash = hashPassword("decoy-password-for-timing");

/** Checks a login, throttled per account and per address (DESIGN.md §8); records the attempt. */
export async function authenticate(emailInput: string, password: string, address: string): Promise<LoginResult> {
  const email = normaliseEmail(emailInput);
  const since = sql<Date>`now() - make_interval(mins => ${THROTTLE_WINDOW_MINUTES})`;
  const failures = await db()
    .selectFrom("login_attempt")
    .where("succeeded", "=", false)
    .where("at", ">", since)
    .select([
      sql<number>`count(*) filter (where email = ${email})`.as("account"),
      sql<number>`count(*) filter (where address = ${address})`.as("address"),
    ])
    .executeTakeFirstOrThrow();
  if (Number(failures.account) >= MAX_FAILURES_PER_ACCOUNT || Number(failures.address) >= MAX_FAILURES_PER_ADDRESS) {
    return { ok: false, reason: "throttled" };
  }

  const person = await db()
    .selectFrom("person")
    .where("email", "=", email)
    .select(["id", "password_hash", "deactivated_at"])
    .executeTakeFirst();
  const matches = await verifyPassword(password, person?.password_hash ?? (await decoyHash));
  const ok = Boolean(person && matches && !person.deactivated_at);
  await db().insertInto("login_attempt").values({ email, address, succeeded: ok }).execute();
  // The facilitator's "not logged in for 6 months" and the retention period read this.
  if (ok) await db().updateTable("person").set({ last_login_at: sql<Date>`now()` }).where("id", "=", person!.id).execute();
  // No typed e-mail address in the log: it may be a mistyped password, and the account (if any) is the subject.
  await recordAudit({
    kind: ok ? "login" : "login_failed",
    actorId: ok ? person!.id : null,
    subjectId: person?.id ?? null,
    address,
  });
  return ok ? { ok: true, personId: person!.id } : { ok: false, reason: "invalid" };
}

/** Where `/` sends a person (DESIGN.md §5). */
export function homePath(user: { accountRole: string; memberships: { slug: string }[] }): string {
  if (user.accountRole === "funder") return "/programme";
  if (user.memberships.length === 1) return `/teams/${user.memberships[0].slug}`;
  return "/teams";
}

/** Sends a one-time reset link valid for an hour. Says nothing about whether the address exists. */
export async function requestPasswordReset(emailInput: string, request: Request): Promise<void> {
  const person = await db()
    .selectFrom("person")
    .where("email", "=", normaliseEmail(emailInput))
    .where("deactivated_at", "is", null)
    .select(["id", "email", "language", "name"])
    .executeTakeFirst();
  if (!person) return;
  const { token, hash } = newToken();
  await db()
    .insertInto("password_reset")
    .values({ token_hash: hash, person_id: person.id, expires_at: new Date(Date.now() + RESET_VALID_MS) })
    .execute();
  const t = translator(person.language);
  await sendEmail({
    to: person.email,
    subject: t("mail.reset.subject"),
    text: t("mail.reset.body", { name: person.name, link: `${publicUrl(request)}/reset-password/${token}` }),
  });
  await recordAudit({ kind: "password_reset_requested", subjectId: person.id });
}

/** The person a reset link belongs to, if it is unused and less than an hour old. */
export async function findPasswordReset(token: string) {
  return db()
    .selectFrom("password_reset")
    .innerJoin("person", "person.id", "password_reset.person_id")
    .where("password_reset.token_hash", "=", hashToken(token))
    .where("password_reset.used_at", "is", null)
    .where("password_reset.expires_at", ">", sql<Date>`now()`)
    .where("person.deactivated_at", "is", null)
    .select(["password_reset.id", "person.id as personId", "person.email"])
    .executeTakeFirst();
}

/** Sets the new password, uses up the link, and ends every session of that person. */
export async function resetPassword(token: string, password: string): Promise<string | null> {
  const reset = await findPasswordReset(token);
  if (!reset) return null;
  const passwordHash = await hashPassword(password);
  const used = await db()
    .updateTable("password_reset")
    .set({ used_at: new Date() })
    .where("id", "=", reset.id)
    .where("used_at", "is", null)
    .executeTakeFirst();
  if (Number(used.numUpdatedRows) !== 1) return null;
  await db().updateTable("person").set({ password_hash: passwordHash }).where("id", "=", reset.personId).execute();
  await endAllSessions(reset.personId);
  await recordAudit({ kind: "password_reset", subjectId: reset.personId, actorId: reset.personId });
  return reset.personId;
}

export async function checkPassword(personId: string, password: string): Promise<boolean> {
  const person = await db().selectFrom("person").where("id", "=", personId).select("password_hash").executeTakeFirst();
  return Boolean(person && (await verifyPassword(password, person.password_hash)));
}

/** Changes the password and ends the person's other sessions (a stolen session stops working). */
export async function changePassword(personId: string, password: string, keep: Request): Promise<void> {
  await db().updateTable("person").set({ password_hash: await hashPassword(password) }).where("id", "=", personId).execute();
  await endAllSessions(personId, keep);
  await recordAudit({ kind: "password_changed", actorId: personId, subjectId: personId });
}

export async function updateProfile(personId: string, profile: { name: string; language: Language }): Promise<void> {
  await db().updateTable("person").set(profile).where("id", "=", personId).execute();
}

export function mailLocale(language: string | undefined): Locale {
  return language === "en" ? "en" : "nl";
}
