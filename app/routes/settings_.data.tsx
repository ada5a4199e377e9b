import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/permissions.server";
import { openDepartures } from "~/domain/privacy/departures.server";
import { DepartureSection } from "~/ui/privacy/DepartureSection";
import { useT } from "~/ui/i18n";

export const meta: MetaFunction = () => [{ title: "Mijn gegevens · Leernetwerk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const open = await openDepartures(user);
  const teams = user.memberships.map(({ slug, name }) => ({ slug, name }));
  return json({ teams, open });
}

export default function SettingsData() {
  const t = useT();
  const { teams, open } = useLoaderData<typeof loader>();
  return (
    <section className="page-narrow">
      <p>
        <Link to="/settings">{t("dataExport.back")}</Link>
      </p>
      <h1>{t("dataExport.title")}</h1>
      <p className="lead">{t("dataExport.intro")}</p>

      <h2>{t("dataExport.contents")}</h2>
      <ul>
        <li>{t("dataExport.contents.profile")}</li>
        <li>{t("dataExport.contents.memberships")}</li>
        <li>{t("dataExport.contents.writing")}</li>
        <li>{t("dataExport.contents.sessions")}</li>
        <li>{t("dataExport.contents.events")}</li>
        <li>{t("dataExport.contents.account")}</li>
      </ul>
      <p>{t("dataExport.format")}</p>
      <p>{t("dataExport.notIncluded")}</p>

      {/* A plain link, not a Remix <Link>: the browser itself downloads the file. */}
      <p>
        <a href="/settings/data.zip" className="button button-primary" download aria-describedby="data-download-hint">
          {t("dataExport.download")}
        </a>
      </p>
      <p className="muted" id="data-download-hint">
        {t("dataExport.downloadHint")}
      </p>

      <DepartureSection teams={teams} open={open} />
    </section>
  );
}
