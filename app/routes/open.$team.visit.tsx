import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { coalitionToVisit } from "~/domain/open/programme-page.server";
import { publicUrl } from "~/domain/mail/email.server";
import { visitRequestSchema } from "~/domain/visits/visit-form";
import { sendVisitRequest } from "~/domain/visits/visit-requests.server";
import { useT } from "~/ui/i18n";
import { VisitForm } from "~/ui/open/VisitForm";

// /open/:team/visit — "kom kijken": anyone may ask to come and see a coalition at work, without an account and
// without JavaScript. The request goes to the coalition's facilitators.

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Kom kijken bij ${data?.coalition.name ?? ""} · Leernetwerk` }];

export async function loader({ params }: LoaderFunctionArgs) {
  const coalition = await coalitionToVisit(params.team);
  return json({ coalition: { slug: coalition.slug, name: coalition.name, place: coalition.place } });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: visitRequestSchema });
  if (submission.status !== "success") return json({ result: submission.reply(), throttled: false }, { status: 400 });
  const outcome = await sendVisitRequest(params.team, submission.value, {
    address: (context.clientAddress as string | undefined) ?? "unknown",
    origin: publicUrl(request),
  });
  if (!outcome.ok) return json({ result: submission.reply(), throttled: true }, { status: 429 });
  return redirect(`/open/${params.team}/thanks`);
}

export default function VisitRequestPage() {
  const t = useT();
  const { coalition } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  return (
    <section className="page-narrow">
      <h1>{t("open.form.title", { name: coalition.name })}</h1>
      <p className="lead">{t("open.form.intro", { name: coalition.name, place: coalition.place })}</p>
      {reply?.throttled ? (
        <div className="form-error" role="alert">
          <p>
            <strong>{t("open.throttled.title")}</strong>
          </p>
          <p>{t("open.throttled")}</p>
        </div>
      ) : null}
      <VisitForm lastResult={reply?.result} />
      <p className="muted">{t("open.form.retention")}</p>
      <p>
        <Link to="/open">{t("open.form.back")}</Link>
      </p>
    </section>
  );
}
