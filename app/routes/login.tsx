import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { loginSchema } from "~/auth/account-forms";
import { getUser } from "~/auth/permissions.server";
import { safeRedirect } from "~/auth/redirect.server";
import { startSession } from "~/auth/session.server";
import { authenticate, homePath } from "~/domain/accounts/accounts.server";
import { isDemoProgramme } from "~/domain/programme/demo-programme.server";
import { SubmitButton } from "~/ui/Button";
import { DemoNotice } from "~/ui/DemoNotice";
import { Field, FormErrors } from "~/ui/Field";
import { useT } from "~/ui/i18n";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  if (user) throw redirect(homePath(user));
  return json({ demo: await isDemoProgramme() });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: loginSchema });
  if (submission.status !== "success") {
    return json(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const { email, password, redirectTo } = submission.value;
  const result = await authenticate(email, password, context.clientAddress ?? "unknown");
  if (!result.ok) {
    const message = result.reason === "throttled" ? "login.throttled" : "login.invalid";
    return json(submission.reply({ formErrors: [message], hideFields: ["password"] }), { status: 400 });
  }
  const setCookie = await startSession(result.personId, request);
  return redirect(safeRedirect(redirectTo), { headers: { "Set-Cookie": setCookie } });
}

export default function Login() {
  const t = useT();
  const { demo } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm({ lastResult });
  return (
    <section className="page-narrow">
      <h1>{t("login.title")}</h1>
      <p className="lead">{t("login.intro")}</p>
      {demo ? <DemoNotice /> : null}
      <Form method="post" className="stack" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? "/"} />
        <Field field={fields.email} label={t("login.email")}>
          <input {...getInputProps(fields.email, { type: "email" })} autoComplete="username" />
        </Field>
        <Field field={fields.password} label={t("login.password")}>
          <input {...getInputProps(fields.password, { type: "password" })} autoComplete="current-password" />
        </Field>
        <div className="actions">
          <SubmitButton>{t("login.submit")}</SubmitButton>
          <Link to="/forgot-password">{t("login.forgot")}</Link>
        </div>
      </Form>
      <p className="muted">
        <Link to="/open">{t("open.loginLink")}</Link>
      </p>
    </section>
  );
}
