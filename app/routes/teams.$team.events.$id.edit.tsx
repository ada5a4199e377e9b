import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/permissions.server";
import { eventFormDefaults, parseEventForm } from "~/domain/events/event-form";
import { eventForOrganiser, registeredCount, updateEvent } from "~/domain/events/events.server";
import { organiserPath } from "~/domain/events/event-paths";
import type { RichTextState } from "~/richtext/schema";
import { EventEditor } from "~/ui/events/EventForm";
import { setFlash } from "~/ui/flash.server";
import { useT } from "~/ui/i18n";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.event.title ?? ""} · Leernetwerk` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const event = await eventForOrganiser(user, params.team ?? null, params.id);
  return json({ event, defaults: eventFormDefaults(event), registered: await registeredCount(event.id) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const event = await eventForOrganiser(user, params.team ?? null, params.id);
  const { submission, description, version } = parseEventForm(await request.formData(), event.description);
  if (submission.status !== "success") return json({ result: submission.reply(), description, current: null }, { status: 400 });
  const outcome = await updateEvent(user, params.team ?? null, params.id, version, submission.value, new URL(request.url).origin);
  if (outcome.status === "capacityBelowRegistered") {
    const result = submission.reply({ fieldErrors: { capacity: ["event.error.capacityBelowRegistered"] } });
    return json({ result, description, current: null }, { status: 400 });
  }
  if (outcome.status === "conflict") {
    // Someone saved in between: show both versions; saving again starts from theirs.
    return json({ result: submission.reply(), description, current: outcome.current }, { status: 409 });
  }
  return redirect(organiserPath(event), { headers: { "Set-Cookie": await setFlash("event.saved") } });
}

/** Also the edit page of a programme-wide event: see programme.events.$id.edit.tsx. */
export default function EditEvent() {
  const t = useT();
  const { event, defaults, registered } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const back = organiserPath(event);
  return (
    <section>
      <p>
        <Link to={back}>{event.title}</Link>
      </p>
      <h1>{t("event.edit.title")}</h1>
      <EventEditor
        event={event}
        current={reply?.current ?? null}
        defaults={defaults}
        lastResult={reply?.result}
        description={reply ? reply.description : (event.description as RichTextState)}
        registered={registered}
        cancelTo={back}
      />
    </section>
  );
}
