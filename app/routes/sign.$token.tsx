import { parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { signatureSchema } from "~/domain/agreements/agreement-form";
import { openSigningLink, signByLink } from "~/domain/agreements/signing.server";
import { todayInAmsterdam } from "~/i18n/dates";
import { AgreementText } from "~/ui/agreements/AgreementText";
import { SignatureForm } from "~/ui/agreements/SignatureForm";
import { formErrors } from "~/ui/form-answer.server";
import { useT } from "~/ui/i18n";

// The personal signing link of someone without an account. Mail scanners open links, so opening it changes
// nothing: it shows the whole text, and only the form's POST signs. A link that was used, has expired, or belongs
// to a version no longer out for signing says so, and saves nothing.

export const meta: MetaFunction = () => [{ title: "Samenwerkingsovereenkomst ondertekenen · Leernetwerk" }, { name: "robots", content: "noindex" }];

export async function loader({ params }: LoaderFunctionArgs) {
  const link = await openSigningLink(params.token);
  return json({ link, today: todayInAmsterdam() }, { status: link.state === "unknown" ? 404 : link.state === "open" ? 200 : 410 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: signatureSchema });
  if (submission.status !== "success") return formErrors(submission, 400, { done: false, state: null });
  const outcome = await signByLink(params.token, submission.value);
  if (outcome.ok) return json({ done: true, state: null, result: undefined });
  if ("state" in outcome) return json({ done: false, state: outcome.state, result: undefined }, { status: 410 });
  return formErrors(submission, 400, { done: false, state: null, refusal: outcome });
}

export default function SignByLink() {
  const t = useT();
  const { link, today } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  if (reply?.done) {
    return (
      <section className="page-narrow">
        <h1>{t("agreement.sign.je.doneTitle")}</h1>
        <p role="status">{t("agreement.sign.je.done")}</p>
      </section>
    );
  }
  const state = reply?.state ?? link.state;
  if (state !== "open" || link.state !== "open") {
    const why = state === "open" ? "closed" : state;
    return (
      <section className="page-narrow">
        <h1>{t("agreement.sign.je.closedTitle")}</h1>
        <p>{t(`agreement.sign.je.${why}`)}</p>
      </section>
    );
  }
  return (
    <article className="page-narrow agreement">
      <h1>{t("agreement.sign.je.title", { team: link.teamName })}</h1>
      <p className="lead">{t("agreement.sign.je.intro", { name: link.signatoryName, organisation: link.organisationName, number: link.version.number })}</p>
      <AgreementText version={link.version} />
      <section aria-labelledby="sign-form-heading">
        <h2 id="sign-form-heading">{t("agreement.sign.je.formTitle", { organisation: link.organisationName })}</h2>
        <SignatureForm versionNumber={link.version.number} defaultName={link.signatoryName} today={today} lastResult={reply && "result" in reply ? reply.result : undefined} outsider />
      </section>
    </article>
  );
}
