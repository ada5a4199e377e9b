import { getFormProps, useForm } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { slotAnswers } from "../../domain/vocabulary";
import { formatTimeSpan } from "../../i18n/dates";
import { SubmitButton } from "../Button";
import { FieldErrors, FormErrors } from "../Field";
import { useLocale, useT } from "../i18n";
import type { InvitedPage, LastResult } from "./types";

type Slot = InvitedPage["poll"]["slots"][number];

/**
 * The availability poll: one card per candidate time with three large choices (yes, if need be, no) and
 * the tallies beside them, and one save for all times. Plain radio buttons in a plain form, so it works
 * without JavaScript; a closed poll shows the same cards without the choices.
 */
export function Poll({ page, lastResult }: { page: InvitedPage; lastResult: LastResult }) {
  const t = useT();
  const [form] = useForm({ id: "vote", lastResult });
  const { poll } = page;
  const cards = (
    <ol className="poll-cards">
      {poll.slots.map((slot) => (
        <PollCard
          key={slot.id}
          slot={slot}
          mark={slot.id === poll.suggestedSlotId ? "suggested" : !poll.open && slot.startsAt === page.facts.startsAt ? "chosen" : null}
          votes={poll.open}
        />
      ))}
    </ol>
  );
  return (
    <section aria-labelledby="poll-heading" className="poll">
      <h2 id="poll-heading">{t(poll.open ? "poll.title" : "poll.closedTitle")}</h2>
      <p className="field-hint">{poll.open ? t("poll.intro") : t("poll.closedIntro")}</p>
      {poll.open ? (
        <Form method="post" className="stack" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="vote" />
          <FormErrors errors={form.errors} />
          {cards}
          <div className="actions">
            <SubmitButton>{t("poll.submit")}</SubmitButton>
          </div>
        </Form>
      ) : (
        <>
          <FormErrors errors={form.errors} />
          {cards}
        </>
      )}
      {poll.open ? (
        <p className="muted">
          {poll.notAnswered.length > 0
            ? t("poll.notAnswered", { names: poll.notAnswered.map((person) => person.name).join(", ") })
            : t("poll.allAnswered")}
        </p>
      ) : null}
    </section>
  );
}

/** The three large choices for one candidate time, named `answers.<slot id>` (also on /answer/:token). */
export function SlotChoices({ slotId, mine }: { slotId: string; mine: string | null | undefined }) {
  const t = useT();
  return (
    <div className="poll-options">
      {slotAnswers.map((answer) => (
        <label key={answer} className={`poll-option poll-option-${answer}`}>
          <input type="radio" name={`answers.${slotId}`} value={answer} defaultChecked={mine === answer} />
          <span>{t(`poll.answer.${answer}`)}</span>
        </label>
      ))}
    </div>
  );
}

function PollCard({ slot, mark, votes }: { slot: Slot; mark: "suggested" | "chosen" | null; votes: boolean }) {
  const t = useT();
  const locale = useLocale();
  const when = formatTimeSpan(slot.startsAt, slot.endsAt, locale);
  const heading = (
    <>
      <span className="poll-when">{when}</span>
      {mark ? <span className="badge badge-suggested">{t(`poll.${mark}`)}</span> : null}
    </>
  );
  return (
    <li className={mark ? "poll-card poll-card-suggested" : "poll-card"}>
      {votes ? (
        <fieldset className="poll-choice">
          <legend>
            <span className="visually-hidden">{t("poll.yourAnswerFor")} </span>
            {heading}
          </legend>
          <SlotChoices slotId={slot.id} mine={slot.mine} />
        </fieldset>
      ) : (
        <h3 className="poll-card-heading">{heading}</h3>
      )}
      <dl className="poll-tally" aria-label={t("poll.tallyFor", { time: when })}>
        {slotAnswers.map((answer) => (
          <div key={answer}>
            <dt>{t(`poll.answer.${answer}`)}</dt>
            <dd>
              <strong>{slot.answers[answer].length}</strong>
              {slot.answers[answer].length > 0 ? (
                <span className="poll-names"> {slot.answers[answer].map((person) => person.name).join(", ")}</span>
              ) : null}
            </dd>
          </div>
        ))}
      </dl>
    </li>
  );
}

/** The facilitator fixes the time; the suggestion (if any time can be made) is chosen already. */
export function ConfirmForm({ page, lastResult }: { page: InvitedPage; lastResult: LastResult }) {
  const t = useT();
  const locale = useLocale();
  const [form, fields] = useForm({ id: "confirm", lastResult, defaultValue: { slotId: page.poll.suggestedSlotId ?? "" } });
  return (
    <section aria-labelledby="confirm-heading">
      <h2 id="confirm-heading">{t("session.confirm.title")}</h2>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="confirm" />
        <FormErrors errors={form.errors} />
        <fieldset aria-describedby={fields.slotId.errorId} className="option-list">
          <legend>{t("session.confirm.legend")}</legend>
          <p className="field-hint">{t(page.poll.suggestedSlotId ? "session.confirm.hint" : "session.confirm.hintNoSuggestion")}</p>
          {page.poll.slots.map((slot) => (
            <label key={slot.id} className="option">
              <input type="radio" name={fields.slotId.name} value={slot.id} defaultChecked={slot.id === page.poll.suggestedSlotId} />
              <span>
                {formatTimeSpan(slot.startsAt, slot.endsAt, locale)}
                <span className="muted"> — {t("poll.tally", { yes: slot.answers.yes.length, maybe: slot.answers.maybe.length })}</span>
                {slot.id === page.poll.suggestedSlotId ? <span className="badge badge-suggested">{t("poll.suggested")}</span> : null}
              </span>
            </label>
          ))}
          <FieldErrors id={fields.slotId.errorId} errors={fields.slotId.errors} />
        </fieldset>
        <div className="actions">
          <SubmitButton>{t("session.confirm.submit")}</SubmitButton>
        </div>
      </Form>
    </section>
  );
}
