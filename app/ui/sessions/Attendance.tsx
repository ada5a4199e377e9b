import { getFormProps, useForm } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { SubmitButton } from "../Button";
import { FormErrors } from "../Field";
import { useT } from "../i18n";
import type { InvitedPage, LastResult } from "./types";

/**
 * Coming or not, once the time is fixed. A "yes" in the poll for that time already counts as coming, so
 * someone who answered sees their answer and one button to change it; only the undecided get the question.
 */
export function RsvpForm({ page, lastResult }: { page: InvitedPage; lastResult: LastResult }) {
  const t = useT();
  const [form] = useForm({ id: "rsvp", lastResult });
  const rsvp = page.me.rsvp;
  return (
    <section aria-labelledby="rsvp-heading" className="card rsvp">
      <h2 id="rsvp-heading">{t("session.rsvp.title")}</h2>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="rsvp" />
        <FormErrors errors={form.errors} />
        <p>{t(rsvp === "yes" ? "session.rsvp.stateYes" : rsvp === "no" ? "session.rsvp.stateNo" : "session.rsvp.pending")}</p>
        <div className="actions">
          {rsvp !== "yes" ? (
            <SubmitButton name="rsvp" value="yes" variant={rsvp === "no" ? "secondary" : "primary"}>
              {t(rsvp === "no" ? "session.rsvp.changeToYes" : "session.rsvp.yes")}
            </SubmitButton>
          ) : null}
          {rsvp !== "no" ? (
            <SubmitButton name="rsvp" value="no" variant="secondary">
              {t(rsvp === "yes" ? "session.rsvp.changeToNo" : "session.rsvp.no")}
            </SubmitButton>
          ) : null}
        </div>
      </Form>
    </section>
  );
}

export function VolunteerForm({ page, lastResult }: { page: InvitedPage; lastResult: LastResult }) {
  const t = useT();
  const [form] = useForm({ id: "volunteer", lastResult });
  const volunteers = page.me.volunteersCase;
  return (
    <section aria-labelledby="volunteer-heading">
      <h2 id="volunteer-heading">{t("session.volunteer.title")}</h2>
      <p>{t(volunteers ? "session.volunteer.yours" : "session.volunteer.intro")}</p>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="volunteer" />
        <input type="hidden" name="volunteer" value={volunteers ? "no" : "yes"} />
        <FormErrors errors={form.errors} />
        <SubmitButton variant="secondary">{t(volunteers ? "session.volunteer.withdraw" : "session.volunteer.offer")}</SubmitButton>
      </Form>
    </section>
  );
}
