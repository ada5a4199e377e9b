import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { notFound, requireUser } from "~/auth/permissions.server";
import { agreementFacts, loadVersion, openAgreement, readableVersions } from "~/domain/agreements/agreements.server";
import { versionChanges } from "~/domain/agreements/changes.server";
import { AgreementText, Signatories, VersionStatus } from "~/ui/agreements/AgreementText";
import { VersionChanges } from "~/ui/agreements/VersionChanges";
import { useT } from "~/ui/i18n";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.teamName} · Samenwerkingsovereenkomst versie ${data.version.number}` : "Leernetwerk" },
];

// One version, whole and printable (the print stylesheet leaves out everything but the text and the signatures),
// with what changed against the version before it. Others than the team read only signed versions.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const reader = await openAgreement(user, params.team);
  const number = Number(params.n);
  const readable = readableVersions(reader, await agreementFacts(reader.team.id));
  if (!readable.includes(number)) throw notFound();
  const version = await loadVersion(reader.team.id, number);
  if (!version) throw notFound();
  const previousNumber = readable.filter((n) => n < number).sort((a, b) => b - a)[0];
  const previous = previousNumber ? await loadVersion(reader.team.id, previousNumber) : null;
  return json({
    team: { slug: reader.team.slug },
    teamName: reader.team.name,
    version,
    previousNumber: previous?.number ?? null,
    changes: previous ? versionChanges(previous, version) : null,
  });
}

export default function AgreementVersion() {
  const t = useT();
  const { team, teamName, version, previousNumber, changes } = useLoaderData<typeof loader>();
  return (
    <article className="agreement agreement-print">
      <p className="no-print">
        <Link to={`/teams/${team.slug}/agreement`}>{t("agreement.back")}</Link>
      </p>
      <h1>{t("agreement.printTitle", { team: teamName })}</h1>
      <p className="meta">
        <span>{t("agreement.versionNumber", { number: version.number })}</span>
        <VersionStatus version={version} />
      </p>
      <p className="field-hint no-print">{t("agreement.printHint")}</p>
      <AgreementText version={version} />
      {version.status !== "draft" ? <Signatories version={version} /> : null}
      {changes && previousNumber ? (
        <div className="no-print">
          <VersionChanges changes={changes} from={previousNumber} to={version.number} />
        </div>
      ) : null}
    </article>
  );
}
