import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { resetSchema } from "~/auth/account-forms";
import { findPasswordReset, resetPassword } from "~/domain/accounts/accounts.server";
import { SubmitButton } from "~/ui/Button";
import { Field, FormErrors } from "~/ui/Field";
import { setFlash } from "~/ui/flash.server";
import { useT } from "~/ui/i18n";

export async function loader({ params }: LoaderFunctionArgs) {
  const reset = await findPasswordReset(params.token ?? "");
  return json({ valid: Boolean(reset) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: resetSchema });
  if (submission.status !== "success") {
    return json(submission.reply({ hideFields: ["password", "confirm"] }), { status: 400 });
  }
  const personId = await resetPassword(params.token ?? "", submission.value.password);
  if (!personId) {
    return json(submission.reply({ formErrors: ["reset.invalid"], hideFields: ["password", "confirm"] }), { status: 400 });
  }
  return redirect("/login", { headers: { "Set-Cookie": await setFlash("reset.done") } });
}

export default function ResetPassword() {
  const t = useT();
  const { valid } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({ lastResult });
  return (
    <section className="page-narrow">
      <h1>{t("reset.title")}</h1>
      {valid ? (
        <Form method="post" className="stack" {...getFormProps(form)}>
          <FormErrors errors={form.errors} />
          <Field field={fields.password} label={t("reset.password")} hint={t("reset.passwordHint")}>
            <input
              {...getInputProps(fields.password, { type: "password", ariaDescribedBy: fields.password.descriptionId })}
              autoComplete="new-password"
            />
          </Field>
          <Field field={fields.confirm} label={t("reset.confirm")}>
            <input {...getInputProps(fields.confirm, { type: "password" })} autoComplete="new-password" />
          </Field>
          <div className="actions">
            <SubmitButton>{t("reset.submit")}</SubmitButton>
          </div>
        </Form>
      ) : (
        <>
          <p>{t("reset.invalid")}</p>
          <p>
            <Link to="/forgot-password">{t("reset.again")}</Link>
          </p>
        </>
      )}
    </section>
  );
}
