import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { requireFunder, requireUser } from "~/auth/permissions.server";
import { clientAddressOf, recordExport } from "~/domain/audit/audit.server";
import { parseDigestPeriod, type DigestFieldErrors } from "~/domain/programme/digest-form";
import { programmeDigest, type CoalitionDigest } from "~/domain/programme/digest.server";
import { formatDay } from "~/i18n/dates";
import { Field, type FieldState } from "~/ui/Field";
import { useLocale, useT } from "~/ui/i18n";
import { ThemeBadges } from "~/ui/Themes";
import { Day } from "~/ui/milestones/MilestoneStatus";
import { TableScroll } from "~/ui/TableScroll";
import { usePersonName } from "~/ui/PersonName";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  // The title names the period: a browser offers it as the file name when saving as PDF.
  { title: data?.period ? `Overzicht per periode ${data.period.from} – ${data.period.to} · Leernetwerk` : "Overzicht per periode · Leernetwerk" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireFunder(user);
  const input = parseDigestPeriod(new URL(request.url).searchParams);
  if (!input.valid) {
    return json({ period: null, values: input.values, errors: input.errors, coalitions: [] as CoalitionDigest[] }, { status: 400 });
  }
  const coalitions = await programmeDigest(user, input.period);
  // A compilation made to be printed or saved as PDF: recorded in the audit log like a download, with its period.
  await recordExport({ actorId: user.id, what: "digest", period: input.period, address: clientAddressOf(context) });
  return json({ period: input.period, values: input.period, errors: {} as DigestFieldErrors, coalitions });
}

function fieldState(name: "from" | "to", errors?: string[]): FieldState {
  const id = `digest-${name}`;
  return { id, name, errors, errorId: `${id}-error`, descriptionId: `${id}-hint` };
}

/** window.print() needs JavaScript, so the button only appears once it runs; the browser's own print works anyway. */
function PrintButton() {
  const t = useT();
  const [canPrint, setCanPrint] = useState(false);
  useEffect(() => setCanPrint(typeof window.print === "function"), []);
  if (!canPrint) return null;
  return (
    <p className="digest-print">
      <button type="button" className="button button-primary" onClick={() => window.print()}>
        {t("digest.print")}
      </button>
    </p>
  );
}

export default function ProgrammeDigest() {
  const t = useT();
  const locale = useLocale();
  const { period, values, errors, coalitions } = useLoaderData<typeof loader>();
  const from = fieldState("from", errors.from);
  const to = fieldState("to", errors.to);
  return (
    <section className="digest">
      <p className="digest-controls">
        <Link to="/programme">{t("programme.title")}</Link>
      </p>
      <h1>
        {period ? t("digest.titlePeriod", { from: formatDay(period.from, locale), to: formatDay(period.to, locale) }) : t("digest.title")}
      </h1>
      <p className="lead">{t("digest.intro")}</p>

      <Form method="get" className="filters digest-controls" aria-label={t("digest.period")}>
        {[
          { field: from, label: t("digest.from"), value: values.from },
          { field: to, label: t("digest.to"), value: values.to },
        ].map(({ field, label, value }) => (
          <Field key={field.name} field={field} label={label}>
            <input
              id={field.id}
              name={field.name}
              type="date"
              defaultValue={value}
              required
              aria-invalid={field.errors?.length ? true : undefined}
              aria-describedby={field.errors?.length ? field.errorId : undefined}
            />
          </Field>
        ))}
        <div className="actions">
          <button type="submit" className="button button-secondary">
            {t("digest.show")}
          </button>
        </div>
      </Form>
      {period ? <PrintButton /> : null}

      {!period ? (
        <p role="status">{t("digest.invalid")}</p>
      ) : (
        coalitions.map((coalition) => <CoalitionSection key={coalition.id} coalition={coalition} />)
      )}
    </section>
  );
}

