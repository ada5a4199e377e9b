import { parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/permissions.server";
import { publicUrl } from "~/domain/mail/email.server";
import { visitAnswerSchema } from "~/domain/visits/visit-form";
import { answerVisitRequest, requireVisitsFacilitator, visitRequestsPage } from "~/domain/visits/visit-requests.server";
import { formErrors, redirectWithFlash } from "~/ui/form-answer.server";
import { useT } from "~/ui/i18n";
import { AnsweredVisitRequest, OpenVisitRequest } from "~/ui/open/VisitRequests";

// /teams/:team/visits — the coalition's facilitators answer the requests to come and see it. Members, other
// coalitions and the funder find nothing (404).

export const meta: MetaFunction = () => [{ title: "Verzoeken om te komen kijken · Leernetwerk" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const team = await requireVisitsFacilitator(user, params.team);
  return json(await visitRequestsPage(team));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const team = await requireVisitsFacilitator(user, params.team);
  const formData = await request.formData();
  const requestId = String(formData.get("requestId") ?? "");
  const submission = parseWithZod(formData, { schema: visitAnswerSchema });
  if (submission.status !== "success") return formErrors(submission, 400, { requestId });
  const outcome = await answerVisitRequest(user, team, submission.value, { origin: publicUrl(request) });
  if (!outcome.ok) return formErrors(submission, 400, { requestId, refusal: outcome });
  return redirectWithFlash(`/teams/${team.slug}/visits`, "visits.answer.done");
}

export default function VisitRequestsRoute() {
  const t = useT();
  const { open, answered } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  return (
    <section>
      <h1>{t("visits.title")}</h1>
      <p className="lead">{t("visits.intro")}</p>
      <section aria-labelledby="open-heading">
        <h2 id="open-heading">{t("visits.open", { count: open.length })}</h2>
        {open.length === 0 ? (
          <p className="empty-state">{t("visits.noneOpen")}</p>
        ) : (
          <ul className="plain-list">
            {open.map((request) => (
              <OpenVisitRequest key={request.id} request={request} lastResult={reply?.requestId === request.id ? reply.result : null} />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="answered-heading">
        <h2 id="answered-heading">{t("visits.answered")}</h2>
        {answered.length === 0 ? (
          <p className="empty-state">{t("visits.noneAnswered")}</p>
        ) : (
          <ul className="plain-list">
            {answered.map((request) => (
              <AnsweredVisitRequest key={request.id} request={request} />
            ))}
          </ul>
        )}
        <p className="muted">{t("visits.retention")}</p>
      </section>
    </section>
  );
}
