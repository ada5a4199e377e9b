import { z } from "zod";
import { todayInAmsterdam } from "../../i18n/dates";
import { isoDayField } from "../form-fields";

// The period of the programme digest (/programme/digest?from=&to=): two calendar days in Europe/Amsterdam,
// both included. Apart from digest.server.ts so that the page can name the fields without the database.

/** A digest covers at most a (leap) year, so that one page stays printable and one query stays small. */
export const MAX_PERIOD_DAYS = 366;

export type DigestPeriod = { from: string; to: string };
export type DigestFieldErrors = { from?: string[]; to?: string[] };
export type DigestPeriodInput =
  | { valid: true; period: DigestPeriod }
  | { valid: false; values: { from: string; to: string }; errors: DigestFieldErrors };

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;
const bothDays = z.object({ from: isoDayField, to: isoDayField });

export const digestPeriodSchema = bothDays
  .refine((value) => value.from <= value.to, {
    path: ["to"],
    message: "digest.error.order",
    when: (payload) => bothDays.safeParse(payload.value).success,
  })
  .refine((value) => dayNumber(value.to) - dayNumber(value.from) + 1 <= MAX_PERIOD_DAYS, {
    path: ["to"],
    message: "digest.error.tooLong",
    when: (payload) => bothDays.safeParse(payload.value).success,
  });

/** The previous full calendar month, seen from today in Amsterdam: the period a monthly report covers. */
export function previousMonth(today = todayInAmsterdam()): DigestPeriod {
  const [year, month] = today.split("-").map(Number);
  const first = new Date(Date.UTC(year, month - 2, 1));
  const last = new Date(Date.UTC(year, month - 1, 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}

/** The period asked for in the address bar; with neither day given, the previous month. */
export function parseDigestPeriod(params: URLSearchParams, today = todayInAmsterdam()): DigestPeriodInput {
  if (!params.has("from") && !params.has("to")) return { valid: true, period: previousMonth(today) };
  const values = { from: (params.get("from") ?? "").slice(0, 40), to: (params.get("to") ?? "").slice(0, 40) };
  const result = digestPeriodSchema.safeParse({ from: values.from || undefined, to: values.to || undefined });
  if (result.success) return { valid: true, period: result.data };
  const errors: DigestFieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    if (field !== "from" && field !== "to") continue;
    // A missing day says "fill this in" rather than "not a valid date".
    const message = values[field] === "" ? "error.required" : issue.message;
    errors[field] = [...new Set([...(errors[field] ?? []), message])];
  }
  return { valid: false, values, errors };
}
