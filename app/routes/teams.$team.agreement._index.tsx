import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { notFound, requireUser } from "~/auth/permissions.server";
import { intentSchema, reviewSchema, signatureSchema } from "~/domain/agreements/agreement-form";
import { agreementFacts, latestVersion, openAgreement, openAgreementAsFacilitator, versionInForce } from "~/domain/agreements/agreements.server";
import { proposeVersion, startAgreement, startRevision } from "~/domain/agreements/drafting.server";
import { setReviewDate } from "~/domain/agreements/review.server";
import { ownSignatory, signAsMember } from "~/domain/agreements/signing.server";
import { todayInAmsterdam } from "~/i18n/dates";
import { AgreementText, Signatories, VersionStatus } from "~/ui/agreements/AgreementText";
import { AgreementActions, IntentButton } from "~/ui/agreements/AgreementActions";
import { SignatureForm } from "~/ui/agreements/SignatureForm";
import { answerForm } from "~/ui/form-answer.server";
import type { MessageKey } from "~/i18n/i18n";
import type { z } from "zod";
import { useT } from "~/ui/i18n";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.team.name ?? ""} · Overeenkomst · Leernetwerk` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const reader = await openAgreement(user, params.team);
  const { team, role } = reader;
  const facts = await agreementFacts(team.id);
  // The team reads the version being worked on; the programme's other people the one in force.
  const [shown, inForce, mine] = await Promise.all([
    role ? latestVersion(team.id, { withContacts: role === "facilitator" }) : versionInForce(team.id),
    versionInForce(team.id),
    role ? ownSignatory(user, team.id) : null,
  ]);
  return json({
    team: { slug: team.slug, name: team.name },
    role,
    facts,
    shown,
    inForce: inForce && shown && inForce.number !== shown.number ? { number: inForce.number, signedAt: inForce.signedAt } : null,
    mine,
    me: user.name,
    today: todayInAmsterdam(),
  });
}

// Every form on this page answers the same way; `intent` tells the page which form the reply is for.
function answer<S extends z.ZodType>(
  formData: FormData,
  schema: S,
  run: Parameters<typeof answerForm<S, { intent: string }>>[2],
  path: string,
  message: MessageKey,
  intent: string,
) {
  return answerForm(formData, schema, run, { path, message }, { intent });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const path = `/teams/${params.team}/agreement`;
  if (intent === "sign") {
    const { team, role } = await openAgreement(user, params.team);
    if (!role) throw notFound();
    return answer(formData, signatureSchema, (value) => signAsMember(user, team, value), path, "agreement.signed", intent);
  }
  const team = await openAgreementAsFacilitator(user, params.team);
  if (intent === "review") return answer(formData, reviewSchema, (value) => setReviewDate(team, value.reviewOn), path, "agreement.reviewSaved", intent);
  if (intent === "propose") return answer(formData, intentSchema, () => proposeVersion(team), path, "agreement.proposed", intent);
  if (intent === "revise") return answer(formData, intentSchema, () => startRevision(user, team), `${path}/edit`, "agreement.revisionStarted", intent);
  return answer(formData, intentSchema, () => startAgreement(user, team), `${path}/edit`, "agreement.started", "start");
}

export default function AgreementPage() {
  const t = useT();
  const { team, role, facts, shown, inForce, mine, me, today } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const replyFor = (intent: string) => (reply && reply.intent === intent ? reply.result : undefined);
  return (
    <article className="agreement">
      <h1>{t("agreement.title")}</h1>
      <p className="lead">{t("agreement.intro", { team: team.name })}</p>
      {!shown ? (
        role === "facilitator" ? (
          <div className="card">
            <p>{t("agreement.noneYetFacilitator")}</p>
            <IntentButton intent="start" label={t("agreement.start")} lastResult={replyFor("start")} />
          </div>
        ) : (
          <p className="card">{t("agreement.noneYet")}</p>
        )
      ) : (
        <>
          <p className="meta agreement-version-line">
            <span>{t("agreement.versionNumber", { number: shown.number })}</span>
            <VersionStatus version={shown} />
            {shown.number > 1 ? <Link to={`versions/${shown.number}`}>{t("agreement.seeChanges")}</Link> : null}
            <Link to={`versions/${shown.number}`} className="no-print">
              {t("agreement.printable")}
            </Link>
          </p>
          {inForce ? (
            <p className="card">
              {t("agreement.inForceIs", { number: inForce.number })} <Link to={`versions/${inForce.number}`}>{t("agreement.readInForce", { number: inForce.number })}</Link>
            </p>
          ) : null}
          {role === "facilitator" ? <AgreementActions version={shown} facts={facts} today={today} replyFor={replyFor} /> : null}
          {mine && mine.number === shown.number ? (
            <section aria-labelledby="sign-heading" className="agreement-sign">
              <h2 id="sign-heading">{t("agreement.sign.u.title", { organisation: mine.organisationName })}</h2>
              <p>{t("agreement.sign.u.intro", { number: mine.number })}</p>
            </section>
          ) : null}
          <AgreementText version={shown} />
          {shown.status !== "draft" ? <Signatories version={shown} /> : null}
          {mine && mine.number === shown.number ? (
            <section aria-labelledby="sign-form-heading">
              <h2 id="sign-form-heading">{t("agreement.sign.u.formTitle")}</h2>
              <SignatureForm versionNumber={mine.number} defaultName={me} today={today} lastResult={replyFor("sign")} />
            </section>
          ) : null}
          {facts && facts.versions.length > 1 ? (
            <section aria-labelledby="versions-heading" className="no-print">
              <h2 id="versions-heading">{t("agreement.allVersions")}</h2>
              <ul className="plain-list">
                {facts.versions
                  .filter((version) => role !== null || version.status === "signed")
                  .map((version) => (
                    <li key={version.number}>
                      <Link to={`versions/${version.number}`}>{t("agreement.versionNumber", { number: version.number })}</Link>{" "}
                      <VersionStatus version={version} />
                    </li>
                  ))}
              </ul>
            </section>
          ) : null}
        </>
      )}
    </article>
  );
}
