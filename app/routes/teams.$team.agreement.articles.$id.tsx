import { parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser, rowIdOrNotFound, notFound } from "~/auth/permissions.server";
import { articleSchema } from "~/domain/agreements/agreement-form";
import { openAgreementAsFacilitator } from "~/domain/agreements/agreements.server";
import { draftArticle, saveArticle } from "~/domain/agreements/drafting.server";
import { roundThemesOf } from "~/domain/agreements/round-themes.server";
import { withRichTextFromTextarea } from "~/richtext/form-data";
import { RichText } from "~/richtext/RichText";
import { parseRichTextJson } from "~/richtext/schema";
import { ArticleForm } from "~/ui/agreements/ArticleForm";
import { ConflictView } from "~/ui/ConflictView";
import { formErrors, redirectWithFlash } from "~/ui/form-answer.server";
import { useT } from "~/ui/i18n";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.article.title ?? ""} · Leernetwerk` }];

// An article of the draft; one of a proposed or signed version is fixed and is not found here.
async function openArticle(request: Request, params: { team?: string; id?: string }) {
  const user = await requireUser(request);
  const team = await openAgreementAsFacilitator(user, params.team);
  const article = await draftArticle(team, rowIdOrNotFound(params.id));
  if (!article) throw notFound();
  return { team, article };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { team, article } = await openArticle(request, params);
  return json({ team: { slug: team.slug }, article, themes: await roundThemesOf(team.id) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { team, article } = await openArticle(request, params);
  const formData = withRichTextFromTextarea(await request.formData(), "body", article.body);
  const submitted = parseRichTextJson(String(formData.get("body") ?? ""));
  const body = submitted.ok ? submitted.value : null;
  const submission = parseWithZod(formData, { schema: articleSchema });
  if (submission.status !== "success") return formErrors(submission, 400, { body, current: null });
  const outcome = await saveArticle(team, article.id, submission.value.version ?? -1, submission.value);
  if (outcome.ok) return redirectWithFlash(`/teams/${team.slug}/agreement/edit`, "agreement.articleSaved");
  if ("conflict" in outcome) return formErrors(submission, 409, { body, current: outcome.conflict });
  return formErrors(submission, 400, { body, current: null, refusal: outcome });
}

export default function EditArticle() {
  const t = useT();
  const { team, article, themes } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const current = reply?.current ?? null;
  const form = (
    <ArticleForm
      key={current?.version ?? article.version}
      defaultValue={{ title: article.title, sources: article.sources.map((source) => source.id) }}
      body={reply?.body ?? article.body}
      themes={themes}
      draftKey={`agreement:${team.slug}:article:${article.id}`}
      version={current?.version ?? article.version}
      lastResult={reply?.result}
    />
  );
  return (
    <section>
      <p>
        <Link to={`/teams/${team.slug}/agreement/edit`}>{t("agreement.backToEdit")}</Link>
      </p>
      <h1>{t("agreement.editArticleTitle", { number: article.number })}</h1>
      {current ? (
        <ConflictView
          title={t("agreement.conflict.title")}
          body={t("agreement.conflict.body")}
          mine={form}
          theirs={
            <>
              <h3>{current.title}</h3>
              <RichText state={current.body} />
            </>
          }
        />
      ) : (
        form
      )}
    </section>
  );
}
