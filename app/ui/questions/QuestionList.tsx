import { Form, Link } from "@remix-run/react";
import { useLocale, useT } from "../i18n";
import { HarvestDates } from "./HarvestDates";

export type QuestionItem = {
  id: string;
  question: string;
  status: "proposed" | "active" | "archived";
  version: number;
  ownerName: string | null;
  proposedByName: string | null;
  themes: { id: string; name_nl: string; name_en: string }[];
  harvestDates: string[];
};

/** A facilitator's button on a question: posts the step with the version the page showed. */
function StepButton({ item, intent, label }: { item: QuestionItem; intent: string; label: string }) {
  return (
    <Form method="post">
      <input type="hidden" name="id" value={item.id} />
      <input type="hidden" name="version" value={item.version} />
      <button type="submit" name="intent" value={intent} className="button button-secondary">
        {label}
      </button>
    </Form>
  );
}

/** A list of learning questions with their themes, owner and harvest dates; facilitators get the steps. */
export function QuestionList({ items, manage, empty, reorder }: { items: QuestionItem[]; manage: boolean; empty: string; reorder?: boolean }) {
  const t = useT();
  const locale = useLocale();
  if (items.length === 0) return empty ? <p>{empty}</p> : null;
  return (
    <ol className="plain-list">
      {items.map((item, index) => (
        <li key={item.id} className="log-item">
          <h3>
            <Link to={item.id}>{item.question}</Link>
          </h3>
          <p className="meta">
            {item.themes.map((theme) => (
              <span key={theme.id} className="badge">
                {locale === "en" ? theme.name_en : theme.name_nl}
              </span>
            ))}
            <span>{item.ownerName ? t("questions.owner", { name: item.ownerName }) : t("questions.noOwner")}</span>
            {item.status === "proposed" && item.proposedByName ? <span>{t("questions.proposedBy", { name: item.proposedByName })}</span> : null}
            <HarvestDates days={item.harvestDates} />
          </p>
          {manage ? (
            <div className="actions">
              {item.status === "proposed" ? <StepButton item={item} intent="activate" label={t("questions.activate")} /> : null}
              {reorder && index > 0 ? <StepButton item={item} intent="up" label={t("questions.up")} /> : null}
              {reorder && index < items.length - 1 ? <StepButton item={item} intent="down" label={t("questions.down")} /> : null}
              {item.status !== "archived" ? <StepButton item={item} intent="archive" label={t("questions.archive")} /> : null}
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
