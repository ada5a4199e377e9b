import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/permissions.server";
import { getCoalitionForEdit, updateCoalition } from "~/domain/admin/admin.server";
import { coalitionSchema } from "~/domain/coalitions/coalition-form";
import { BLANK_PARTNER_ROWS } from "~/domain/vocabulary";
import { CoalitionForm, type CoalitionFormValue } from "~/ui/coalitions/CoalitionForm";
import { setFlash } from "~/ui/flash.server";
import { useT } from "~/ui/i18n";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({ coalition: await getCoalitionForEdit(user, params.id) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const coalition = await getCoalitionForEdit(user, params.id); // admin only, and the coalition exists
  const submission = parseWithZod(await request.formData(), { schema: coalitionSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const result = await updateCoalition(user, coalition.id, submission.value);
  if (!result.ok) return json(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 });
  return redirect(`/admin/coalitions/${coalition.id}`, { headers: { "Set-Cookie": await setFlash("flash.saved") } });
}

export default function EditCoalition() {
  const t = useT();
  const { coalition } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const defaultValue: CoalitionFormValue = {
    name: coalition.name,
    slug: coalition.slug,
    place: coalition.place,
    description: coalition.description,
    partners: [
      ...coalition.partners.map((p) => ({ partnerId: p.id, name: p.name, kind: p.kind })),
      ...Array.from({ length: BLANK_PARTNER_ROWS }, () => ({})),
    ],
  };
  return (
    <section className="page-narrow">
      <p>
        <Link to="/admin">{t("admin.back")}</Link>
      </p>
      <h1>{t("admin.coalition.editTitle", { name: coalition.name })}</h1>
      <p>
        <Link to={`/admin/invitations?coalition=${coalition.id}`}>{t("admin.coalition.inviteFacilitator")}</Link>
      </p>
      {/* A fresh form after each save, so the saved state (and new blank rows) shows. */}
      <CoalitionForm
        key={JSON.stringify(defaultValue)}
        id="coalition-edit"
        defaultValue={defaultValue}
        lastResult={lastResult}
        submitLabel={t("form.save")}
      />
    </section>
  );
}
