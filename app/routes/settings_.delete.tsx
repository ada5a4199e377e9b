import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/permissions.server";
import { endSession } from "~/auth/session.server";
import { choicesAsSent, choicesFrom } from "~/domain/privacy/departure-choices";
import { deleteAccountSchema } from "~/domain/privacy/departure-form";
import { deleteAccount, whatDeparts } from "~/domain/privacy/departures.server";
import { translator } from "~/i18n/dictionaries.server";
import { DepartureForm } from "~/ui/privacy/DepartureForm";
import { setFlash } from "~/ui/flash.server";
import { useT } from "~/ui/i18n";

export const meta: MetaFunction = () => [{ title: "Leernetwerk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const departing = await whatDeparts(user.id, null);
  return json({ departing, isAdmin: user.accountRole === "admin" });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const chosen = choicesAsSent(formData);
  const submission = parseWithZod(formData, { schema: deleteAccountSchema });
  const hide = { hideFields: ["password"] };
  if (submission.status !== "success") return json({ result: submission.reply(hide), chosen }, { status: 400 });
  const { password, comments } = submission.value;
  const outcome = await deleteAccount(user, password, { items: choicesFrom(formData), comments }, request);
  if (!outcome.ok) {
    const message = translator(user.language)(outcome.message, outcome.vars);
    const errors = outcome.field ? { fieldErrors: { [outcome.field]: [message] } } : { formErrors: [message] };
    return json({ result: submission.reply({ ...errors, ...hide }), chosen }, { status: 400 });
  }
  const headers = new Headers();
  headers.append("Set-Cookie", await endSession(request));
  headers.append("Set-Cookie", await setFlash("departures.delete.done"));
  return redirect("/login", { headers });
}

export default function DeleteAccount() {
  const t = useT();
  const { departing, isAdmin } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  return (
    <section className="page-narrow stack">
      <p>
        <Link to="/settings/data">{t("dataExport.title")}</Link>
      </p>
      <h1>{t("departures.delete.title")}</h1>
      {isAdmin ? (
        <p>{t("departures.adminCannotDelete")}</p>
      ) : (
        <>
          <p>{t("departures.delete.intro")}</p>
          <DepartureForm
            departing={departing}
            lastResult={reply?.result}
            chosen={reply?.chosen}
            confirmLabel={t("departures.delete.confirm")}
            submitLabel={t("departures.delete.submit")}
            askPassword
            showCoalition
          />
        </>
      )}
    </section>
  );
}
