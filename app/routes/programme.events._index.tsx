import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/permissions.server";
import { listProgrammeEvents } from "~/domain/events/events.server";
import { EventAgenda } from "~/ui/events/EventAgenda";
import { useT } from "~/ui/i18n";

export const meta: MetaFunction = () => [{ title: "Bijeenkomsten · Programma · Leernetwerk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json(await listProgrammeEvents(user));
}

export default function ProgrammeEvents() {
  const t = useT();
  const { coming, past, canOrganise } = useLoaderData<typeof loader>();
  return (
    <section>
      <p>
        <Link to="/programme">{t("nav.programme")}</Link>
      </p>
      <h1>{t("event.list.programmeTitle")}</h1>
      <p className="lead">{t("event.list.programmeIntro")}</p>
      <EventAgenda coming={coming} past={past} canOrganise={canOrganise} organiserBase="/programme/events" />
    </section>
  );
}
