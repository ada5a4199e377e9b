import { parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { requireFunder, requireUser } from "~/auth/permissions.server";
import { publicationSchema } from "~/domain/publications/publication-form";
import { createPublication } from "~/domain/publications/publications.server";
import { withRichTextFromTextarea } from "~/richtext/form-data";
import { parseRichTextJson } from "~/richtext/schema";
import { redirectWithFlash } from "~/ui/form-answer.server";
import { useT } from "~/ui/i18n";
import { PublicationForm } from "~/ui/publications/PublicationForm";

export const meta: MetaFunction = () => [{ title: "Nieuwe publicatie · Programma · Leernetwerk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  requireFunder(await requireUser(request));
  return json({});
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requireFunder(user);
  const formData = withRichTextFromTextarea(await request.formData(), "body");
  const submission = parseWithZod(formData, { schema: publicationSchema });
  if (submission.status !== "success") {
    const body = parseRichTextJson(String(formData.get("body") ?? ""));
    return json({ result: submission.reply(), body: body.ok ? body.value : null }, { status: 400 });
  }
  const { id } = await createPublication(user, submission.value);
  return redirectWithFlash(`/programme/publications/${id}`, "publication.saved");
}

export default function NewPublication() {
  const t = useT();
  const reply = useActionData<typeof action>();
  return (
    <section>
      <p>
        <Link to="/programme/publications">{t("publications.title")}</Link>
      </p>
      <h1>{t("publications.new")}</h1>
      <p className="lead">{t("publication.newIntro")}</p>
      <PublicationForm
        defaultValue={{ kind: "newsletter", title: "", summary: "" }}
        body={reply?.body ?? null}
        draftKey="publication:new"
        lastResult={reply?.result}
      />
    </section>
  );
}
