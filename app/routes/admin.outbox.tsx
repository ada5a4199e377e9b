import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/permissions.server";
import { readOutbox } from "~/domain/admin/admin.server";
import { formatDateTime } from "~/i18n/dates";
import { useLocale, useT } from "~/ui/i18n";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({ messages: await readOutbox(user) });
}

export default function AdminOutbox() {
  const t = useT();
  const locale = useLocale();
  const { messages } = useLoaderData<typeof loader>();
  return (
    <section>
      <p>
        <Link to="/admin">{t("admin.back")}</Link>
      </p>
      <h1>{t("admin.outbox.title")}</h1>
      <p className="lead">{t("admin.outbox.intro")}</p>
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
              </dl>
              <pre className="mail">{m.body_text}</pre>
            </article>
          </li>
        ))}
      </ol>
    </section>
  );
}
