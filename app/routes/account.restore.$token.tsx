import { redirect, json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { findAccountRestore, restoreAccount } from "~/domain/privacy/departures.server";
import { SubmitButton } from "~/ui/Button";
import { setFlash } from "~/ui/flash.server";
import { useT } from "~/ui/i18n";

export const meta: MetaFunction = () => [{ title: "Leernetwerk" }];

// The link from the e-mail sent on deleting an account: a GET only shows what it will do (mail scanners open
// links), the button undoes the deletion.
export async function loader({ params }: LoaderFunctionArgs) {
  const found = await findAccountRestore(params.token ?? "");
  return json({ email: found?.email ?? null }, { status: found ? 200 : 404 });
}

export async function action({ params }: ActionFunctionArgs) {
  const email = await restoreAccount(params.token ?? "");
  if (!email) return json({ email: null }, { status: 404 });
  return redirect("/login", {
    headers: { "Set-Cookie": await setFlash("departures.restore.done") },
  });
}

export default function RestoreAccount() {
  const t = useT();
  const { email } = useLoaderData<typeof loader>();
  return (
    <section className="page-narrow stack">
      <h1>{t("departures.restore.title")}</h1>
      {email ? (
        <>
          <p>{t("departures.restore.intro", { email })}</p>
          <Form method="post">
            <SubmitButton>{t("departures.restore.submit")}</SubmitButton>
          </Form>
        </>
      ) : (
        <p>{t("departures.restore.invalid")}</p>
      )}
    </section>
  );
}
