import { parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/permissions.server";
import { articleSchema } from "~/domain/agreements/agreement-form";
import { openDraftAsFacilitator } from "~/domain/agreements/agreements.server";
import { addArticle } from "~/domain/agreements/drafting.server";
import { roundThemesOf } from "~/domain/agreements/round-themes.server";
import { withRichTextFromTextarea } from "~/richtext/form-data";
import { parseRichTextJson } from "~/richtext/schema";
import { ArticleForm } from "~/ui/agreements/ArticleForm";
import { formErrors, redirectWithFlash } from "~/ui/form-answer.server";
import { useT } from "~/ui/i18n";

export const meta: MetaFunction = () => [{ title: "Nieuw artikel · Leernetwerk" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { team, draft } = await openDraftAsFacilitator(await requireUser(request), params.team);
  return json({ team: { slug: team.slug }, number: draft.articles.length + 1, themes: await roundThemesOf(team.id) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { team } = await openDraftAsFacilitator(await requireUser(request), params.team);
  const formData = withRichTextFromTextarea(await request.formData(), "body");
  const submitted = parseRichTextJson(String(formData.get("body") ?? ""));
  const body = submitted.ok ? submitted.value : null;
  const submission = parseWithZod(formData, { schema: articleSchema });
  if (submission.status !== "success") return formErrors(submission, 400, { body });
  const outcome = await addArticle(team, submission.value);
  if (!outcome.ok) return formErrors(submission, 400, { body, refusal: outcome });
  return redirectWithFlash(`/teams/${team.slug}/agreement/edit`, "agreement.articleAdded");
}

export default function NewArticle() {
  const t = useT();
  const { team, number, themes } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  return (
    <section>
      <p>
        <Link to={`/teams/${team.slug}/agreement/edit`}>{t("agreement.backToEdit")}</Link>
      </p>
      <h1>{t("agreement.newArticle", { number })}</h1>
      <ArticleForm defaultValue={{ title: "", sources: [] }} body={reply?.body ?? null} themes={themes} draftKey={`agreement:${team.slug}:article:new`} lastResult={reply?.result} />
    </section>
  );
}
