import { parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { notFound, requireUser } from "~/auth/permissions.server";
import { signatorySchema } from "~/domain/agreements/agreement-form";
import { openAgreementAsFacilitator, versionOpenForSigning } from "~/domain/agreements/agreements.server";
import { nameSignatory, signatoryCandidates } from "~/domain/agreements/signing.server";
import { publicUrl } from "~/domain/mail/email.server";
import { SignatoryForm } from "~/ui/agreements/SignatoryForm";
import { formErrors, redirectWithFlash } from "~/ui/form-answer.server";
import { useT } from "~/ui/i18n";

export const meta: MetaFunction = () => [{ title: "Ondertekenaars · Leernetwerk" }];

// Naming who signs for each partner organisation: on the version out for signing, or on the one in force for a
// partner who joined after it was signed.
async function openProposed(request: Request, slug: string | undefined) {
  const user = await requireUser(request);
  const team = await openAgreementAsFacilitator(user, slug);
  const version = await versionOpenForSigning(team.id, { withContacts: true });
  if (!version || (version.status === "signed" && version.unsigned === 0)) throw notFound();
  return { user, team, version };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { team, version } = await openProposed(request, params.team);
  return json({ team: { slug: team.slug, name: team.name }, version, members: await signatoryCandidates(team) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, team } = await openProposed(request, params.team);
  const formData = await request.formData();
  const organisation = String(formData.get("organisation") ?? "");
  const submission = parseWithZod(formData, { schema: signatorySchema });
  if (submission.status !== "success") return formErrors(submission, 400, { organisation });
  const outcome = await nameSignatory(user, team, submission.value, publicUrl(request));
  if (!outcome.ok) return formErrors(submission, 400, { organisation, refusal: outcome });
  return redirectWithFlash(`/teams/${team.slug}/agreement/signatories`, "agreement.signatoryNamed");
}

export default function AgreementSignatories() {
  const t = useT();
  const { team, version, members } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  return (
    <article>
      <p>
        <Link to={`/teams/${team.slug}/agreement`}>{t("agreement.back")}</Link>
      </p>
      <h1>{t("agreement.signatoriesTitle", { number: version.number })}</h1>
      <p className="lead">{t("agreement.signatoriesIntro")}</p>
      <ul className="plain-list stack">
        {version.signatories.map((signatory) => (
          <li key={signatory.organisationId} className="card">
            <SignatoryForm
              signatory={signatory}
              members={members}
              lastResult={reply?.organisation === signatory.organisationId ? reply.result : undefined}
            />
          </li>
        ))}
      </ul>
    </article>
  );
}
