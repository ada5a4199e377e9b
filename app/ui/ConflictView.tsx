import type { ReactNode } from "react";
import { useT } from "./i18n";

/**
 * A stale save: the person's own version stays in the form (`mine`), the version saved in the meantime
 * is shown beside it (`theirs`), so they can merge and save again. Nothing is overwritten unseen.
 */
export function ConflictView({ title, body, mine, theirs }: { title: string; body: string; mine: ReactNode; theirs: ReactNode }) {
  const t = useT();
  return (
    <>
      <div className="form-error" role="alert">
        <p>
          <strong>{title}</strong>
        </p>
        <p>{body}</p>
      </div>
      <div className="side-by-side">
        <section aria-labelledby="mine-heading">
          <h2 id="mine-heading">{t("reflection.conflict.mine")}</h2>
          {mine}
        </section>
        <section aria-labelledby="theirs-heading" className="card">
          <h2 id="theirs-heading">{t("reflection.conflict.theirs")}</h2>
          {theirs}
        </section>
      </div>
    </>
  );
}
