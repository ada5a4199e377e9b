import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { clientAddressOf } from "~/domain/audit/audit.server";
import { unsubscribe, unsubscribeTarget } from "~/domain/notifications/preferences.server";
import { SubmitButton } from "~/ui/Button";
import { useT } from "~/ui/i18n";

// The link at the bottom of every notification mail. Mail scanners open links, so opening it changes nothing:
// the page asks, and only the button (or a mail provider's RFC 8058 one-click POST) switches the mail off.

export const meta: MetaFunction = () => [{ title: "Afmelden · Leernetwerk" }, { name: "robots", content: "noindex" }];

export async function loader({ params }: LoaderFunctionArgs) {
  const target = await unsubscribeTarget(params.token);
  return json({ kind: target?.kind ?? null }, { status: target ? 200 : 404 });
}

export async function action({ params, context }: ActionFunctionArgs) {
  const done = await unsubscribe(params.token, clientAddressOf(context));
  return json({ kind: done?.kind ?? null }, { status: done ? 200 : 404 });
}

export default function Unsubscribe() {
  const t = useT();
  const { kind } = useLoaderData<typeof loader>();
  const done = useActionData<typeof action>();
  const settings = (
    <p>
      <Link to="/settings/notifications">{t("notifications.unsubscribe.settings")}</Link>
    </p>
  );
  if (!kind) {
    return (
      <section className="page-narrow">
        <h1>{t("notifications.unsubscribe.title")}</h1>
        <p>{t("notifications.unsubscribe.unknown")}</p>
        {settings}
      </section>
    );
  }
  const kindName = t(`notifications.kind.${kind}`).toLowerCase();
  return (
    <section className="page-narrow">
      <h1>{t("notifications.unsubscribe.title")}</h1>
      {done?.kind ? (
        <p role="status">{t("notifications.unsubscribe.done", { kind: kindName })}</p>
      ) : (
        <>
          <p>{t("notifications.unsubscribe.question", { kind: kindName })}</p>
          <Form method="post">
            <SubmitButton>{t("notifications.unsubscribe.button")}</SubmitButton>
          </Form>
        </>
      )}
      {settings}
    </section>
  );
}
