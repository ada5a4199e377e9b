import { sql, type ExpressionBuilder, type RawBuilder } from "kysely";
import { db } from "../../../db/db.server";
import type { Database, TeamRole } from "../../../db/schema";
import { requireAdmin, type User } from "../../auth/permissions.server";
import { TIME_ZONE } from "../../i18n/dates";
import type { AuditFilter } from "./audit-form";
import { auditKinds, exportNames, type AuditKind, type ExportName } from "./audit-kinds";
import { teamRoles } from "../vocabulary";

// Reading the audit log: the admin's whole log (/admin/audit) and a person's own entries (/settings).
// The log holds who did what to whom, when and from where; what it shows of `detail` is a whitelist of
// fixed values (roles, export names, days, months), checked here, so no free text ever reaches a page.

export const AUDIT_PAGE_SIZE = 50;
export const OWN_ACTIVITY_PAGE_SIZE = 20;

/** Someone in the log. An erased account has no name or address any more: the page says "deleted account". */
export type AuditPerson = { id: string; name: string; email: string | null; erased: boolean };

export type AuditFact =
  | { kind: "roleChange"; from: TeamRole; to: TeamRole }
  | { kind: "role"; role: TeamRole | "funder" }
  | { kind: "withdrawn" }
  | { kind: "export"; what: ExportName; from: string | null; to: string | null }
  | { kind: "retention"; from: number | null; to: number | null };

export type AuditEntry = {
  id: string;
  at: Date;
  kind: AuditKind;
  actor: AuditPerson | null;
  subject: AuditPerson | null;
  coalition: string | null;
  address: string | null;
  facts: AuditFact[];
};

export type AuditPage = { entries: AuditEntry[]; total: number; page: number; pageSize: number };

/**
 * When a person last logged in: the column set at every login since the privacy release, else the newest
 * login in the audit log (from before it), else null. Used for inactive members and the retention period.
 */
export function lastLoginOf(person: string): RawBuilder<Date | null> {
  return sql<Date | null>`coalesce(${sql.ref(`${person}.last_login_at`)}, (
    select max(login.at) from audit_event as login where login.actor_id = ${sql.ref(`${person}.id`)} and login.kind = 'login'
  ))`;
}

type Where = (eb: ExpressionBuilder<Database, "audit_event">) => ReturnType<ExpressionBuilder<Database, "audit_event">["and"]>;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The filter as one condition; each part can use the (actor_id, at) and (subject_id, at) indexes. */
function filterCondition(filter: AuditFilter): Where {
  return (eb) => {
    const parts = [];
    if (filter.person) {
      const pattern = `%${escapeLike(filter.person)}%`;
      const matching = eb
        .selectFrom("person")
        .where((p) => p.or([p("person.name", "ilike", pattern), p("person.email", "ilike", pattern)]))
        .select("person.id");
      parts.push(eb.or([eb("audit_event.actor_id", "in", matching), eb("audit_event.subject_id", "in", matching)]));
    }
    // Amsterdam days, both included: from the first day's midnight up to the midnight after the last.
    if (filter.from) parts.push(eb("audit_event.at", ">=", sql<Date>`(${filter.from}::date::timestamp at time zone ${TIME_ZONE})`));
    if (filter.to) parts.push(eb("audit_event.at", "<", sql<Date>`((${filter.to}::date + 1)::timestamp at time zone ${TIME_ZONE})`));
    if (filter.kind) parts.push(eb("audit_event.kind", "=", filter.kind));
    return eb.and(parts);
  };
}

