import { parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireMembership, requireUser } from "~/auth/permissions.server";
import { roundSchema } from "~/domain/rounds/round-form";
import { openRound, requireRoundOpener } from "~/domain/rounds/rounds.server";
import { todayInAmsterdam } from "~/i18n/dates";
import { formErrors, redirectWithFlash } from "~/ui/form-answer.server";
import { useT } from "~/ui/i18n";
import { RoundForm } from "~/ui/rounds/RoundForm";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Nieuwe inspiratieronde · ${data?.team.name ?? ""} · Leernetwerk` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const team = await requireMembership(user, params.team, "facilitator");
  requireRoundOpener(user, team);
  return json({ team, today: todayInAmsterdam() });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const team = await requireMembership(user, params.team, "facilitator");
  const submission = parseWithZod(await request.formData(), { schema: roundSchema });
  if (submission.status !== "success") return formErrors(submission, 400);
  const { id } = await openRound(user, team, submission.value);
  return redirectWithFlash(`/teams/${team.slug}/rounds/${id}`, "round.opened");
}

export default function NewRound() {
  const t = useT();
  const { team, today } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const back = `/teams/${team.slug}/rounds`;
  return (
    <section className="page-narrow">
      <p>
        <Link to={back}>{t("round.back")}</Link>
      </p>
      <h1>{t("round.new.title")}</h1>
      <p className="lead">{t("round.new.intro")}</p>
      <RoundForm
        defaultValue={{ question: "", perspectives: [], opensOn: today, closesOn: "", openToOutsiders: false }}
        lastResult={reply?.result}
        cancelTo={back}
      />
    </section>
  );
}
