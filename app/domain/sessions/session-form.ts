import { z } from "zod";
import { amsterdamTimeToUtc } from "../../i18n/dates";
import { isoDayField } from "../form-fields";
import { methodBySlug } from "./intervision-methods";
import { MAX_PREPARATION_QUESTION, MAX_SESSION_SLOTS, MIN_SESSION_SLOTS, rsvpAnswers, sessionReminders, slotAnswers } from "../vocabulary";

// The schemas of scheduling an intervision session and of its page (poll, RSVP, case bringer, new time).
// Only actions import this module, so zod stays out of the browser bundle.

const clockTime = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/;

type SpanRow = { date?: string; start?: string; end?: string };
export type TimeSpan = { startsAt: Date; endsAt: Date };

/**
 * Checks a date with a start and an end time, all on the clock in Europe/Amsterdam, and reports each
 * problem on its own field. Returns the span in UTC when it is sound.
 */
function checkSpan(row: SpanRow, ctx: z.RefinementCtx, path: (string | number)[]): TimeSpan | null {
  let sound = true;
  const problem = (field: keyof SpanRow, message: string) => {
    sound = false;
    ctx.addIssue({ code: "custom", path: [...path, field], message });
  };
  if (!row.date) problem("date", "error.required");
  else if (!isoDayField.safeParse(row.date).success) problem("date", "error.date");
  if (!row.start) problem("start", "error.required");
  else if (!clockTime.test(row.start)) problem("start", "session.error.time");
  if (!row.end) problem("end", "error.required");
  else if (!clockTime.test(row.end)) problem("end", "session.error.time");
  if (!sound) return null;
  const startsAt = amsterdamTimeToUtc(row.date!, row.start!);
  const endsAt = amsterdamTimeToUtc(row.date!, row.end!);
  if (!startsAt) problem("start", "session.error.skippedHour");
  if (!endsAt) problem("end", "session.error.skippedHour");
  if (startsAt && endsAt && endsAt <= startsAt) problem("end", "session.error.endBeforeStart");
  return sound ? { startsAt: startsAt!, endsAt: endsAt! } : null;
}

const spanFields = {
  date: z.string().trim().optional(),
  start: z.string().trim().optional(),
  end: z.string().trim().optional(),
};
const isBlank = (row: SpanRow) => !row.date && !row.start && !row.end;

/** Candidate times: the form grows a row at a time (up to 8); blank rows are skipped, the rest must make 2–8 sound times. */
const candidateTimes = z
  .array(z.object(spanFields))
  .max(MAX_SESSION_SLOTS, "session.error.tooManySlots")
  .default([])
  .transform((rows, ctx) => {
    const spans: TimeSpan[] = [];
    const seen = new Set<number>();
    rows.forEach((row, index) => {
      if (isBlank(row)) return;
      const span = checkSpan(row, ctx, [index]);
      if (!span) return;
      const key = span.startsAt.getTime() * 1e6 + (span.endsAt.getTime() - span.startsAt.getTime()) / 60_000;
      if (seen.has(key)) ctx.addIssue({ code: "custom", path: [index, "date"], message: "session.error.duplicateSlot" });
      seen.add(key);
      spans.push(span);
    });
    const filled = rows.filter((row) => !isBlank(row)).length;
    if (filled < MIN_SESSION_SLOTS) ctx.addIssue({ code: "custom", message: "session.error.tooFewSlots" });
    return spans.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  });

/** Only a web address that a browser opens as a page: http or https, with a host. */
function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.length > 0 && /^https?:\/\//i.test(value);
  } catch {
    return false;
  }
}

export const newSessionSchema = z
  .object({
    title: z.string({ error: "error.required" }).trim().min(1, "error.required").max(200, "error.tooLong"),
    method: z.string({ error: "error.choose" }).refine((slug) => methodBySlug(slug) !== undefined, "error.choose"),
    place: z.string().trim().max(200, "error.tooLong").optional(),
    videoUrl: z.string().trim().max(500, "error.tooLong").refine(isWebAddress, "session.error.videoUrl").optional(),
    invitees: z
      .array(z.uuid("session.error.invitees"))
      .default([])
      .refine((ids) => ids.length > 0, "session.error.invitees")
      .refine((ids) => ids.length <= 200, "error.tooLong"),
    slots: candidateTimes,
  })
  // Checked even when other fields are wrong, so that every message shows at once.
  .refine((value) => Boolean(value.place || value.videoUrl), { path: ["place"], message: "session.error.where", when: () => true });

export type NewSessionInput = z.output<typeof newSessionSchema>;

/** The poll: an answer per candidate time, named `answers.<slot id>`; unanswered times are left out. */
export const voteSchema = z.object({
  answers: z.record(z.uuid(), z.enum(slotAnswers, { error: "error.choose" })).default({}),
});

export const confirmSchema = z.object({ slotId: z.uuid("error.choose") });

export const rsvpSchema = z.object({ rsvp: z.enum(rsvpAnswers, { error: "error.choose" }) });

export const volunteerSchema = z.object({ volunteer: z.enum(["yes", "no"], { error: "error.choose" }) });

/** The facilitator's choice of case bringer and of timekeeper, each its own form; empty means nobody yet. */
export const caseBringerSchema = z.object({ caseBringer: z.uuid("error.choose").optional() });
export const timekeeperSchema = z.object({ timekeeper: z.uuid("error.choose").optional() });

/** The facilitator's choice of reminder; the case bringer's question for the others to prepare (empty: none). */
export const reminderSchema = z.object({ reminder: z.enum(sessionReminders, { error: "error.choose" }) });
export const preparationSchema = z.object({ question: z.string().trim().max(MAX_PREPARATION_QUESTION, "error.tooLong").optional() });

export const rescheduleSchema = z.object(spanFields).transform((row, ctx) => checkSpan(row, ctx, []) ?? z.NEVER);

/** The poll's one reminder asks nothing more than the button. */
export const pollReminderSchema = z.object({});

/** Calling a session off asks nothing more than the button. */
export const cancelSchema = z.object({});
