import { parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { answerByToken, answerPage } from "~/domain/sessions/poll/poll-reminder.server";
import { voteSchema } from "~/domain/sessions/session-form";
import { formatTimeSpan } from "~/i18n/dates";
import { SubmitButton } from "~/ui/Button";
import { FormErrors } from "~/ui/Field";
import { useLocale, useT } from "~/ui/i18n";
import { SlotChoices } from "~/ui/sessions/Poll";

// The personal link in a poll reminder: answer without signing in. Mail scanners open links, so opening it
// changes nothing; the page shows the times with one button, and only that POST records the answers.

export const meta: MetaFunction = () => [{ title: "Wanneer kunt u? · Leernetwerk" }, { name: "robots", content: "noindex" }];

export async function loader({ params }: LoaderFunctionArgs) {
  const page = await answerPage(params.token);
  return json({
    title: page.title,
    name: page.name,
    open: page.open,
    slots: page.slots.map((slot) => ({ id: slot.id, startsAt: slot.startsAt, endsAt: slot.endsAt, answer: slot.answer })),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: voteSchema });
  if (submission.status !== "success") return json({ saved: false, errors: ["poll.noAnswers"] }, { status: 400 });
  const outcome = await answerByToken(params.token, submission.value.answers);
  return outcome.ok ? json({ saved: true, errors: [] }) : json({ saved: false, errors: [outcome.message] }, { status: 400 });
}

export default function AnswerPoll() {
  const t = useT();
  const locale = useLocale();
  const page = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  return (
    <section className="page-narrow">
      <h1>{t("poll.answerPage.title", { title: page.title })}</h1>
      {reply?.saved ? <p role="status">{t("poll.answerPage.saved")}</p> : null}
      {page.open ? (
        <Form method="post" className="stack">
          <p>{t("poll.answerPage.intro", { name: page.name })}</p>
          <FormErrors errors={reply?.errors} />
          <ol className="poll-cards">
            {page.slots.map((slot) => (
              <li key={slot.id} className="poll-card">
                <fieldset className="poll-choice">
                  <legend>
                    <span className="visually-hidden">{t("poll.yourAnswerFor")} </span>
                    <span className="poll-when">{formatTimeSpan(slot.startsAt, slot.endsAt, locale)}</span>
                  </legend>
                  <SlotChoices slotId={slot.id} mine={slot.answer} />
                </fieldset>
              </li>
            ))}
          </ol>
          <div className="actions">
            <SubmitButton>{t("poll.submit")}</SubmitButton>
          </div>
        </Form>
      ) : (
        <p>{t("poll.answerPage.closed")}</p>
      )}
    </section>
  );
}
