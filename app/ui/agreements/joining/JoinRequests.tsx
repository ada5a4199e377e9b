import type { SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { formatDateTime } from "~/i18n/dates";
import { SubmitButton } from "../../Button";
import { Field, FormErrors } from "../../Field";
import { useLocale, useT } from "../../i18n";
import { controlProps, serverFields } from "../../ServerFields";

export type JoinRequestRow = {
  id: string;
  kind: "organisation" | "individual";
  organisationName: string | null;
  contactName: string | null;
  email: string | null;
  motivation: string | null;
  createdAt: string;
  decision: "accepted" | "declined" | null;
  decisionMessage: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
};

const organisationKinds = ["other", "welfare", "residents_initiative", "municipality"] as const;

/** Who asks, how to reach them and why: the facilitators' view of one request. */
function RequestFacts({ request }: { request: JoinRequestRow }) {
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <h3>{request.kind === "organisation" ? request.organisationName : (request.contactName ?? t("joining.requests.someone"))}</h3>
      <p className="muted">
        {t(`joining.public.field.kind.${request.kind}`)} · {t("joining.requests.sent", { date: formatDateTime(request.createdAt, locale) })}
      </p>
      {request.email ? (
        <dl className="milestone-facts">
          <div>
            <dt>{t("joining.requests.contact")}</dt>
            <dd>
              {request.contactName} · <a href={`mailto:${request.email}`}>{request.email}</a>
            </dd>
          </div>
          <div>
            <dt>{t("joining.requests.motivation")}</dt>
            <dd>{request.motivation}</dd>
          </div>
        </dl>
      ) : (
        <p className="muted">{t("joining.requests.deleted")}</p>
      )}
    </>
  );
}

/** An open request with the form to accept or decline it. */
export function OpenRequest({ request, lastResult }: { request: JoinRequestRow; lastResult?: SubmissionResult<string[]> | null }) {
  const t = useT();
  const { field, formErrors } = serverFields(`decide-${request.id}`, lastResult);
  const message = field("message");
  const kind = field("organisationKind");
  return (
    <li className="card">
      <RequestFacts request={request} />
      <Form method="post" className="stack" aria-label={t("joining.requests.decideLabel", { name: request.organisationName ?? request.contactName ?? "" })}>
        <input type="hidden" name="intent" value="decide" />
        <input type="hidden" name="requestId" value={request.id} />
        <FormErrors errors={formErrors} />
        <Field field={message} label={t("joining.field.message")} hint={t("joining.field.messageHint")}>
          <textarea {...controlProps(message, { hint: true })} rows={3} maxLength={2000} />
        </Field>
        {request.kind === "organisation" ? (
          <Field field={kind} label={t("joining.field.organisationKind")}>
            <select {...controlProps(kind)}>
              {organisationKinds.map((k) => (
                <option key={k} value={k}>
                  {t(`joining.organisationKind.${k}`)}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        <div className="actions">
          <SubmitButton name="decision" value="accepted">
            {t("joining.requests.accept")}
          </SubmitButton>
          <button type="submit" name="decision" value="declined" className="button button-secondary">
            {t("joining.requests.decline")}
          </button>
        </div>
      </Form>
    </li>
  );
}

export function DecidedRequest({ request }: { request: JoinRequestRow }) {
  const t = useT();
  const locale = useLocale();
  return (
    <li className="card">
      <RequestFacts request={request} />
      <p>
        <span className="badge">{t(`joining.decision.${request.decision!}`)}</span>{" "}
        {t("joining.requests.decidedBy", { name: request.decidedBy ?? t("joining.requests.someone"), date: formatDateTime(request.decidedAt!, locale) })}
      </p>
      {request.decisionMessage ? <p>{request.decisionMessage}</p> : null}
    </li>
  );
}
