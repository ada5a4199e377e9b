import { RichText } from "~/richtext/RichText";
import type { RichTextState } from "~/richtext/schema";
import { formatDate, formatDay } from "~/i18n/dates";
import { useLocale, useT } from "../../i18n";
import { TableScroll } from "../../TableScroll";

type Round = {
  id: string;
  question: string;
  opensOn: string;
  closesOn: string;
  shared: boolean;
  counts: { perspective: string; count: number }[];
  texts: { id: string; perspective: string; body: string }[];
};

export type CoalitionAgreement = {
  slug: string;
  name: string;
  latest: { number: number; status: "draft" | "proposed" | "signed" } | null;
  inForce: { number: number; signedAt: string | null; signatures: { organisationName: string; name: string; function: string; signedOn: string }[] } | null;
  openRequests: number;
  rounds: Round[];
};

/** One coalition: its agreement's state, who signed, open requests (a count) and its input rounds. */
export function CoalitionAgreementCard({ coalition }: { coalition: CoalitionAgreement }) {
  const t = useT();
  const locale = useLocale();
  const { latest, inForce } = coalition;
  return (
    <section className="card" aria-labelledby={`coalition-${coalition.slug}`}>
      <h2 id={`coalition-${coalition.slug}`}>{coalition.name}</h2>
      <p>
        {!latest
          ? t("joining.programme.none")
          : inForce
            ? t("joining.programme.inForce", { number: inForce.number, date: inForce.signedAt ? formatDate(inForce.signedAt, locale) : "" })
            : t("joining.programme.notInForce")}
        {latest && (!inForce || latest.number !== inForce.number)
          ? ` ${t("joining.programme.latest", { number: latest.number, status: t(`joining.status.${latest.status}`) })}`
          : null}
      </p>
      {inForce && inForce.signatures.length ? (
        <ul className="plain-list">
          {inForce.signatures.map((s) => (
            <li key={`${s.organisationName}-${s.name}`}>
              {s.organisationName}: {s.name}, {s.function} · {formatDay(s.signedOn, locale)}
            </li>
          ))}
        </ul>
      ) : null}
      <p>{t("joining.programme.openRequests", { count: coalition.openRequests })}</p>
      <h3>{t("joining.programme.rounds")}</h3>
      {coalition.rounds.length === 0 ? <p className="muted">{t("joining.programme.noRounds")}</p> : null}
      {coalition.rounds.map((round) => (
        <div key={round.id}>
          <h4>{round.question}</h4>
          <p className="muted">
            {formatDay(round.opensOn, locale)} – {formatDay(round.closesOn, locale)} ·{" "}
            {round.shared ? t("joining.programme.shared") : t("joining.programme.notShared")}
          </p>
          <TableScroll label={t("joining.programme.countsLabel", { question: round.question })}>
            <table>
              <thead>
                <tr>
                  {round.counts.map((c) => (
                    <th key={c.perspective} scope="col">
                      {t(`perspective.${c.perspective as "resident"}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <tr>
                  {round.counts.map((c) => (
                    <td key={c.perspective}>{c.count}</td>
                  ))}
                </tr>
              </tbody>
            </table>
          </TableScroll>
          {round.texts.length ? (
            <ul className="plain-list">
              {round.texts.map((text) => (
                <li key={text.id}>
                  <span className="badge">{t(`perspective.${text.perspective as "resident"}`)}</span> {text.body}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ))}
    </section>
  );
}

/** Each coalition's articles that came from a round theme with the chosen programme theme. */
export function ArticlesByTheme({
  coalitions,
}: {
  coalitions: { slug: string; name: string; themeArticles: { id: string; number: number; title: string; body?: unknown }[] }[];
}) {
  const t = useT();
  const withArticles = coalitions.filter((c) => c.themeArticles.length > 0);
  if (withArticles.length === 0) return <p className="empty-state">{t("joining.programme.compare.none")}</p>;
  return (
    <>
      {withArticles.map((coalition) => (
        <section key={coalition.slug} aria-labelledby={`theme-${coalition.slug}`}>
          <h3 id={`theme-${coalition.slug}`}>{coalition.name}</h3>
          {coalition.themeArticles.map((article) => (
            <article key={article.id} className="agreement-article">
              <h4>{t("joining.public.article", { number: article.number, title: article.title })}</h4>
              <RichText state={article.body as RichTextState} />
            </article>
          ))}
        </section>
      ))}
    </>
  );
}
