import { z } from "zod";
import { auditKinds } from "./audit-kinds";
import { isoDayField } from "../form-fields";

// The admin's audit log filter (/admin/audit?person=&from=&to=&kind=&page=): a person (name or e-mail,
// matched as the one who acted or the one it happened to), a period of Amsterdam days (both included) and
// optionally one kind. Every field may stay empty.

export type AuditFilter = { person?: string; from?: string; to?: string; kind?: (typeof auditKinds)[number] };
export type AuditFilterValues = { person: string; from: string; to: string; kind: string };
export type AuditFilterErrors = Partial<Record<keyof AuditFilterValues, string[]>>;
export type AuditFilterInput =
  | { valid: true; filter: AuditFilter; values: AuditFilterValues; page: number }
  | { valid: false; values: AuditFilterValues; errors: AuditFilterErrors };

const optional = <T extends z.ZodType>(field: T) => z.preprocess((value) => (value === "" ? undefined : value), field.optional());

const days = z.object({ from: optional(isoDayField), to: optional(isoDayField) });
const fields = days.extend({
  person: optional(z.string().trim().max(200, "audit.error.personTooLong")),
  kind: optional(z.enum(auditKinds, { error: "audit.error.kind" })),
});

// The order of the days is checked whenever both are days, whatever else is wrong with the filter.
export const auditFilterSchema = fields.refine((value) => !value.from || !value.to || value.from <= value.to, {
  path: ["to"],
  message: "audit.error.order",
  when: (payload) => days.safeParse(payload.value).success,
});

/** A page number from the address bar: anything odd is the first page. */
export function pageNumber(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1;
}

export function parseAuditFilter(params: URLSearchParams): AuditFilterInput {
  const values: AuditFilterValues = {
    person: (params.get("person") ?? "").slice(0, 400),
    from: (params.get("from") ?? "").slice(0, 40),
    to: (params.get("to") ?? "").slice(0, 40),
    kind: (params.get("kind") ?? "").slice(0, 40),
  };
  const result = auditFilterSchema.safeParse(values);
  if (result.success) {
    const filter: AuditFilter = {};
    if (result.data.person) filter.person = result.data.person;
    if (result.data.from) filter.from = result.data.from;
    if (result.data.to) filter.to = result.data.to;
    if (result.data.kind) filter.kind = result.data.kind;
    return { valid: true, filter, values, page: pageNumber(params.get("page")) };
  }
  const errors: AuditFilterErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    if (field !== "person" && field !== "from" && field !== "to" && field !== "kind") continue;
    errors[field] = [...new Set([...(errors[field] ?? []), issue.message])];
  }
  return { valid: false, values, errors };
}
