import type { SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { formatDateTime } from "~/i18n/dates";
import { SubmitButton } from "../Button";
import { Field, FormErrors } from "../Field";
import { useLocale, useT } from "../i18n";
import { controlProps, serverFields } from "../ServerFields";

export type VisitRequestRow = {
  id: string;
  organisation: string;
  contactName: string | null;
  email: string | null;
  wishes: string | null;
  createdAt: string;
  answer: string | null;
  answeredAt: string | null;
  answeredBy: string | null;
  deletedAt: string | null;
};

/** Who asks, how to reach them and what they want to see: the facilitators' view of one request. */
function RequestFacts({ request }: { request: VisitRequestRow }) {
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <h3>{request.organisation}</h3>
      <p className="muted">{t("visits.received", { date: formatDateTime(request.createdAt, locale) })}</p>
      {request.email ? (
        <dl className="milestone-facts">
          <div>
            <dt>{t("visits.contact")}</dt>
            <dd>
              {request.contactName} · <a href={`mailto:${request.email}`}>{request.email}</a>
            </dd>
          </div>
          <div>
            <dt>{t("visits.wishes")}</dt>
            <dd>{request.wishes}</dd>
          </div>
        </dl>
      ) : (
        <p className="muted">{t("visits.deleted")}</p>
      )}
    </>
  );
}

/** An open request with the form to answer it. */
export function OpenVisitRequest({ request, lastResult }: { request: VisitRequestRow; lastResult?: SubmissionResult<string[]> | null }) {
  const t = useT();
  const { field, formErrors } = serverFields(`answer-${request.id}`, lastResult);
  const answer = field("answer");
  return (
    <li className="card">
      <RequestFacts request={request} />
      <Form method="post" className="stack" aria-label={t("visits.answer") + ": " + request.organisation}>
        <input type="hidden" name="requestId" value={request.id} />
        <FormErrors errors={formErrors} />
        <Field field={answer} label={t("visits.answer")} hint={t("visits.answerHint")}>
          <textarea {...controlProps(answer, { hint: true })} rows={4} maxLength={2000} />
        </Field>
        <div className="actions">
          <SubmitButton>{t("visits.submit")}</SubmitButton>
        </div>
      </Form>
    </li>
  );
}

export function AnsweredVisitRequest({ request }: { request: VisitRequestRow }) {
  const t = useT();
  const locale = useLocale();
  const date = formatDateTime(request.answeredAt!, locale);
  return (
    <li className="card">
      <RequestFacts request={request} />
      <p>{request.answeredBy ? t("visits.answeredBy", { name: request.answeredBy, date }) : t("visits.answeredOn", { date })}</p>
      {request.answer ? (
        <dl className="milestone-facts">
          <div>
            <dt>{t("visits.sentAnswer")}</dt>
            <dd>{request.answer}</dd>
          </div>
        </dl>
      ) : null}
    </li>
  );
}
