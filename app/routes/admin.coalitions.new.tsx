import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { requireAdmin, requireUser } from "~/auth/permissions.server";
import { createCoalition } from "~/domain/admin/admin.server";
import { coalitionSchema } from "~/domain/coalitions/coalition-form";
import { BLANK_PARTNER_ROWS } from "~/domain/vocabulary";
import { CoalitionForm } from "~/ui/coalitions/CoalitionForm";
import { setFlash } from "~/ui/flash.server";
import { useT } from "~/ui/i18n";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireAdmin(user);
  return json(null);
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requireAdmin(user); // before reading the form: others learn nothing, not even what it expects
  const submission = parseWithZod(await request.formData(), { schema: coalitionSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const result = await createCoalition(user, submission.value);
  if (!result.ok) return json(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 });
  return redirect(`/admin/coalitions/${result.id}`, {
    headers: { "Set-Cookie": await setFlash("admin.coalition.created") },
  });
}

const blankRows = Array.from({ length: BLANK_PARTNER_ROWS + 1 }, () => ({}));

export default function NewCoalition() {
  const t = useT();
  const lastResult = useActionData<typeof action>();
  return (
    <section className="page-narrow">
      <p>
        <Link to="/admin">{t("admin.back")}</Link>
      </p>
      <h1>{t("admin.coalition.newTitle")}</h1>
      <CoalitionForm
        id="coalition-new"
        defaultValue={{ partners: blankRows }}
        lastResult={lastResult}
        submitLabel={t("admin.coalition.create")}
      />
    </section>
  );
}
