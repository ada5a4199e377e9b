import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireAdmin, requireUser } from "~/auth/permissions.server";
import { accountSchema } from "~/domain/admin/admin-forms";
import { deactivateAccount, listAccounts, reactivateAccount } from "~/domain/admin/admin.server";
import { formatDate } from "~/i18n/dates";
import { FormErrors } from "~/ui/Field";
import { setFlash } from "~/ui/flash.server";
import { useLocale, useT } from "~/ui/i18n";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({ accounts: await listAccounts(user) });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requireAdmin(user); // before reading the form: others learn nothing, not even what it expects
  const submission = parseWithZod(await request.formData(), { schema: accountSchema });
  if (submission.status !== "success") {
    return json(submission.reply({ formErrors: ["admin.accounts.invalid"] }), { status: 400 });
  }
  const { intent, personId } = submission.value;
  if (intent === "reactivate") {
    await reactivateAccount(user, personId);
    return redirect("/admin/accounts", { headers: { "Set-Cookie": await setFlash("admin.accounts.reactivated") } });
  }
  const result = await deactivateAccount(user, personId);
  if (!result.ok) return json(submission.reply({ formErrors: ["admin.accounts.notSelf"] }), { status: 400 });
  return redirect("/admin/accounts", { headers: { "Set-Cookie": await setFlash("admin.accounts.deactivated") } });
}

export default function AdminAccounts() {
  const t = useT();
  const locale = useLocale();
  const { accounts } = useLoaderData<typeof loader>();
  const [form] = useForm({ id: "accounts", lastResult: useActionData<typeof action>() });
  return (
    <section>
      <p>
        <Link to="/admin">{t("admin.back")}</Link>
      </p>
      <h1>{t("admin.accounts.title")}</h1>
      <p className="lead">{t("admin.accounts.intro")}</p>
      <FormErrors errors={form.errors} />
      <table className="stack-table">
          <caption className="muted">{t("admin.accounts.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("admin.accounts.nameAndEmail")}</th>
              <th scope="col">{t("admin.accounts.role")}</th>
              <th scope="col">{t("admin.accounts.coalitions")}</th>
              <th scope="col">{t("admin.accounts.status")}</th>
              <th scope="col">{t("admin.accounts.action")}</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <tr key={a.id}>
                <th scope="row">
                  {a.name}
                  <span className="email">{a.email}</span>
                </th>
                <td data-label={t("admin.accounts.role")}>{t(`accountRole.${a.accountRole}`)}</td>
                <td data-label={t("admin.accounts.coalitions")}>
                  {a.memberships.length === 0
                    ? t("admin.accounts.noCoalitions")
                    : a.memberships
                        .map((m) => t("admin.accounts.membership", { coalition: m.coalition, role: t(`role.${m.role}`) }))
                        .join(", ")}
                </td>
                <td data-label={t("admin.accounts.status")}>
                  {a.deactivatedAt ? (
                    <span className="badge badge-off">
                      {t("admin.accounts.deactivatedSince", { date: formatDate(a.deactivatedAt, locale) })}
                    </span>
                  ) : (
                    t("admin.accounts.active")
                  )}
                </td>
                <td>
                  {a.isSelf ? (
                    <span className="muted">{t("admin.accounts.you")}</span>
                  ) : (
                    <Form method="post">
                      <input type="hidden" name="personId" value={a.id} />
                      <input type="hidden" name="intent" value={a.deactivatedAt ? "reactivate" : "deactivate"} />
                      <button type="submit" className={`button ${a.deactivatedAt ? "button-secondary" : "button-danger"}`}>
                        {a.deactivatedAt ? t("admin.accounts.reactivate") : t("admin.accounts.deactivate")}
                        <span className="visually-hidden">: {a.name}</span>
                      </button>
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
      </table>
    </section>
  );
}
