import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/permissions.server";
import { parsePresentedForm } from "~/domain/events/event-form";
import { eventForOrganiser, hasStarted, linkPresented, networkItemsToPresent, registeredCount } from "~/domain/events/events.server";
import { eventListPath, organiserPath } from "~/domain/events/event-paths";
import type { RichTextState } from "~/richtext/schema";
import { EventOrganiserPage } from "~/ui/events/EventForm";
import { setFlash } from "~/ui/flash.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.event.title ?? ""} · Leernetwerk` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const event = await eventForOrganiser(user, params.team ?? null, params.id);
  const [registered, choices] = await Promise.all([
    registeredCount(event.id),
    hasStarted(event) ? networkItemsToPresent(event) : null,
  ]);
  return json({ event, registered, choices });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const event = await eventForOrganiser(user, params.team ?? null, params.id);
  const { submission, report } = parsePresentedForm(await request.formData(), event.report);
  if (submission.status !== "success") return json({ result: submission.reply(), report }, { status: 400 });
  const outcome = await linkPresented(user, params.team ?? null, params.id, submission.value);
  if (!outcome.ok) {
    const errors = outcome.field === "form" ? { formErrors: [outcome.message] } : { fieldErrors: { [outcome.field]: [outcome.message] } };
    return json({ result: submission.reply(errors), report }, { status: 400 });
  }
  return redirect(organiserPath(event), { headers: { "Set-Cookie": await setFlash("event.presented.saved") } });
}

/** A coalition's event, or (without a team in the address) a programme-wide one: see programme.events.$id._index.tsx. */
export default function EventForOrganisers() {
  const { event, registered, choices } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  return (
    <EventOrganiserPage
      event={event}
      registered={registered}
      backTo={eventListPath(event)}
      basePath={organiserPath(event)}
      choices={choices}
      lastResult={reply?.result}
      report={reply ? reply.report : (event.report as RichTextState | null)}
    />
  );
}
