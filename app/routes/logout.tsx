import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { getUser } from "~/auth/permissions.server";
import { endSession } from "~/auth/session.server";
import { recordAudit } from "~/domain/audit/audit.server";
import { SubmitButton } from "~/ui/Button";
import { setFlash } from "~/ui/flash.server";
import { useT } from "~/ui/i18n";

export async function action({ request }: ActionFunctionArgs) {
  const user = await getUser(request);
  const headers = new Headers();
  headers.append("Set-Cookie", await endSession(request));
  headers.append("Set-Cookie", await setFlash("logout.done"));
  if (user) await recordAudit({ kind: "logout", actorId: user.id, subjectId: user.id });
  return redirect("/login", { headers });
}

// Logging out changes state, so it is a form post; a link to /logout lands here.
export default function Logout() {
  const t = useT();
  return (
    <section className="page-narrow">
      <h1>{t("logout.title")}</h1>
      <Form method="post">
        <SubmitButton>{t("nav.logout")}</SubmitButton>
      </Form>
    </section>
  );
}