async function readLog(where: Where, page: number, pageSize: number, withEmail: boolean): Promise<AuditPage> {
  const [rows, count] = await Promise.all([
    db()
      .selectFrom("audit_event")
      .leftJoin("person as actor", "actor.id", "audit_event.actor_id")
      .leftJoin("person as subject", "subject.id", "audit_event.subject_id")
      .leftJoin("coalition", "coalition.id", "audit_event.coalition_id")
      .where(where)
      .select([
        "audit_event.id",
        "audit_event.at",
        "audit_event.kind",
        "audit_event.address",
        "audit_event.detail",
        "audit_event.actor_id as actorId",
        "actor.name as actorName",
        "actor.email as actorEmail",
        sql<boolean>`actor.erased_at is not null`.as("actorErased"),
        "audit_event.subject_id as subjectId",
        "subject.name as subjectName",
        "subject.email as subjectEmail",
        sql<boolean>`subject.erased_at is not null`.as("subjectErased"),
        "coalition.name as coalition",
      ])
      .orderBy("audit_event.at", "desc")
      .orderBy("audit_event.id", "desc")
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    db()
      .selectFrom("audit_event")
      .where(where)
      .select((eb) => eb.fn.countAll<string>().as("total"))
      .executeTakeFirstOrThrow(),
  ]);
  const person = (id: string | null, name: string | null, email: string | null, erased: boolean): AuditPerson | null => {
    if (!id || name === null) return null;
    if (erased) return { id, name: "", email: null, erased: true };
    return { id, name, email: withEmail ? email : null, erased: false };
  };
  return {
    entries: rows.flatMap((row) =>
      isAuditKind(row.kind)
        ? [
            {
              id: row.id,
              at: row.at,
              kind: row.kind,
              actor: person(row.actorId, row.actorName, row.actorEmail, row.actorErased),
              subject: person(row.subjectId, row.subjectName, row.subjectEmail, row.subjectErased),
              coalition: row.coalition,
              address: row.address,
              facts: factsOf(row.kind, row.detail),
            },
          ]
        : [],
    ),
    total: Number(count.total),
    page,
    pageSize,
  };
}

function isAuditKind(kind: string): kind is AuditKind {
  return (auditKinds as readonly string[]).includes(kind);
}

const isTeamRole = (value: unknown): value is TeamRole => (teamRoles as readonly unknown[]).includes(value);
const isExportName = (value: unknown): value is ExportName => (exportNames as readonly unknown[]).includes(value);
const isoDay = (value: unknown): string | null => (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null);
const months = (value: unknown): number | null => (typeof value === "number" && Number.isInteger(value) ? value : null);

/** The harmless part of an entry's detail, by kind; anything else in it (ids, free text) never leaves here. */
function factsOf(kind: AuditKind, detail: Record<string, unknown>): AuditFact[] {
  switch (kind) {
    case "role_change":
      return isTeamRole(detail.from) && isTeamRole(detail.to) ? [{ kind: "roleChange", from: detail.from, to: detail.to }] : [];
    case "invite":
    case "member_removed": {
      const facts: AuditFact[] = [];
      if (isTeamRole(detail.role) || detail.role === "funder") facts.push({ kind: "role", role: detail.role });
      if (detail.withdrawn === true) facts.push({ kind: "withdrawn" });
      return facts;
    }
    case "export":
      return isExportName(detail.what) ? [{ kind: "export", what: detail.what, from: isoDay(detail.from), to: isoDay(detail.to) }] : [];
    case "retention_changed":
      return [{ kind: "retention", from: months(detail.from), to: months(detail.to) }];
    default:
      return [];
  }
}

/** The admin's log, newest first, filtered. Nobody else reads it: 404, like a page that does not exist. */
export function readAuditLog(user: User, filter: AuditFilter, page: number): Promise<AuditPage> {
  requireAdmin(user);
  return readLog(filterCondition(filter), page, AUDIT_PAGE_SIZE, true);
}

/** A person's own entries: what they did and what was done to their account, newest first. */
export function readOwnActivity(user: User, page: number): Promise<AuditPage> {
  return readLog(
    (eb) => eb.and([eb.or([eb("audit_event.actor_id", "=", user.id), eb("audit_event.subject_id", "=", user.id)])]),
    page,
    OWN_ACTIVITY_PAGE_SIZE,
    false,
  );
}
