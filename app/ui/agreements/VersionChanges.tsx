import type { ArticleChange, SideBySide, VersionChanges as Changes, WordRun } from "../../domain/agreements/changes.server";
import { useT } from "../i18n";

function Words({ runs, mark }: { runs: WordRun[]; mark: "del" | "ins" }) {
  const Mark = mark;
  return (
    <p className="agreement-diff-text">
      {runs.map((run, index) => (run.marked ? <Mark key={index}>{run.text}</Mark> : <span key={index}>{run.text}</span>))}
    </p>
  );
}

function Pair({ pair, before, after }: { pair: SideBySide; before: string; after: string }) {
  return (
    <div className="side-by-side agreement-diff">
      <div>
        <p className="meta">{before}</p>
        <Words runs={pair.before} mark="del" />
      </div>
      <div>
        <p className="meta">{after}</p>
        <Words runs={pair.after} mark="ins" />
      </div>
    </div>
  );
}

function Change({ change, from, to }: { change: ArticleChange; from: number; to: number }) {
  const t = useT();
  const labels = { before: t("agreement.changes.versionLabel", { number: from }), after: t("agreement.changes.versionLabel", { number: to }) };
  if (change.kind === "added") {
    return (
      <li className="agreement-change">
        <h3>
          <span className="badge badge-added">{t("agreement.changes.added")}</span> {t("agreement.articleHeading", { number: change.after.number, title: change.after.title })}
        </h3>
        <p className="agreement-diff-text">
          <ins>{change.after.text}</ins>
        </p>
      </li>
    );
  }
  if (change.kind === "removed") {
    return (
      <li className="agreement-change">
        <h3>
          <span className="badge badge-removed">{t("agreement.changes.removed")}</span> {t("agreement.articleHeading", { number: change.before.number, title: change.before.title })}
        </h3>
        <p className="agreement-diff-text">
          <del>{change.before.text}</del>
        </p>
      </li>
    );
  }
  const title = change.title.after.map((run) => run.text).join("");
  return (
    <li className="agreement-change">
      <h3>
        <span className={`badge badge-${change.kind}`}>{t(`agreement.changes.${change.kind}`)}</span> {t("agreement.articleHeading", { number: change.after.number, title })}
      </h3>
      {change.kind === "changed" ? (
        <>
          {change.title.before.some((run) => run.marked) ? <Pair pair={change.title} {...labels} /> : null}
          <Pair pair={change.text} {...labels} />
        </>
      ) : null}
    </li>
  );
}

/** What changed against the previous version: the vision, then each article, side by side. */
export function VersionChanges({ changes, from, to }: { changes: Changes; from: number; to: number }) {
  const t = useT();
  return (
    <section aria-labelledby="changes-heading" className="agreement-changes">
      <h2 id="changes-heading">{t("agreement.changes.title", { from, to })}</h2>
      <p className="field-hint">{t("agreement.changes.legend")}</p>
      {changes.vision ? (
        <>
          <h3>{t("agreement.changes.vision")}</h3>
          <Pair pair={changes.vision} before={t("agreement.changes.versionLabel", { number: from })} after={t("agreement.changes.versionLabel", { number: to })} />
        </>
      ) : (
        <p>{t("agreement.changes.visionSame")}</p>
      )}
      <ol className="plain-list">
        {changes.articles.map((change) => (
          <Change key={change.key} change={change} from={from} to={to} />
        ))}
      </ol>
    </section>
  );
}
