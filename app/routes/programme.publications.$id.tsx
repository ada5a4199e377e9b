import { parseWithZod } from "@conform-to/zod/v4";
import { json, type LinksFunction, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { notFound, requireFunder, requireUser } from "~/auth/permissions.server";
import { publicUrl } from "~/domain/mail/email.server";
import { publicationSchema, quoteSchema } from "~/domain/publications/publication-form";
import { getPublication, publishPublication, updatePublication } from "~/domain/publications/publications.server";
import { quotableLessons, quoteLesson, quotesPageOf, removeQuote } from "~/domain/publications/quotes.server";
import { formatDate } from "~/i18n/dates";
import { withRichTextFromTextarea } from "~/richtext/form-data";
import { RichText } from "~/richtext/RichText";
import { parseRichTextJson } from "~/richtext/schema";
import { SubmitButton } from "~/ui/Button";
import { ConflictView } from "~/ui/ConflictView";
import { FormErrors } from "~/ui/Field";
import { formErrors, redirectWithFlash } from "~/ui/form-answer.server";
import { useLocale, useT } from "~/ui/i18n";
import { OfficerQuoteList, QuotePicker } from "~/ui/publications/OfficerQuotes";
import { PublicationForm } from "~/ui/publications/PublicationForm";
import publicationStyles from "~/ui/publications/publications.css";

// /programme/publications/:id — the officer edits a publication, quotes shared lessons and publishes it once
// every quote is approved. A quoted coalition's facilitator (who is sent here by a notification) goes on to
// the coalition's quotes; anyone else finds nothing.

export const links: LinksFunction = () => [{ rel: "stylesheet", href: publicationStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.publication.title ?? ""} · Publicaties · Leernetwerk` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (user.accountRole !== "funder") {
    const quotes = await quotesPageOf(user, params.id);
    if (quotes) throw redirect(quotes);
    throw notFound();
  }
  const search = new URL(request.url).searchParams.get("q") ?? "";
  const [publication, lessons] = await Promise.all([getPublication(user, params.id), quotableLessons(user, search)]);
  return json({ publication, lessons, search });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requireFunder(user);
  const path = `/programme/publications/${params.id}`;
  const raw = await request.formData();
  const intent = String(raw.get("intent") ?? "save");
  if (intent === "publish") {
    const outcome = await publishPublication(user, params.id);
    if (!outcome.ok) return json({ intent, result: null, body: null, current: null, lesson: null, publishRefusal: outcome.message }, { status: 400 });
    return redirectWithFlash(path, "publication.published");
  }
  if (intent === "removeQuote") {
    await removeQuote(user, params.id, String(raw.get("quote") ?? ""));
    return redirectWithFlash(path, "publication.quote.removed");
  }
  if (intent === "quote") {
    const submission = parseWithZod(raw, { schema: quoteSchema });
    const lesson = String(raw.get("lesson") ?? "");
    const extra = { intent, body: null, current: null, lesson, publishRefusal: null };
    if (submission.status !== "success") return formErrors(submission, 400, extra);
    const outcome = await quoteLesson(user, params.id, submission.value, publicUrl(request));
    if (!outcome.ok) return formErrors(submission, 400, { ...extra, refusal: outcome });
    return redirectWithFlash(path, "publication.quote.asked");
  }
  const stored = await getPublication(user, params.id);
  const formData = withRichTextFromTextarea(raw, "body", stored.body);
  const submission = parseWithZod(formData, { schema: publicationSchema });
  const submitted = parseRichTextJson(String(formData.get("body") ?? ""));
  const extra = { intent: "save", body: submitted.ok ? submitted.value : null, lesson: null, publishRefusal: null };
  if (submission.status !== "success") return formErrors(submission, 400, { ...extra, current: null });
  const outcome = await updatePublication(user, params.id, Number(formData.get("version")), submission.value);
  // Someone saved in between: show both versions; saving again starts from theirs.
  if (!outcome.ok) return formErrors(submission, 409, { ...extra, current: outcome.current });
  return redirectWithFlash(path, "publication.saved");
}

export default function EditPublication() {
  const t = useT();
  const locale = useLocale();
  const { publication, lessons, search } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const current = reply?.intent === "save" ? reply.current : null;
  const form = (
    <PublicationForm
      key={current?.version ?? publication.version}
      defaultValue={{ kind: publication.kind, title: publication.title, summary: publication.summary }}
      body={(reply?.intent === "save" ? reply.body : null) ?? publication.body}
      draftKey={`publication:${publication.id}`}
      lastResult={reply?.intent === "save" ? reply.result : undefined}
      version={current?.version ?? publication.version}
    />
  );
  return (
    <section>
      <p>
        <Link to="/programme/publications">{t("publications.title")}</Link>
      </p>
      <h1>{publication.title}</h1>
      <p className="meta">
        <span className="badge">{t(`publications.state.${publication.state}`)}</span>
        <span>{t(`publication.kind.${publication.kind}`)}</span>
      </p>

      <section aria-labelledby="publish-heading" className="card">
        <h2 id="publish-heading">{t("publication.publish.title")}</h2>
        {publication.publishedAt ? (
          <p>
            {t("publication.publish.done", { date: formatDate(publication.publishedAt, locale) })}{" "}
            <a href={`/publications/${publication.slug}`}>{t("publication.publish.view")}</a>
          </p>
        ) : (
          <Form method="post" className="stack">
            <FormErrors errors={reply?.intent === "publish" && reply.publishRefusal ? [reply.publishRefusal] : undefined} />
            <p>{t(publication.state === "waiting" ? "publication.publish.waiting" : "publication.publish.ready")}</p>
            <input type="hidden" name="intent" value="publish" />
            <div className="actions">
              <SubmitButton>{t("publication.publish.submit")}</SubmitButton>
            </div>
          </Form>
        )}
      </section>

      <h2>{t("publication.editTitle")}</h2>
      {current ? (
        <ConflictView
          title={t("publication.conflict.title")}
          body={t("publication.conflict.body")}
          mine={form}
          theirs={
            <>
              <h3>{current.title}</h3>
              <p>{current.summary}</p>
              <RichText state={current.body} />
            </>
          }
        />
      ) : (
        form
      )}

      <section aria-labelledby="quotes-heading">
        <h2 id="quotes-heading">{t("publication.quotes.title")}</h2>
        <p>{t("publication.quotes.intro")}</p>
        <OfficerQuoteList quotes={publication.quotes} />
        <h3>{t("publication.quote.add")}</h3>
        <QuotePicker
          lessons={lessons}
          search={search}
          reply={reply?.intent === "quote" && reply.lesson && reply.result ? { lesson: reply.lesson, result: reply.result } : null}
        />
      </section>
    </section>
  );
}
