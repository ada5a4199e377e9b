import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import type { SerializeFrom } from "@remix-run/node";
import { Form, Link } from "@remix-run/react";
import type { AgreementFacts, VersionView } from "../../domain/agreements/agreements.server";
import { formatDay } from "../../i18n/dates";
import { SubmitButton } from "../Button";
import { Field, FormErrors } from "../Field";
import { useLocale, useT } from "../i18n";

type Reply = (intent: string) => SubmissionResult<string[]> | undefined;

/** A form that is one button (begin, propose, revise), with the refusal above it when there is one. */
export function IntentButton({ intent, label, hint, lastResult }: { intent: string; label: string; hint?: string; lastResult?: SubmissionResult<string[]> }) {
  const [form] = useForm({ id: `agreement-${intent}`, lastResult });
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <FormErrors errors={form.errors} />
      {hint ? <p className="field-hint">{hint}</p> : null}
      <input type="hidden" name="intent" value={intent} />
      <div className="actions">
        <SubmitButton>{label}</SubmitButton>
      </div>
    </Form>
  );
}

function ReviewDate({ reviewOn, today, lastResult }: { reviewOn: string | null; today: string; lastResult?: SubmissionResult<string[]> }) {
  const t = useT();
  const locale = useLocale();
  const [form, fields] = useForm({ id: "agreement-review", lastResult, defaultValue: { reviewOn: reviewOn ?? "" } });
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <FormErrors errors={form.errors} />
      <input type="hidden" name="intent" value="review" />
      <Field
        field={fields.reviewOn}
        label={t("agreement.review.label")}
        hint={reviewOn ? t("agreement.review.set", { date: formatDay(reviewOn, locale) }) : t("agreement.review.hint")}
      >
        <input {...getInputProps(fields.reviewOn, { type: "date", ariaDescribedBy: fields.reviewOn.descriptionId })} min={today} />
      </Field>
      <div className="actions">
        <SubmitButton variant="secondary">{t("agreement.review.save")}</SubmitButton>
      </div>
    </Form>
  );
}

/** What the facilitators do next with the latest version: write, propose, name signatories, revise; and the review date. */
export function AgreementActions({
  version,
  facts,
  today,
  replyFor,
}: {
  version: SerializeFrom<VersionView>;
  facts: SerializeFrom<AgreementFacts> | null;
  today: string;
  replyFor: Reply;
}) {
  const t = useT();
  return (
    <section aria-labelledby="facilitator-heading" className="card stack no-print">
      <h2 id="facilitator-heading">{t("agreement.forFacilitators")}</h2>
      {version.status === "draft" ? (
        <>
          <p>
            <Link to="edit" className="button button-primary">
              {t("agreement.edit")}
            </Link>
          </p>
          <IntentButton intent="propose" label={t("agreement.propose")} hint={t("agreement.proposeHint")} lastResult={replyFor("propose")} />
        </>
      ) : null}
      {version.status === "proposed" ? (
        <p>
          {t("agreement.proposedHint")}{" "}
          <Link to="signatories">{t("agreement.nameSignatories")}</Link>
        </p>
      ) : null}
      {version.status === "signed" && version.unsigned > 0 ? (
        <p>
          {t("agreement.newPartnersHint", { count: version.unsigned })} <Link to="signatories">{t("agreement.nameSignatories")}</Link>
        </p>
      ) : null}
      {version.status === "signed" ? (
        <IntentButton intent="revise" label={t("agreement.revise")} hint={t("agreement.reviseHint", { number: version.number })} lastResult={replyFor("revise")} />
      ) : null}
      <p>
        <Link to="requests">{t("agreement.requestsLink")}</Link>
      </p>
      <ReviewDate reviewOn={facts?.reviewOn ?? null} today={today} lastResult={replyFor("review")} />
    </section>
  );
}
