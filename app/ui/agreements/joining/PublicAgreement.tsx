import { RichText } from "~/richtext/RichText";
import type { RichTextState } from "~/richtext/schema";
import { formatDate, formatDay } from "~/i18n/dates";
import { useLocale, useT } from "../../i18n";

type Article = { id: string; number: number; title: string; body?: unknown };
type Signature = { organisationName: string; name: string; function: string; signedOn: string };

/** The text of an agreement's version in force: the vision and the numbered articles. */
export function AgreementText({ vision, articles }: { vision?: unknown; articles: Article[] }) {
  const t = useT();
  return (
    <>
      <section aria-labelledby="vision-heading">
        <h2 id="vision-heading">{t("joining.public.vision")}</h2>
        <RichText state={vision as RichTextState} />
      </section>
      <section aria-labelledby="articles-heading">
        <h2 id="articles-heading">{t("joining.public.articles")}</h2>
        {articles.map((article) => (
          <article key={article.id} className="agreement-article" aria-labelledby={`article-${article.number}`}>
            <h3 id={`article-${article.number}`}>{t("joining.public.article", { number: article.number, title: article.title })}</h3>
            <RichText state={article.body as RichTextState} />
          </article>
        ))}
      </section>
    </>
  );
}

/** Who signed the version, for which partner, and on which day. */
export function Signatories({ signatures }: { signatures: Signature[] }) {
  const t = useT();
  const locale = useLocale();
  if (signatures.length === 0) return <p>{t("joining.public.noSignatures")}</p>;
  return (
    <ul className="plain-list">
      {signatures.map((s) => (
        <li key={`${s.organisationName}-${s.name}`}>
          <strong>{s.organisationName}</strong>: {s.name}, {s.function} · {t("joining.public.signedOn", { date: formatDay(s.signedOn, locale) })}
        </li>
      ))}
    </ul>
  );
}

/** The partners of the coalition, and the people who joined (named while their details are kept). */
export function Partners({ partners, people }: { partners: string[]; people: { named: string[]; unnamed: number } }) {
  const t = useT();
  return (
    <>
      <ul className="plain-list">
        {partners.map((name) => (
          <li key={name}>{name}</li>
        ))}
      </ul>
      {people.named.length || people.unnamed ? (
        <p>
          {people.named.length ? t("joining.public.peopleNamed", { names: people.named.join(", ") }) : null}{" "}
          {people.unnamed ? t("joining.public.peopleUnnamed", { count: people.unnamed }) : null}
        </p>
      ) : null}
    </>
  );
}

export function VersionLine({ number, signedAt }: { number: number; signedAt: string | Date | null }) {
  const t = useT();
  const locale = useLocale();
  return (
    <p className="muted">
      {signedAt ? t("joining.public.versionSigned", { number, date: formatDate(signedAt, locale) }) : t("joining.public.version", { number })}
    </p>
  );
}
