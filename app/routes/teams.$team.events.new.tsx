import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireEventOrganiser, requireTeamReader, requireUser } from "~/auth/permissions.server";
import { eventFormDefaults, parseEventForm } from "~/domain/events/event-form";
import { createEvent } from "~/domain/events/events.server";
import { EventForm } from "~/ui/events/EventForm";
import { setFlash } from "~/ui/flash.server";
import { useT } from "~/ui/i18n";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Nieuwe bijeenkomst · ${data?.team.name ?? ""} · Leernetwerk` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const team = await requireTeamReader(user, params.team);
  requireEventOrganiser(user, team);
  return json({ team, defaults: eventFormDefaults() });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const team = await requireTeamReader(user, params.team);
  requireEventOrganiser(user, team);
  const { submission, description } = parseEventForm(await request.formData());
  if (submission.status !== "success") return json({ result: submission.reply(), description }, { status: 400 });
  const created = await createEvent(user, team, submission.value);
  return redirect(created.path, { headers: { "Set-Cookie": await setFlash("event.created") } });
}

export default function NewTeamEvent() {
  const t = useT();
  const { team, defaults } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const back = `/teams/${team.slug}/events`;
  return (
    <section>
      <p>
        <Link to={back}>{t("event.back")}</Link>
      </p>
      <h1>{t("event.new.title")}</h1>
      <p className="lead">{t("event.new.intro")}</p>
      <EventForm
        defaultValue={defaults}
        description={reply?.description ?? null}
        draftKey={`event:new:${team.slug}`}
        lastResult={reply?.result}
        submitLabel={t("event.new.submit")}
        cancelTo={back}
      />
    </section>
  );
}
