import type { Readers as ReadersList, ReaderGroup } from "../domain/coalitions/readers.server";
import type { Translate } from "../i18n/i18n";
import { Avatar } from "./Avatar";
import { useT } from "./i18n";

// "Who can read this?" beside an item's visibility: a native <details>, so it opens without JavaScript and
// from the keyboard. The list comes from readersOf (readers.server.ts), asked of the page's own permission rule.

function groupLabel(group: ReaderGroup, t: Translate): string {
  return group.kind === "coalition" ? group.name : t(`readers.group.${group.kind}`);
}

function summaryOf(readers: ReadersList, t: Translate): string {
  if (readers.scope === "anyone") return t("readers.anyone");
  const people = t("readers.people", { count: readers.total });
  if (readers.scope === "signedIn") return t("readers.signedIn", { people });
  if (readers.scope === "programme") {
    const coalitions = t("readers.coalitions", { count: readers.coalitions });
    const withFunder = readers.groups.some((group) => group.kind === "funder");
    return t(withFunder ? "readers.programme" : "readers.programme.noFunder", { coalitions, people });
  }
  if (readers.total === 0) return t("readers.nobody");
  if (readers.groups.every((group) => group.kind === "participants")) return t("readers.participants", { people });
  if (onlyYou(readers)) return t("readers.onlyYou");
  return t("readers.listed", { people });
}

/** The viewer alone (their private item): "Only you" says it all, without a list of one. */
function onlyYou(readers: ReadersList): boolean {
  return readers.scope === "people" && readers.total === 1 && readers.groups[0].kind !== "participants" && readers.groups[0].people[0].you;
}

export function Readers({ readers }: { readers: ReadersList }) {
  const t = useT();
  const groups = readers.scope === "anyone" ? [] : readers.groups;
  return (
    <details className="readers">
      <summary>{t("readers.toggle")}</summary>
      <p>{summaryOf(readers, t)}</p>
      {groups.length && !onlyYou(readers) ? (
        <dl className="readers-groups">
          {groups.map((group) => (
            <div key={group.kind === "coalition" ? group.id : group.kind}>
              <dt>
                {groupLabel(group, t)} ({group.people.length})
              </dt>
              <dd>
                <ul className="inline-list readers-people">
                  {group.people.map((person) => (
                    <li key={person.id} className="person">
                      <Avatar name={person.name} size="sm" />
                      {person.name}
                      {person.you ? ` ${t("readers.you")}` : null}
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
    </details>
  );
}
