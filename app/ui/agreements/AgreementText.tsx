import type { SerializeFrom } from "@remix-run/node";
import type { VersionView } from "../../domain/agreements/agreements.server";
import { formatDate, formatDay } from "../../i18n/dates";
import { RichText } from "../../richtext/RichText";
import { useLocale, useT } from "../i18n";

type Version = SerializeFrom<VersionView>;

/** The state of a version in words: being written, out for signing, or signed (with the date). */
export function VersionStatus({ version }: { version: Pick<Version, "status" | "signedAt" | "number"> }) {
  const t = useT();
  const locale = useLocale();
  if (version.status === "signed" && version.signedAt) {
    return <span className="badge badge-signed">{t("agreement.status.signedOn", { date: formatDate(version.signedAt, locale) })}</span>;
  }
  return <span className={`badge badge-${version.status}`}>{t(`agreement.status.${version.status}`)}</span>;
}

/**
 * A version's whole text: the shared vision, the numbered articles with the round themes they came from, and who
 * signed. The same on the team's page, a version's page, the signing page and on paper.
 */
export function AgreementText({ version, headingLevel = 2 }: { version: Version; headingLevel?: 2 | 3 }) {
  const t = useT();
  const H = `h${headingLevel}` as const;
  const Sub = `h${headingLevel + 1}` as "h3" | "h4";
  return (
    <div className="agreement-text">
      <section aria-labelledby={`vision-${version.number}`}>
        <H id={`vision-${version.number}`}>{t("agreement.vision")}</H>
        <RichText state={version.vision} />
      </section>
      <section aria-labelledby={`articles-${version.number}`}>
        <H id={`articles-${version.number}`}>{t("agreement.articles")}</H>
        {version.articles.length === 0 ? <p className="muted">{t("agreement.noArticles")}</p> : null}
        <ol className="agreement-articles">
          {version.articles.map((article) => (
            <li key={article.id} className="agreement-article">
              <Sub>{t("agreement.articleHeading", { number: article.number, title: article.title })}</Sub>
              <RichText state={article.body} />
              {article.sources.length ? (
                <p className="meta agreement-sources">
                  {t("agreement.sources")} {article.sources.map((source) => source.label).join(", ")}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

/** Who signs for each partner organisation, and who signed when. */
export function Signatories({ version, headingLevel = 2 }: { version: Version; headingLevel?: 2 | 3 }) {
  const t = useT();
  const locale = useLocale();
  const H = `h${headingLevel}` as const;
  return (
    <section aria-labelledby={`signatories-${version.number}`} className="agreement-signatories">
      <H id={`signatories-${version.number}`}>{t("agreement.signatories")}</H>
      {version.signatories.length === 0 ? <p className="muted">{t("agreement.noSignatories")}</p> : null}
      <ul className="plain-list">
        {version.signatories.map((signatory) => (
          <li key={signatory.organisationId} className="agreement-signatory">
            <strong>{signatory.organisationName}</strong>
            <br />
            {signatory.signature ? (
              <span>
                {t("agreement.signedBy", {
                  name: signatory.signature.name || t("agreement.nameErased"),
                  function: signatory.signature.function,
                  date: formatDay(signatory.signature.signedOn, locale),
                })}
              </span>
            ) : signatory.name ? (
              <span className="muted">{t("agreement.waitingFor", { name: signatory.name })}</span>
            ) : (
              <span className="muted">{t("agreement.nobodyNamed")}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
