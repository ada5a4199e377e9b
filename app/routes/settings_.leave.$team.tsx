import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireMembership, requireUser } from "~/auth/permissions.server";
import { choicesAsSent, choicesFrom } from "~/domain/privacy/departure-choices";
import { leaveSchema } from "~/domain/privacy/departure-form";
import { leaveCoalition, whatDeparts } from "~/domain/privacy/departures.server";
import { DepartureForm } from "~/ui/privacy/DepartureForm";
import { setFlash } from "~/ui/flash.server";
import { useT } from "~/ui/i18n";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.team.name} · Leernetwerk` : "Leernetwerk" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const team = await requireMembership(user, params.team);
  const departing = await whatDeparts(user.id, team.id);
  return json({ team, departing });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const team = await requireMembership(user, params.team);
  const formData = await request.formData();
  const chosen = choicesAsSent(formData);
  const submission = parseWithZod(formData, { schema: leaveSchema });
  if (submission.status !== "success") return json({ result: submission.reply(), chosen }, { status: 400 });
  const outcome = await leaveCoalition(user, team, { items: choicesFrom(formData), comments: submission.value.comments });
  if (!outcome.ok) return json({ result: submission.reply({ formErrors: [outcome.message] }), chosen }, { status: 400 });
  return redirect("/settings", { headers: { "Set-Cookie": await setFlash("departures.leave.done") } });
}

export default function LeaveCoalition() {
  const t = useT();
  const { team, departing } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  return (
    <section className="page-narrow stack">
      <p>
        <Link to="/settings/data">{t("dataExport.title")}</Link>
      </p>
      <h1>{t("departures.leave.title", { team: team.name })}</h1>
      <p>{t("departures.leave.intro", { team: team.name })}</p>
      <DepartureForm
        departing={departing}
        lastResult={reply?.result}
        chosen={reply?.chosen}
        confirmLabel={t("departures.leave.confirm", { team: team.name })}
        submitLabel={t("departures.leave.submit")}
      />
    </section>
  );
}
