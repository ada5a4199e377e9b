import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireEventOrganiser, requireUser } from "~/auth/permissions.server";
import { eventFormDefaults, parseEventForm } from "~/domain/events/event-form";
import { createEvent } from "~/domain/events/events.server";
import { EventForm } from "~/ui/events/EventForm";
import { setFlash } from "~/ui/flash.server";
import { useT } from "~/ui/i18n";

export const meta: MetaFunction = () => [{ title: "Nieuwe bijeenkomst · Programma · Leernetwerk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireEventOrganiser(user, null);
  return json({ defaults: eventFormDefaults() });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requireEventOrganiser(user, null);
  const { submission, description } = parseEventForm(await request.formData());
  if (submission.status !== "success") return json({ result: submission.reply(), description }, { status: 400 });
  const created = await createEvent(user, null, submission.value);
  return redirect(created.path, { headers: { "Set-Cookie": await setFlash("event.created") } });
}

export default function NewProgrammeEvent() {
  const t = useT();
  const { defaults } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  return (
    <section>
      <p>
        <Link to="/programme/events">{t("event.back")}</Link>
      </p>
      <h1>{t("event.new.title")}</h1>
      <p className="lead">{t("event.new.intro")}</p>
      <EventForm
        defaultValue={defaults}
        description={reply?.description ?? null}
        draftKey="event:new:programme"
        lastResult={reply?.result}
        submitLabel={t("event.new.submit")}
        cancelTo="/programme/events"
      />
    </section>
  );
}
