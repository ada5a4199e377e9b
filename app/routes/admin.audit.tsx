import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireAdmin, requireUser } from "~/auth/permissions.server";
import { parseAuditFilter, type AuditFilterErrors } from "~/domain/audit/audit-form";
import { auditKinds } from "~/domain/audit/audit-kinds";
import { AUDIT_PAGE_SIZE, readAuditLog, type AuditEntry } from "~/domain/audit/audit-log.server";
import { AuditTable } from "~/ui/audit/AuditTable";
import { Field, type FieldState } from "~/ui/Field";
import { useT } from "~/ui/i18n";
import { Pagination } from "~/ui/Pagination";

export const meta: MetaFunction = () => [{ title: "Activiteitenlog · Leernetwerk" }];

// /admin/audit?person=&from=&to=&kind=&page= — the admin's log of security and privacy events (anyone else: 404).
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireAdmin(user); // before reading the filter: others learn nothing, not even what it expects
  const input = parseAuditFilter(new URL(request.url).searchParams);
  if (!input.valid) {
    const empty = { entries: [] as AuditEntry[], total: 0, page: 1, pageSize: AUDIT_PAGE_SIZE };
    return json({ values: input.values, errors: input.errors, log: empty, valid: false }, { status: 400 });
  }
  const log = await readAuditLog(user, input.filter, input.page);
  return json({ values: input.values, errors: {} as AuditFilterErrors, log, valid: true });
}

function fieldState(name: "person" | "from" | "to" | "kind", errors?: string[]): FieldState {
  const id = `audit-${name}`;
  return { id, name, errors, errorId: `${id}-error`, descriptionId: `${id}-hint` };
}

/** aria attributes that tie a control to its hint and its error. */
function described(field: FieldState, hint = false) {
  const ids = [hint ? field.descriptionId : null, field.errors?.length ? field.errorId : null].filter(Boolean);
  return {
    id: field.id,
    name: field.name,
    "aria-invalid": field.errors?.length ? true : undefined,
    "aria-describedby": ids.length ? ids.join(" ") : undefined,
  };
}

export default function AdminAudit() {
  const t = useT();
  const { values, errors, log, valid } = useLoaderData<typeof loader>();
  const person = fieldState("person", errors.person);
  const from = fieldState("from", errors.from);
  const to = fieldState("to", errors.to);
  const kind = fieldState("kind", errors.kind);
  const filtered = Object.values(values).some((value) => value !== "");
  return (
    <section>
      <p>
        <Link to="/admin">{t("admin.back")}</Link>
      </p>
      <h1>{t("audit.title")}</h1>
      <p className="lead">{t("audit.intro")}</p>

      <Form method="get" className="filters" aria-label={t("audit.filter.title")}>
        <Field field={person} label={t("audit.filter.person")} hint={t("audit.filter.personHint")}>
          <input {...described(person, true)} type="search" defaultValue={values.person} autoComplete="off" />
        </Field>
        <Field field={from} label={t("audit.filter.from")}>
          <input {...described(from)} type="date" defaultValue={values.from} />
        </Field>
        <Field field={to} label={t("audit.filter.to")}>
          <input {...described(to)} type="date" defaultValue={values.to} />
        </Field>
        <Field field={kind} label={t("audit.filter.kind")}>
          <select {...described(kind)} defaultValue={values.kind}>
            <option value="">{t("audit.filter.kindAll")}</option>
            {auditKinds.map((k) => (
              <option key={k} value={k}>
                {t(`audit.kind.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        <div className="actions">
          <button type="submit" className="button button-secondary">
            {t("audit.filter.submit")}
          </button>
          {filtered ? <Link to="/admin/audit">{t("audit.filter.reset")}</Link> : null}
        </div>
      </Form>

      {!valid ? null : log.entries.length === 0 ? (
        <p role="status">{t("audit.none")}</p>
      ) : (
        <>
          <AuditTable entries={log.entries} caption={t("audit.caption", { count: log.total })} />
          <Pagination page={log.page} total={log.total} pageSize={log.pageSize} />
        </>
      )}
    </section>
  );
}
