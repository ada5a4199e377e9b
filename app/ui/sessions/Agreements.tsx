import { confidentialityAgreements } from "../../domain/sessions/intervision-methods";
import { useLocale, useT } from "../i18n";

/** The agreements on confidentiality that every session's opening repeats, in the same words everywhere. */
export function ConfidentialityAgreements({ level }: { level: "h2" | "h3" | "h4" }) {
  const t = useT();
  const locale = useLocale();
  const Heading = level;
  return (
    <section className="agreements" aria-labelledby={`agreements-${level}`}>
      <Heading id={`agreements-${level}`}>{t("method.agreements.title")}</Heading>
      <ol>
        {confidentialityAgreements.map((agreement) => (
          <li key={agreement.nl}>{agreement[locale]}</li>
        ))}
      </ol>
    </section>
  );
}
