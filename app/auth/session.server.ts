import { createCookie } from "@remix-run/node";
import { db } from "../../db/db.server";
import { hashToken, newToken } from "./tokens.server";

const SESSION_DAYS = 30;

// The cookie carries only an opaque random id; the session itself is a database row (revocable).
export const sessionCookie = createCookie("ln_session", {
  httpOnly: true,
  sameSite: "lax",
  secure: (process.env.PUBLIC_URL ?? "").startsWith("https://"),
  path: "/",
  maxAge: SESSION_DAYS * 24 * 60 * 60,
  secrets: process.env.SESSION_SECRET ? [process.env.SESSION_SECRET] : undefined,
});

export async function sessionTokenOf(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie.parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

/** Starts a fresh session (a new id, so a session id planted before login is worthless); returns Set-Cookie. */
export async function startSession(personId: string, request: Request): Promise<string> {
  const previous = await sessionTokenOf(request);
  if (previous) await db().deleteFrom("auth_session").where("id_hash", "=", hashToken(previous)).execute();
  const { token, hash } = newToken();
  await db()
    .insertInto("auth_session")
    .values({ id_hash: hash, person_id: personId, expires_at: new Date(Date.now() + SESSION_DAYS * 864e5) })
    .execute();
  return sessionCookie.serialize(token);
}

/** Ends this browser's session; returns the Set-Cookie that clears the cookie. */
export async function endSession(request: Request): Promise<string> {
  const token = await sessionTokenOf(request);
  if (token) await db().deleteFrom("auth_session").where("id_hash", "=", hashToken(token)).execute();
  return sessionCookie.serialize("", { maxAge: 0 });
}

/** Ends every session of a person, except (optionally) the one making the request. */
export async function endAllSessions(personId: string, keep?: Request): Promise<void> {
  const token = keep ? await sessionTokenOf(keep) : null;
  let query = db().deleteFrom("auth_session").where("person_id", "=", personId);
  if (token) query = query.where("id_hash", "!=", hashToken(token));
  await query.execute();
}
