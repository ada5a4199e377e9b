import { parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/permissions.server";
import { moveArticleSchema, removeArticleSchema, visionSchema } from "~/domain/agreements/agreement-form";
import { openDraftAsFacilitator } from "~/domain/agreements/agreements.server";
import { moveArticle, removeArticle, saveVision } from "~/domain/agreements/drafting.server";
import { withRichTextFromTextarea } from "~/richtext/form-data";
import { RichText } from "~/richtext/RichText";
import { parseRichTextJson } from "~/richtext/schema";
import { ArticleList } from "~/ui/agreements/ArticleList";
import { VisionForm } from "~/ui/agreements/VisionForm";
import { ConflictView } from "~/ui/ConflictView";
import { formErrors, redirectWithFlash } from "~/ui/form-answer.server";
import { useT } from "~/ui/i18n";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.team.name ?? ""} · Overeenkomst bewerken · Leernetwerk` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { team, draft } = await openDraftAsFacilitator(await requireUser(request), params.team);
  return json({ team: { slug: team.slug, name: team.name }, draft });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { team, draft } = await openDraftAsFacilitator(await requireUser(request), params.team);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const here = `/teams/${team.slug}/agreement/edit`;
  if (intent === "move" || intent === "remove") {
    const submission = parseWithZod(formData, { schema: intent === "move" ? moveArticleSchema : removeArticleSchema });
    if (submission.status !== "success") return formErrors(submission, 400, { intent, vision: null, current: null });
    const value = submission.value as { article: string; direction?: "up" | "down" };
    const outcome = intent === "move" ? await moveArticle(team, value.article, value.direction ?? "up") : await removeArticle(team, value.article);
    if (!outcome.ok) return formErrors(submission, 400, { intent, vision: null, current: null, refusal: outcome });
    return redirectWithFlash(here, intent === "move" ? "agreement.moved" : "agreement.removed");
  }
  withRichTextFromTextarea(formData, "vision", draft.vision);
  const submitted = parseRichTextJson(String(formData.get("vision") ?? ""));
  const vision = submitted.ok ? submitted.value : null;
  const submission = parseWithZod(formData, { schema: visionSchema });
  if (submission.status !== "success") return formErrors(submission, 400, { intent: "vision", vision, current: null });
  const outcome = await saveVision(team, submission.value.version, submission.value.vision);
  if (outcome.ok) return redirectWithFlash(here, "agreement.visionSaved");
  if ("conflict" in outcome) return formErrors(submission, 409, { intent: "vision", vision, current: outcome.conflict });
  return formErrors(submission, 400, { intent: "vision", vision, current: null, refusal: outcome });
}

export default function EditAgreement() {
  const t = useT();
  const { team, draft } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const visionReply = reply?.intent === "vision" ? reply : null;
  const current = visionReply?.current ?? null;
  const form = (
    <VisionForm
      key={current?.version ?? draft.version}
      vision={visionReply?.vision ?? draft.vision}
      version={current?.version ?? draft.version}
      draftKey={`agreement:${team.slug}:vision`}
      lastResult={visionReply?.result}
    />
  );
  return (
    <article className="agreement-edit">
      <p>
        <Link to={`/teams/${team.slug}/agreement`}>{t("agreement.back")}</Link>
      </p>
      <h1>{t("agreement.editTitle", { number: draft.number })}</h1>
      <p className="lead">{t("agreement.editIntro")}</p>
      <section aria-labelledby="vision-edit-heading">
        <h2 id="vision-edit-heading">{t("agreement.vision")}</h2>
        {current ? (
          <ConflictView title={t("agreement.conflict.title")} body={t("agreement.conflict.body")} mine={form} theirs={<RichText state={current.vision} />} />
        ) : (
          form
        )}
      </section>
      <ArticleList team={team.slug} articles={draft.articles} lastResult={reply && reply.intent !== "vision" ? reply.result : undefined} />
    </article>
  );
}
