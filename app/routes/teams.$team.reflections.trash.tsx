import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireMembership, requireUser } from "~/auth/permissions.server";
import { listTrash, restoreReflection } from "~/domain/reflections/reflections.server";
import { formatDateTime } from "~/i18n/dates";
import { SubmitButton } from "~/ui/Button";
import { setFlash } from "~/ui/flash.server";
import { useLocale, useT } from "~/ui/i18n";
import { VisibilityBadge } from "~/ui/Visibility";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const team = await requireMembership(user, params.team);
  return json({ team, items: await listTrash(user, team) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const team = await requireMembership(user, params.team);
  const id = String((await request.formData()).get("id") ?? "");
  await restoreReflection(user, team, id);
  return redirect(`/teams/${team.slug}/reflections/${id}`, { headers: { "Set-Cookie": await setFlash("trash.restored") } });
}

export default function Trash() {
  const t = useT();
  const locale = useLocale();
  const { team, items } = useLoaderData<typeof loader>();
  return (
    <section>
      <p>
        <Link to={`/teams/${team.slug}/reflections`}>{t("reflection.back")}</Link>
      </p>
      <h1>{t("trash.title")}</h1>
      <p className="lead">{t("trash.intro")}</p>
      {items.length === 0 ? <p>{t("trash.none")}</p> : null}
      <ul className="plain-list">
        {items.map((item) => (
          <li key={item.id} className="log-item">
            <h2>{item.title}</h2>
            <p className="meta">
              <VisibilityBadge visibility={item.visibility} />
              <span>{t("trash.deletedAt", { date: formatDateTime(item.deletedAt!, locale) })}</span>
            </p>
            <Form method="post">
              <input type="hidden" name="id" value={item.id} />
              <SubmitButton variant="secondary">{t("trash.restore")}</SubmitButton>
            </Form>
          </li>
        ))}
      </ul>
    </section>
  );
}
