import { parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/permissions.server";
import { clientAddressOf } from "~/domain/audit/audit.server";
import { decisionSchema, publishSchema } from "~/domain/agreements/joining/join-form";
import {
  decideJoinRequest,
  joinRequestsPage,
  requireAgreementFacilitator,
  setPublished,
} from "~/domain/agreements/joining/join-requests.server";
import { publicUrl } from "~/domain/mail/email.server";
import { formatDateTime } from "~/i18n/dates";
import { DecidedRequest, OpenRequest } from "~/ui/agreements/joining/JoinRequests";
import { SubmitButton } from "~/ui/Button";
import { FormErrors } from "~/ui/Field";
import { formErrors, redirectWithFlash } from "~/ui/form-answer.server";
import { useLocale, useT } from "~/ui/i18n";

// /teams/:team/agreement/requests — the coalition's facilitators decide who may join its agreement, and whether
// the agreement is shown publicly. Members, other coalitions and the funder find nothing (404).

export const meta: MetaFunction = () => [{ title: "Aanmeldingen voor de overeenkomst · Leernetwerk" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const team = await requireAgreementFacilitator(user, params.team);
  return json({ team: { slug: team.slug, name: team.name }, ...(await joinRequestsPage(team)) });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const team = await requireAgreementFacilitator(user, params.team);
  const formData = await request.formData();
  const path = `/teams/${team.slug}/agreement/requests`;
  if (formData.get("intent") === "publish") {
    const submission = parseWithZod(formData, { schema: publishSchema });
    if (submission.status !== "success") return formErrors(submission, 400, { intent: "publish", requestId: null });
    const outcome = await setPublished(team, submission.value.publish === "yes");
    if (!outcome.ok) return formErrors(submission, 400, { intent: "publish", requestId: null, refusal: outcome });
    return redirectWithFlash(path, submission.value.publish === "yes" ? "joining.publish.done" : "joining.unpublish.done");
  }
  const submission = parseWithZod(formData, { schema: decisionSchema });
  const requestId = String(formData.get("requestId") ?? "");
  if (submission.status !== "success") return formErrors(submission, 400, { intent: "decide", requestId });
  const outcome = await decideJoinRequest(user, team, submission.value, { origin: publicUrl(request), address: clientAddressOf(context) });
  if (!outcome.ok) return formErrors(submission, 400, { intent: "decide", requestId, refusal: outcome });
  return redirectWithFlash(path, submission.value.decision === "accepted" ? "joining.accepted.done" : "joining.declined.done");
}

export default function JoinRequestsRoute() {
  const t = useT();
  const locale = useLocale();
  const { team, publishedAt, versionInForce, open, decided } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const publishErrors = reply?.intent === "publish" ? (reply.result.error?.[""] ?? undefined) : undefined;
  return (
    <section>
      <h1>{t("joining.requests.title")}</h1>
      <p className="lead">{t("joining.requests.intro")}</p>

      <section aria-labelledby="public-heading" className="card">
        <h2 id="public-heading">{t("joining.publish.title")}</h2>
        <FormErrors errors={publishErrors} />
        {publishedAt ? (
          <>
            <p>
              {t("joining.publish.isPublished", { date: formatDateTime(publishedAt, locale) })}{" "}
              <a href={`/agreements/${team.slug}`}>{t("joining.publish.view")}</a>
            </p>
            <Form method="post">
              <input type="hidden" name="intent" value="publish" />
              <SubmitButton name="publish" value="no" variant="secondary">
                {t("joining.unpublish.submit")}
              </SubmitButton>
            </Form>
          </>
        ) : versionInForce ? (
          <>
            <p>{t("joining.publish.explain", { number: versionInForce })}</p>
            <Form method="post">
              <input type="hidden" name="intent" value="publish" />
              <SubmitButton name="publish" value="yes">
                {t("joining.publish.submit")}
              </SubmitButton>
            </Form>
          </>
        ) : (
          <p>{t("joining.publish.noVersion")}</p>
        )}
      </section>

      <section aria-labelledby="open-heading">
        <h2 id="open-heading">{t("joining.requests.open", { count: open.length })}</h2>
        {open.length === 0 ? (
          <p className="empty-state">{t("joining.requests.noneOpen")}</p>
        ) : (
          <ul className="plain-list">
            {open.map((request) => (
              <OpenRequest
                key={request.id}
                request={request}
                lastResult={reply?.intent === "decide" && reply.requestId === request.id ? reply.result : null}
              />
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="decided-heading">
        <h2 id="decided-heading">{t("joining.requests.decided")}</h2>
        {decided.length === 0 ? (
          <p className="empty-state">{t("joining.requests.noneDecided")}</p>
        ) : (
          <ul className="plain-list">
            {decided.map((request) => (
              <DecidedRequest key={request.id} request={request} />
            ))}
          </ul>
        )}
        <p className="muted">{t("joining.requests.retention")}</p>
      </section>
    </section>
  );
}
