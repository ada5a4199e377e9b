import type { AuditEntry, AuditFact, AuditPerson } from "~/domain/audit/audit-log.server";
import { formatDateTime, formatDay } from "~/i18n/dates";
import { useLocale, useT } from "../i18n";

// The audit log as a table: the admin's whole log and a person's own activity in /settings. Types only
// come from the .server module; the rows arrive through the loader (dates as strings).

type Serialized<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] };
export type AuditRow = Serialized<AuditEntry>;

// Kinds where nobody acted (a failed attempt, a reset link asked for by address) rather than the system.
const withoutActor = new Set(["login_failed", "password_reset_requested"]);

function Person({ person, me, fallback }: { person: AuditPerson | null; me?: string; fallback: string }) {
  const t = useT();
  if (!person) return <span className="muted">{fallback}</span>;
  if (person.erased) return <em>{t("audit.erased")}</em>;
  if (person.id === me) return <>{t("audit.own.you")}</>;
  return (
    <>
      {person.name}
      {person.email ? <span className="muted"> {person.email}</span> : null}
    </>
  );
}

function Fact({ fact }: { fact: AuditFact }) {
  const t = useT();
  const locale = useLocale();
  switch (fact.kind) {
    case "roleChange":
      return <>{t("audit.fact.roleChange", { from: t(`role.${fact.from}`), to: t(`role.${fact.to}`) })}</>;
    case "role":
      return <>{t("audit.fact.role", { role: fact.role === "funder" ? t("accountRole.funder") : t(`role.${fact.role}`) })}</>;
    case "withdrawn":
      return <>{t("audit.fact.withdrawn")}</>;
    case "export":
      return (
        <>
          {t(`audit.export.${fact.what}`)}
          {fact.from && fact.to
            ? `, ${t("audit.fact.period", { from: formatDay(fact.from, locale), to: formatDay(fact.to, locale) })}`
            : null}
        </>
      );
    case "retention": {
      const months = (value: number | null) =>
        value === null ? t("audit.retention.off") : t("audit.retention.monthsOption", { months: value });
      return <>{t("audit.fact.retention", { from: months(fact.from), to: months(fact.to) })}</>;
    }
  }
}

export function AuditTable({
  entries,
  caption,
  me,
  showAddress = true,
}: {
  entries: AuditRow[];
  caption: string;
  me?: string;
  showAddress?: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <table className="audit-log stack-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("audit.col.when")}</th>
            <th scope="col">{t("audit.col.what")}</th>
            <th scope="col">{t("audit.col.actor")}</th>
            <th scope="col">{t("audit.col.subject")}</th>
            <th scope="col">{t("audit.col.coalition")}</th>
            {showAddress ? <th scope="col">{t("audit.col.address")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td data-label={t("audit.col.when")}>
                <time dateTime={entry.at}>{formatDateTime(entry.at, locale)}</time>
              </td>
              <th scope="row">
                {t(`audit.kind.${entry.kind}`)}
                {entry.facts.map((fact, index) => (
                  <span key={index} className="muted">
                    {" · "}
                    <Fact fact={fact} />
                  </span>
                ))}
              </th>
              <td data-label={t("audit.col.actor")}>
                <Person
                  person={entry.actor}
                  me={me}
                  fallback={withoutActor.has(entry.kind) ? t("audit.nobody") : t("audit.system")}
                />
              </td>
              <td data-label={t("audit.col.subject")}>
                <Person
                  person={entry.subject}
                  me={me}
                  fallback={entry.kind === "login_failed" ? t("audit.unknownAccount") : t("audit.nobody")}
                />
              </td>
              <td data-label={t("audit.col.coalition")}>{entry.coalition ?? <span className="muted">{t("audit.nobody")}</span>}</td>
              {showAddress ? <td data-label={t("audit.col.address")}>{entry.address ?? <span className="muted">{t("audit.nobody")}</span>}</td> : null}
            </tr>
          ))}
        </tbody>
    </table>
  );
}
