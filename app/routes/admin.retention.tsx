import { getFormProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireAdmin, requireUser } from "~/auth/permissions.server";
import { clientAddressOf } from "~/domain/audit/audit.server";
import { monthsOf, retentionChoices } from "~/domain/privacy/retention-choices";
import { retentionSchema } from "~/domain/privacy/retention-form";
import { readRetention, setRetention } from "~/domain/privacy/retention.server";
import { SubmitButton } from "~/ui/Button";
import { Field } from "~/ui/Field";
import { setFlash } from "~/ui/flash.server";
import { useT } from "~/ui/i18n";

export const meta: MetaFunction = () => [{ title: "Bewaartermijn · Leernetwerk" }];

// /admin/retention — after how many months without a login an account is anonymised (default: never).
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json(await readRetention(user));
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requireAdmin(user); // before reading the form: others learn nothing, not even what it expects
  const submission = parseWithZod(await request.formData(), { schema: retentionSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  await setRetention(user, monthsOf(submission.value.months), clientAddressOf(context));
  return redirect("/admin/retention", { headers: { "Set-Cookie": await setFlash("audit.retention.saved") } });
}

export default function AdminRetention() {
  const t = useT();
  const { months, wouldAnonymise } = useLoaderData<typeof loader>();
  const [form, fields] = useForm({
    id: "retention",
    lastResult: useActionData<typeof action>(),
    defaultValue: { months: months === null ? "off" : String(months) },
  });
  return (
    <section className="page-narrow">
      <p>
        <Link to="/admin">{t("admin.back")}</Link>
      </p>
      <h1>{t("audit.retention.title")}</h1>
      <p className="lead">{t("audit.retention.intro")}</p>
      <p>{months === null ? t("audit.retention.summaryOff") : t("audit.retention.summaryOn", { months })}</p>
      <ul>
        {([12, 24, 36] as const).map((m) => (
          <li key={m}>{t("audit.retention.affected", { months: m, count: wouldAnonymise[m] })}</li>
        ))}
      </ul>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <Field field={fields.months} label={t("audit.retention.months")}>
          <select {...getSelectProps(fields.months)}>
            {retentionChoices.map((choice) => (
              <option key={choice} value={choice}>
                {choice === "off" ? t("audit.retention.off") : t("audit.retention.monthsOption", { months: choice })}
              </option>
            ))}
          </select>
        </Field>
        <div className="actions">
          <SubmitButton>{t("audit.retention.submit")}</SubmitButton>
        </div>
      </Form>
    </section>
  );
}
