import { createCookie } from "@remix-run/node";
import { isMessageKey } from "../i18n/dictionaries.server";
import type { MessageKey } from "../i18n/i18n";

// A one-time confirmation shown on the next page ("Opgeslagen."), carried as a message key.
const flashCookie = createCookie("ln_flash", { httpOnly: true, sameSite: "lax", path: "/", maxAge: 60 });

export function setFlash(key: MessageKey): Promise<string> {
  return flashCookie.serialize(key);
}

export async function takeFlash(request: Request): Promise<{ message: MessageKey | null; setCookie?: string }> {
  const value: unknown = await flashCookie.parse(request.headers.get("Cookie"));
  if (typeof value !== "string" || !isMessageKey(value)) return { message: null };
  return { message: value, setCookie: await flashCookie.serialize("", { maxAge: 0 }) };
}
