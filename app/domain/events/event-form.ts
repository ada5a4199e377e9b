import { parseWithZod } from "@conform-to/zod/v4";
import { z } from "zod";
import { amsterdamDayAndTime, amsterdamTimeToUtc } from "../../i18n/dates";
import type { MessageKey } from "../../i18n/i18n";
import { withRichTextFromTextarea } from "../../richtext/form-data";
import { checkRichText, parseRichTextJson, richTextField, type RichTextState } from "../../richtext/schema";
import { isoDayField } from "../form-fields";

// The schemas of organising a network event (issue 7): the event form and "Wat we presenteerden".
// Only loaders and actions import this module, so zod stays out of the browser bundle.

export const MAX_EVENT_QUESTIONS = 5;
export const MAX_CAPACITY = 10_000;
/** Blank programme rows the form offers, so that it works without JavaScript. */
const BLANK_PROGRAMME_ROWS = 8;
const MAX_PROGRAMME_ROWS = 40;
const clockTime = /^([01]\d|2[0-3]):[0-5]\d$/;

// The message names the limit ("Hoogstens 200 tekens."): the dictionaries hold one per length used here.
const tooLong = (max: 200 | 300) => `error.tooLong.${max}` as const;
const text = (max: 200 | 300) => z.string().trim().max(max, tooLong(max)).optional();
const required = (max: 200 | 300) => z.string({ error: "error.required" }).trim().min(1, "error.required").max(max, tooLong(max));

const programmeRow = z.object({ time: z.string().trim().optional(), title: text(200) });
type ProgrammeRow = z.infer<typeof programmeRow>;
const isBlankRow = (row: ProgrammeRow | undefined) => !row?.time && !row?.title;

/** The fields on the clock in Europe/Amsterdam, checked together: each problem is reported on its own field. */
type ClockFields = {
  day?: string;
  start?: string;
  end?: string;
  deadlineDay?: string;
  deadlineTime?: string;
  programme?: (ProgrammeRow | undefined)[];
};
export type EventSchedule = {
  startsAt: Date;
  endsAt: Date;
  registrationDeadline: Date;
  programme: { startsAt: Date; title: string }[];
};
type Issue = { path: (string | number)[]; message: MessageKey };

export function checkSchedule(value: ClockFields): { schedule: EventSchedule | null; issues: Issue[] } {
  const issues: Issue[] = [];
  const problem = (path: (string | number)[], message: MessageKey) => issues.push({ path, message });
  const dayOk = (name: "day" | "deadlineDay") => {
    const day = value[name];
    if (!day) problem([name], "error.required");
    else if (!isoDayField.safeParse(day).success) problem([name], "error.date");
    else return day;
    return null;
  };
  const timeOk = (name: "start" | "end" | "deadlineTime") => {
    const time = value[name];
    if (!time) problem([name], "error.required");
    else if (!clockTime.test(time)) problem([name], "session.error.time");
    else return time;
    return null;
  };
  const at = (day: string | null, time: string | null, path: (string | number)[]) => {
    if (!day || !time) return null;
    const instant = amsterdamTimeToUtc(day, time);
    if (!instant) problem(path, "session.error.skippedHour");
    return instant;
  };

  const day = dayOk("day");
  const startsAt = at(day, timeOk("start"), ["start"]);
  const endsAt = at(day, timeOk("end"), ["end"]);
  if (startsAt && endsAt && endsAt <= startsAt) problem(["end"], "session.error.endBeforeStart");
  const registrationDeadline = at(dayOk("deadlineDay"), timeOk("deadlineTime"), ["deadlineTime"]);
  if (registrationDeadline && startsAt && registrationDeadline >= startsAt) problem(["deadlineDay"], "event.error.deadlineAfterStart");

  const programme: EventSchedule["programme"] = [];
  const rows = value.programme ?? [];
  rows.forEach((row, index) => {
    if (!row || isBlankRow(row)) return;
    if (!row.title) problem(["programme", index, "title"], "error.required");
    if (!row.time) return problem(["programme", index, "time"], "error.required");
    if (!clockTime.test(row.time)) return problem(["programme", index, "time"], "session.error.time");
    const itemAt = at(day, row.time, ["programme", index, "time"]);
    if (!itemAt || !startsAt || !endsAt) return;
    if (itemAt < startsAt || itemAt > endsAt) return problem(["programme", index, "time"], "event.error.programmeOutside");
    if (row.title) programme.push({ startsAt: itemAt, title: row.title });
  });
  if (!rows.some((row) => !isBlankRow(row))) problem(["programme"], "event.error.programmeEmpty");

  if (issues.length || !startsAt || !endsAt || !registrationDeadline) return { schedule: null, issues };
  programme.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  return { schedule: { startsAt, endsAt, registrationDeadline, programme }, issues };
}

