import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireMembership, requireUser } from "~/auth/permissions.server";
import { listLessonTrash, restoreLesson } from "~/domain/lessons/lessons.server";
import { formatDateTime } from "~/i18n/dates";
import { SubmitButton } from "~/ui/Button";
import { setFlash } from "~/ui/flash.server";
import { useLocale, useT } from "~/ui/i18n";
import { VisibilityBadge } from "~/ui/Visibility";
import { usePersonName } from "~/ui/PersonName";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const team = await requireMembership(user, params.team);
  return json({ team, items: await listLessonTrash(user, team) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const team = await requireMembership(user, params.team);
  const id = String((await request.formData()).get("id") ?? "");
  await restoreLesson(user, team, id);
  return redirect(`/teams/${team.slug}/lessons/${id}`, { headers: { "Set-Cookie": await setFlash("lesson.restored") } });
}

export default function LessonTrash() {
  const t = useT();
  const personName = usePersonName();
  const locale = useLocale();
  const { team, items } = useLoaderData<typeof loader>();
  return (
    <section>
      <p>
        <Link to={`/teams/${team.slug}/lessons`}>{t("lesson.back")}</Link>
      </p>
      <h1>{t("trash.title")}</h1>
      <p className="lead">{t("lesson.trash.intro")}</p>
      {items.length === 0 ? <p>{t("trash.none")}</p> : null}
      <ul className="plain-list">
        {items.map((item) => (
          <li key={item.id} className="log-item">
            <h2>{item.statement}</h2>
            <p className="meta">
              <VisibilityBadge visibility={item.visibility} />
              <span>{t("lesson.trash.by", { name: personName(item.authorName) })}</span>
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