function CoalitionSection({ coalition }: { coalition: CoalitionDigest }) {
  const t = useT();
  const personName = usePersonName();
  const headingId = `digest-${coalition.slug}`;
  const nothing =
    coalition.shared.length === 0 && coalition.milestoneChanges.length === 0 && coalition.sessions.length === 0 && coalition.events.length === 0;
  return (
    <section className="digest-coalition" aria-labelledby={headingId}>
      <h2 id={headingId}>{coalition.name}</h2>
      {nothing ? (
        <p className="muted">{t("digest.nothing")}</p>
      ) : (
        <>
          <h3>{t("digest.shared")}</h3>
          {coalition.shared.length === 0 ? (
            <p className="muted">{t("digest.shared.none")}</p>
          ) : (
            <ol className="plain-list">
              {coalition.shared.map((item) => (
                <li key={item.id} className="log-item digest-item">
                  <h4>
                    <Link to={item.href}>{item.title}</Link>
                  </h4>
                  <p className="meta">
                    <span className="badge">{t(`network.kind.${item.kind}`)}</span>
                    <Day value={item.day} />
                    <span>{t("digest.by", { name: personName(item.authorName) })}</span>
                    <ThemeBadges themes={item.themes} />
                  </p>
                  {item.excerpt ? <p>{item.excerpt}</p> : null}
                </li>
              ))}
            </ol>
          )}

          <h3>{t("digest.milestones")}</h3>
          {coalition.milestoneChanges.length === 0 ? (
            <p className="muted">{t("digest.milestones.none")}</p>
          ) : (
            <ol className="plain-list">
              {coalition.milestoneChanges.map((change) => (
                <li key={change.id} className="log-item digest-item">
                  <h4>
                    <Link to={change.href}>{change.milestoneTitle}</Link>
                  </h4>
                  <p className="meta">
                    <span>
                      {change.fromStatus
                        ? t("milestone.timeline.change", { from: t(`status.${change.fromStatus}`), to: t(`status.${change.toStatus}`) })
                        : t("milestone.timeline.created", { to: t(`status.${change.toStatus}`) })}
                    </span>
                    <Day value={change.day} />
                  </p>
                  <p className="timeline-reason">
                    <span className="visually-hidden">{t("milestone.timeline.reason")} </span>
                    {change.reason}
                  </p>
                  {change.previousTargetDate && change.newTargetDate ? (
                    <p>
                      {t("milestone.timeline.moved")} {t("milestone.timeline.movedFrom")} <Day value={change.previousTargetDate} />{" "}
                      {t("milestone.timeline.movedTo")} <Day value={change.newTargetDate} />
                    </p>
                  ) : null}
                </li>
              ))}
            </ol>
          )}

          <h3>{t("digest.sessions")}</h3>
          {coalition.sessions.length === 0 ? (
            <p className="muted">{t("digest.sessions.none")}</p>
          ) : (
            <TableScroll label={t("digest.sessions.caption", { coalition: coalition.name })}>
              <table>
                <caption className="visually-hidden">{t("digest.sessions.caption", { coalition: coalition.name })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("digest.sessions.day")}</th>
                    <th scope="col">{t("digest.sessions.method")}</th>
                    <th scope="col">{t("session.participants")}</th>
                  </tr>
                </thead>
                <tbody>
                  {coalition.sessions.map((session) => (
                    <tr key={session.id} className="digest-item">
                      <td>
                        <Day value={session.day} />
                      </td>
                      <td>{session.methodName}</td>
                      <td>{session.participants}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}

          <h3>{t("digest.events")}</h3>
          {coalition.events.length === 0 ? (
            <p className="muted">{t("digest.events.none")}</p>
          ) : (
            <ul className="plain-list">
              {coalition.events.map((event) => (
                <li key={event.id} className="digest-item">
                  <Link to={`/events/${event.slug}`}>{event.title}</Link> · <Day value={event.day} /> ·{" "}
                  {t("digest.events.registered", { count: event.registered })}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
