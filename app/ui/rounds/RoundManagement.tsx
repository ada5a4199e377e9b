import { Form } from "@remix-run/react";
import { formatDate } from "../../i18n/dates";
import { SubmitButton } from "../Button";
import { useLocale, useT } from "../i18n";
import { useGroupName, type RoundGroup } from "./Contributions";

/** The round's themes with how many contributions each holds, and how many shape an article. */
export function RoundThemes({ groups, shaping }: { groups: RoundGroup[]; shaping: number }) {
  const t = useT();
  const groupName = useGroupName();
  return (
    <section aria-labelledby="round-themes">
      <h2 id="round-themes">{t("round.themes.title")}</h2>
      {groups.length === 0 ? (
        <p className="muted">{t("round.themes.none")}</p>
      ) : (
        <ul className="inline-list">
          {groups.map((g) => (
            <li key={g.id}>
              <span className="badge">{groupName(g)}</span> {t("round.contributionCount", { count: g.count })}
            </li>
          ))}
        </ul>
      )}
      <p>{t("round.themes.shaping", { count: shaping })}</p>
    </section>
  );
}

/** The facilitator's part: the link for outsiders, the editors, and sharing the outcome with the network. */
export function RoundManagement({
  link,
  members,
  editors,
  outcomeSharedAt,
}: {
  link: string | null;
  members: { id: string; name: string }[];
  editors: string[];
  outcomeSharedAt: string | null;
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <section aria-labelledby="round-manage" className="card">
      <h2 id="round-manage">{t("round.manage.title")}</h2>
      {link ? (
        <>
          <h3>{t("round.manage.link")}</h3>
          <p className="field-hint">{t("round.manage.linkHint")}</p>
          <p>
            <a href={link}>{link}</a>
          </p>
        </>
      ) : null}
      <h3>{t("round.manage.editors")}</h3>
      {members.length === 0 ? (
        <p className="muted">{t("round.manage.noMembers")}</p>
      ) : (
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="editors" />
          <fieldset>
            <legend className="visually-hidden">{t("round.manage.editors")}</legend>
            <p className="field-hint">{t("round.manage.editorsHint")}</p>
            <div className="choice-grid">
              {members.map((m) => (
                <label className="choice" key={m.id} htmlFor={`editor-${m.id}`}>
                  <input type="checkbox" id={`editor-${m.id}`} name="editors" value={m.id} defaultChecked={editors.includes(m.id)} />
                  {m.name}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="actions">
            <SubmitButton variant="secondary">{t("round.manage.saveEditors")}</SubmitButton>
          </div>
        </Form>
      )}
      <h3>{t("round.manage.outcome")}</h3>
      <p className="field-hint">
        {outcomeSharedAt ? t("round.manage.sharedSince", { date: formatDate(outcomeSharedAt, locale) }) : t("round.manage.outcomeHint")}
      </p>
      <Form method="post">
        <input type="hidden" name="intent" value={outcomeSharedAt ? "unshare" : "share"} />
        <SubmitButton variant="secondary">{t(outcomeSharedAt ? "round.manage.unshare" : "round.manage.share")}</SubmitButton>
      </Form>
    </section>
  );
}
