import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect } from "@remix-run/node";
import type { z } from "zod";
import type { MessageKey } from "../i18n/i18n";
import { setFlash } from "./flash.server";

/**
 * One way for a route to answer a posted form, so that every form behaves alike:
 *
 * - it worked: `return redirectWithFlash(path, "x.saved")`. Post/Redirect/Get: the next page shows the
 *   message once (through the flash cookie), and reloading it does not post again.
 * - it did not: `return formErrors(submission, 400, { refusal, ...extra })`. The same page again with each
 *   message on its field (a refusal without a field shows above the form), what was typed kept, nothing
 *   saved. The body is `{ result, ...extra }`: `result` goes to Conform's `useForm({ lastResult })`, and
 *   `extra` says what the page needs beside it (which of several forms answered, a version that conflicts).
 *   A Conform intent that only changes the form (a button adding a row) comes back with status 200 and
 *   without messages, everything typed kept: that is how such buttons work without JavaScript.
 *
 * The domain says yes or no with an Outcome: `{ ok: true }` or a Refusal `{ ok: false, message, field? }`.
 * `answerForm` does the common case in one call: parse with the form's zod schema, let the domain decide,
 * answer either way. A page with several forms passes `{ intent }` as extra, so each form finds its reply.
 */
export type Refusal = { ok: false; message: MessageKey; field?: string };

/** What Conform's parseWithZod returns, as far as answering needs it. */
type Parsed = {
  /** No status: a Conform intent that only changed the form (e.g. a button that adds a row). */
  status?: "success" | "error";
  reply(options?: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }): SubmissionResult<string[]>;
};

export async function redirectWithFlash(path: string, message: MessageKey) {
  return redirect(path, { headers: { "Set-Cookie": await setFlash(message) } });
}

export function formErrors<Extra extends object = Record<never, never>>(
  submission: Parsed,
  status: number,
  { refusal, ...extra }: { refusal?: Refusal } & Extra = {} as Extra,
) {
  const errors = refusal
    ? refusal.field
      ? { fieldErrors: { [refusal.field]: [refusal.message] } }
      : { formErrors: [refusal.message] }
    : undefined;
  const result = submission.reply(errors);
  // A form that only changed shape comes back without messages: nobody tried to save it yet.
  if (submission.status === undefined) return json({ ...(extra as Omit<Extra, "refusal">), result: { ...result, error: undefined } }, { status: 200 });
  return json({ ...(extra as Omit<Extra, "refusal">), result }, { status });
}

export async function answerForm<S extends z.ZodType, Extra extends object>(
  formData: FormData,
  schema: S,
  run: (value: z.output<S>) => Promise<{ ok: true } | Refusal>,
  done: { path: string; message: MessageKey },
  extra: Extra,
) {
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return formErrors(submission, 400, extra);
  const outcome = await run(submission.value as z.output<S>);
  if (!outcome.ok) return formErrors(submission, 400, { ...extra, refusal: outcome });
  return redirectWithFlash(done.path, done.message);
}