/** Creating and editing an event: one schema, one form. */
export const eventSchema = z
  .object({
    title: required(200),
    description: richTextField({ required: true }),
    place: required(200),
    address: required(300),
    day: z.string().trim().optional(),
    start: z.string().trim().optional(),
    end: z.string().trim().optional(),
    programme: z.array(programmeRow.optional()).max(MAX_PROGRAMME_ROWS, "error.tooLong").default([]),
    capacity: z
      .number({ error: "event.error.capacity" })
      .int("event.error.capacity")
      .min(1, "event.error.capacity")
      .max(MAX_CAPACITY, "event.error.capacity"),
    deadlineDay: z.string().trim().optional(),
    deadlineTime: z.string().trim().optional(),
    // Built-in: name, e-mail and organisation. These are the extra yes/no questions; blank rows are skipped.
    questions: z
      .array(text(200))
      .max(MAX_EVENT_QUESTIONS, "event.error.tooManyQuestions")
      .default([])
      .transform((labels) => labels.filter((label): label is string => Boolean(label))),
    asksDietary: z.boolean().default(false),
    audience: z.enum(["public", "network"], { error: "error.choose" }),
  })
  // Checked even when other fields are wrong, so that every message shows at once.
  .superRefine(
    (value, ctx) => {
      for (const issue of checkSchedule(value).issues) ctx.addIssue({ code: "custom", ...issue });
    },
    { when: () => true },
  )
  .transform(({ day, start, end, deadlineDay, deadlineTime, programme, ...rest }) => ({
    ...rest,
    ...checkSchedule({ day, start, end, deadlineDay, deadlineTime, programme }).schedule!,
  }));

export type EventInput = z.output<typeof eventSchema>;

/** A rich-text field as submitted, to give back to the form whatever else was wrong: nothing typed is lost. */
function submittedRichText(formData: FormData, name: string): RichTextState | null {
  const submitted = parseRichTextJson(String(formData.get(name) ?? ""));
  return submitted.ok ? submitted.value : null;
}

/** The event form as posted, with or without JavaScript; `stored` is the description being edited, if any. */
export function parseEventForm(formData: FormData, stored?: unknown) {
  const previous = stored === undefined ? null : checkRichText(stored);
  withRichTextFromTextarea(formData, "description", previous?.ok ? previous.value : null);
  return {
    submission: parseWithZod(formData, { schema: eventSchema }),
    description: submittedRichText(formData, "description"),
    version: Number(formData.get("version")),
  };
}

/** "Wat we presenteerden": lessons and reflections shared with the network, and a short report. */
const rowIds = z
  .array(z.string())
  .max(200, "error.tooLong.200")
  .default([])
  // Reported on the whole choice, next to its checkboxes.
  .refine((ids) => ids.every((id) => z.uuid().safeParse(id).success), "event.error.presented");

export const presentedSchema = z.object({
  lessons: rowIds,
  reflections: rowIds,
  report: richTextField(),
});

export type PresentedInput = z.output<typeof presentedSchema>;

export function parsePresentedForm(formData: FormData, stored: unknown) {
  const previous = stored == null ? null : checkRichText(stored);
  withRichTextFromTextarea(formData, "report", previous?.ok ? previous.value : null);
  return { submission: parseWithZod(formData, { schema: presentedSchema }), report: submittedRichText(formData, "report") };
}

export type EventFormDefaults = {
  title: string;
  /** The rich text travels apart from the defaults (see RichTextField); named here for the form's types. */
  description?: string;
  place: string;
  address: string;
  day: string;
  start: string;
  end: string;
  programme: { time: string; title: string }[];
  capacity: string;
  deadlineDay: string;
  deadlineTime: string;
  questions: string[];
  asksDietary: boolean;
  audience: string;
};

type StoredEvent = {
  title: string;
  place: string;
  address: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  registrationDeadline: Date;
  audience: string;
  asksDietary: boolean;
  programme: { startsAt: Date; title: string }[];
  questions: { label: string }[];
};

/** What the form starts from: the stored event (or nothing), with blank rows to add programme items and questions. */
export function eventFormDefaults(event?: StoredEvent): EventFormDefaults {
  const programme = (event?.programme ?? []).map((item) => ({ time: amsterdamDayAndTime(item.startsAt).time, title: item.title }));
  const blankRows = Math.max(BLANK_PROGRAMME_ROWS - programme.length, 3);
  const questions = (event?.questions ?? []).map((question) => question.label);
  const start = event ? amsterdamDayAndTime(event.startsAt) : { day: "", time: "" };
  const deadline = event ? amsterdamDayAndTime(event.registrationDeadline) : { day: "", time: "" };
  return {
    title: event?.title ?? "",
    place: event?.place ?? "",
    address: event?.address ?? "",
    day: start.day,
    start: start.time,
    end: event ? amsterdamDayAndTime(event.endsAt).time : "",
    programme: [...programme, ...Array.from({ length: blankRows }, () => ({ time: "", title: "" }))],
    capacity: event ? String(event.capacity) : "",
    deadlineDay: deadline.day,
    deadlineTime: deadline.time,
    questions: [...questions, ...Array.from({ length: MAX_EVENT_QUESTIONS - questions.length }, () => "")],
    asksDietary: event?.asksDietary ?? false,
    audience: event?.audience ?? "",
  };
}
