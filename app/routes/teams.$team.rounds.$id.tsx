import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireMembership, requireUser } from "~/auth/permissions.server";
import { publicUrl } from "~/domain/mail/email.server";
import { contributionSchema, editorsSchema, groupingSchema } from "~/domain/rounds/round-form";
import { contribute, groupContribution, roundPage, setRoundEditors, shareRoundOutcome } from "~/domain/rounds/rounds.server";
import { formatDay } from "~/i18n/dates";
import { answerForm, redirectWithFlash } from "~/ui/form-answer.server";
import { useLocale, useT } from "~/ui/i18n";
import { ContributeForm, PerspectiveSection, type Reply } from "~/ui/rounds/Contributions";
import { RoundManagement, RoundThemes } from "~/ui/rounds/RoundManagement";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.page.round.question ?? ""} · Leernetwerk` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const team = await requireMembership(user, params.team);
  const page = await roundPage(user, team, params.id);
  const link = page.round.publicToken ? `${publicUrl(request)}/rounds/${page.round.publicToken}` : null;
  return json({ team, page, link });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const team = await requireMembership(user, params.team);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const path = `/teams/${team.slug}/rounds/${params.id}`;
  switch (intent) {
    case "contribute":
      return answerForm(formData, contributionSchema, ({ body }) => contribute(user, team, params.id, body), { path, message: "round.contributed" }, { intent });
    case "group":
      return answerForm(formData, groupingSchema, (input) => groupContribution(user, team, params.id, input), { path, message: "round.grouped" }, {
        intent,
        contribution: String(formData.get("contribution") ?? ""),
      });
    case "editors":
      return answerForm(formData, editorsSchema, ({ editors }) => setRoundEditors(user, team, params.id, editors), { path, message: "round.editorsSaved" }, { intent });
    case "share":
    case "unshare":
      await shareRoundOutcome(user, team, params.id, intent === "share");
      return redirectWithFlash(path, intent === "share" ? "round.shared" : "round.unshared");
    default:
      throw new Response("Bad Request", { status: 400 });
  }
}

export default function RoundPage() {
  const t = useT();
  const locale = useLocale();
  const { team, page, link } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as Reply;
  const { round } = page;
  const all = [...page.perspectives.flatMap((p) => p.contributions), ...page.others];
  return (
    <article>
      <p>
        <Link to={`/teams/${team.slug}/rounds`}>{t("round.back")}</Link>
      </p>
      <h1>{round.question}</h1>
      <p className="meta">
        <span className="badge">{t(`round.state.${round.state}`)}</span>
        <span>{t("round.dates", { opens: formatDay(round.opensOn, locale), closes: formatDay(round.closesOn, locale) })}</span>
        {round.openToOutsiders ? <span className="badge">{t("round.outsidersBadge")}</span> : null}
        {round.outcomeSharedAt ? <span className="badge badge-network">{t("round.sharedBadge")}</span> : null}
      </p>

      <section aria-labelledby="contribute">
        <h2 id="contribute">{t("round.contribute.title")}</h2>
        {round.state !== "open" ? (
          <p className="muted">{t(round.state === "coming" ? "round.contribute.notYet" : "round.contribute.closed")}</p>
        ) : page.own.asked ? (
          <ContributeForm perspective={page.own.perspective} reply={reply} />
        ) : (
          <p className="muted">
            {t("round.contribute.notAsked", { perspective: t(`perspective.${page.own.perspective}`) })}
          </p>
        )}
      </section>

      <section aria-labelledby="per-perspective">
        <h2 id="per-perspective">{t("round.perPerspective")}</h2>
        <p className="lead">{t("round.perPerspectiveIntro")}</p>
        {page.perspectives.map((p) => (
          <PerspectiveSection key={p.perspective} perspective={p.perspective} contributions={p.contributions} groups={page.groups} themes={page.themes} canGroup={page.canGroup} reply={reply} />
        ))}
        {page.others.length > 0 ? (
          <PerspectiveSection perspective={null} contributions={page.others} groups={page.groups} themes={page.themes} canGroup={page.canGroup} reply={reply} />
        ) : null}
      </section>

      <RoundThemes groups={page.groups} shaping={all.filter((c) => c.shapesArticle).length} />
      {page.facilitator ? <RoundManagement link={link} members={page.members} editors={page.editors} outcomeSharedAt={round.outcomeSharedAt} /> : null}
    </article>
  );
}
