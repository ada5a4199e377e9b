import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireAdmin, requireUser } from "~/auth/permissions.server";
import { readOutbox, sendMailAgain } from "~/domain/admin/admin.server";
import { clientAddressOf } from "~/domain/audit/audit.server";
import { formatDateTime } from "~/i18n/dates";
import { setFlash } from "~/ui/flash.server";
import { useLocale, useT } from "~/ui/i18n";

// /admin/outbox — every mail with its state (kept, queued, sent, failed); a failed one can be sent again.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json(await readOutbox(user));
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requireAdmin(user); // before reading the form: others learn nothing, not even what it expects
  const mail = (await request.formData()).get("mail");
  await sendMailAgain(user, typeof mail === "string" ? mail : "", clientAddressOf(context));
  return redirect("/admin/outbox", { headers: { "Set-Cookie": await setFlash("admin.outbox.sentAgain") } });
}

export default function AdminOutbox() {
  const t = useT();
  const locale = useLocale();
  const { messages, showText } = useLoaderData<typeof loader>();
  return (
    <section>
      <p>
        <Link to="/admin">{t("admin.back")}</Link>
      </p>
      <h1>{t("admin.outbox.title")}</h1>
      <p className="lead">{showText ? t("admin.outbox.intro") : t("admin.outbox.introSending")}</p>
      {messages.length === 0 ? <p>{t("admin.outbox.none")}</p> : null}
      <ol className="plain-list stack">
        {messages.map((m) => (
          <li key={m.id}>
            <article className="card" aria-labelledby={`mail-${m.id}`}>
              <h2 id={`mail-${m.id}`}>{m.subject}</h2>
              <dl className="mail-meta">
                <dt>{t("admin.outbox.to")}</dt>
                <dd>{m.to_address}</dd>
                <dt>{t("admin.outbox.time")}</dt>
                <dd>
                  <time dateTime={new Date(m.created_at).toISOString()}>{formatDateTime(m.created_at, locale)}</time>
                </dd>
                <dt>{t("admin.outbox.state")}</dt>
                <dd>
                  <span className={`badge${m.state === "failed" ? " badge-off" : ""}`}>{t(`admin.outbox.state.${m.state}`)}</span>
                </dd>
                {m.attempts > 0 ? (
                  <>
                    <dt>{t("admin.outbox.attempts")}</dt>
                    <dd>{m.attempts}</dd>
                  </>
                ) : null}
                {m.last_error && !m.sent_at ? (
                  <>
                    <dt>{t("admin.outbox.reason")}</dt>
                    <dd>{m.last_error}</dd>
                  </>
                ) : null}
              </dl>
              {m.state === "failed" ? (
                <Form method="post">
                  <input type="hidden" name="mail" value={m.id} />
                  <button type="submit" className="button button-secondary">
                    {t("admin.outbox.sendAgain")}
                    <span className="visually-hidden">: {m.subject}</span>
                  </button>
                </Form>
              ) : null}
              {m.body_text !== null ? <pre className="mail">{m.body_text}</pre> : null}
            </article>
          </li>
        ))}
      </ol>
    </section>
  );
}
