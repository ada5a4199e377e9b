import { Link } from "@remix-run/react";
import type { Perspective } from "../../../db/schema";
import { formatDay } from "../../i18n/dates";
import { useLocale, useT } from "../i18n";

export type ListedRound = {
  id: string;
  question: string;
  opensOn: string;
  closesOn: string;
  openToOutsiders: boolean;
  counts: { perspective: Perspective; count: number }[];
};

/** Contributions counted per perspective, each apart: "Bewoner 4 · Gemeente 1". */
export function PerspectiveCounts({ counts }: { counts: { perspective: Perspective; count: number }[] }) {
  const t = useT();
  return (
    <ul className="inline-list" aria-label={t("round.counts")}>
      {counts.map((c) => (
        <li key={c.perspective}>
          {t(`perspective.${c.perspective}`)}: <strong>{c.count}</strong>
        </li>
      ))}
    </ul>
  );
}

/** One group of rounds (open, coming or closed) as cards, or a line that says how the group fills. */
export function RoundList({ title, rounds, empty, base }: { title: string; rounds: ListedRound[]; empty: string; base: string }) {
  const t = useT();
  const locale = useLocale();
  const id = `rounds-${title.replace(/\W+/g, "-").toLowerCase()}`;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {rounds.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="cards">
          {rounds.map((round) => (
            <li className="card" key={round.id}>
              <h3>
                <Link to={`${base}/${round.id}`}>{round.question}</Link>
              </h3>
              <p className="meta">
                <span>{t("round.dates", { opens: formatDay(round.opensOn, locale), closes: formatDay(round.closesOn, locale) })}</span>
                {round.openToOutsiders ? <span className="badge">{t("round.outsidersBadge")}</span> : null}
              </p>
              <PerspectiveCounts counts={round.counts} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
