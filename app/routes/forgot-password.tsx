import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { forgotSchema } from "~/auth/account-forms";
import { requestPasswordReset } from "~/domain/accounts/accounts.server";
import { SubmitButton } from "~/ui/Button";
import { Field } from "~/ui/Field";
import { useT } from "~/ui/i18n";

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: forgotSchema });
  if (submission.status !== "success") return json({ sent: false, result: submission.reply() }, { status: 400 });
  await requestPasswordReset(submission.value.email, request);
  return json({ sent: true, result: submission.reply({ resetForm: true }) });
}

export default function ForgotPassword() {
  const t = useT();
  const data = useActionData<typeof action>();
  const [form, fields] = useForm({ lastResult: data?.result });
  return (
    <section className="page-narrow">
      <h1>{t("forgot.title")}</h1>
      {data?.sent ? (
        <p className="flash" role="status">
          {t("forgot.sent")}
        </p>
      ) : (
        <>
          <p className="lead">{t("forgot.intro")}</p>
          <Form method="post" className="stack" {...getFormProps(form)}>
            <Field field={fields.email} label={t("login.email")}>
              <input {...getInputProps(fields.email, { type: "email" })} autoComplete="email" />
            </Field>
            <div className="actions">
              <SubmitButton>{t("forgot.submit")}</SubmitButton>
            </div>
          </Form>
        </>
      )}
    </section>
  );
}
