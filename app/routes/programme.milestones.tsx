import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/permissions.server";
import { parseProgrammeMilestoneFilters, programmeMilestones } from "~/domain/programme/programme-milestones.server";
import { milestoneStatuses } from "~/domain/vocabulary";
import { formatDateTime } from "~/i18n/dates";
import { useLocale, useT } from "~/ui/i18n";
import { Day, MilestoneStatusBadge, OverdueBadge } from "~/ui/milestones/MilestoneStatus";
import { usePersonName } from "~/ui/PersonName";

export const meta: MetaFunction = () => [{ title: "Mijlpalen · Programma · Leernetwerk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  // programmeMilestones refuses anyone but the funder and the admin with a 404.
  const data = await programmeMilestones(user, parseProgrammeMilestoneFilters(new URL(request.url).searchParams));
  return json(data);
}

export default function ProgrammeMilestones() {
  const t = useT();
  const personName = usePersonName();
  const locale = useLocale();
  const { coalitions, options, total, filters } = useLoaderData<typeof loader>();
  const filtered = Boolean(filters.coalition || filters.status);
  return (
    <section>
      <p>
        <Link to="/programme">{t("programmeMilestones.back")}</Link>
      </p>
      <h1>{t("programmeMilestones.title")}</h1>
      <p className="lead">{t("programmeMilestones.intro")}</p>

      <Form method="get" className="filters" aria-label={t("programmeMilestones.filters")}>
        <div className="field">
          <label htmlFor="filter-coalition">{t("programmeMilestones.filter.coalition")}</label>
          <select id="filter-coalition" name="coalition" defaultValue={filters.coalition ?? ""}>
            <option value="">{t("programmeMilestones.filter.allCoalitions")}</option>
            {options.map((option) => (
              <option key={option.slug} value={option.slug}>
                {option.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-status">{t("programmeMilestones.filter.status")}</label>
          <select id="filter-status" name="status" defaultValue={filters.status ?? ""}>
            <option value="">{t("programmeMilestones.filter.anyStatus")}</option>
            {milestoneStatuses.map((status) => (
              <option key={status} value={status}>
                {t(`status.${status}`)}
              </option>
            ))}
            <option value="overdue">{t("programmeMilestones.filter.overdue")}</option>
          </select>
        </div>
        <div className="actions">
          <button type="submit" className="button button-secondary">
            {t("programmeMilestones.filter.apply")}
          </button>
          {filtered ? <Link to=".">{t("programmeMilestones.filter.reset")}</Link> : null}
        </div>
      </Form>

      <p className="muted" role="status">
        {t("programmeMilestones.count", { count: total })}
      </p>

      {coalitions.map((coalition) => (
        <section key={coalition.id} aria-labelledby={`coalition-${coalition.slug}`}>
          <h2 id={`coalition-${coalition.slug}`}>
            <Link to={`/teams/${coalition.slug}/milestones`}>{coalition.name}</Link>
          </h2>
          {coalition.milestones.length === 0 ? (
            <p className="muted">{filtered ? t("programmeMilestones.noneFiltered") : t("programmeMilestones.none")}</p>
          ) : (
            <table className="stack-table">
                <caption className="visually-hidden">{t("programmeMilestones.caption", { coalition: coalition.name })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("programmeMilestones.col.milestone")}</th>
                    <th scope="col">{t("programmeMilestones.col.status")}</th>
                    <th scope="col">{t("programmeMilestones.col.planned")}</th>
                    <th scope="col">{t("programmeMilestones.col.target")}</th>
                    <th scope="col">{t("programmeMilestones.col.achieved")}</th>
                    <th scope="col">{t("programmeMilestones.col.adjustments")}</th>
                  </tr>
                </thead>
                <tbody>
                  {coalition.milestones.map((milestone) => (
                    <tr key={milestone.id}>
                      <th scope="row">
                        <Link to={milestone.href}>{milestone.title}</Link>
                        {milestone.ownerName ? (
                          <span className="meta"> {t("programmeMilestones.owner", { name: milestone.ownerName })}</span>
                        ) : null}
                      </th>
                      <td data-label={t("programmeMilestones.col.status")}>
                        <MilestoneStatusBadge status={milestone.status} />
                        {milestone.overdue ? <OverdueBadge /> : null}
                      </td>
                      <td data-label={t("programmeMilestones.col.planned")}>
                        <Day value={milestone.plannedDate} />
                      </td>
                      <td data-label={t("programmeMilestones.col.target")}>
                        <Day value={milestone.targetDate} />
                      </td>
                      <td data-label={t("programmeMilestones.col.achieved")}>
                        {milestone.achievedDate ? (
                          <Day value={milestone.achievedDate} />
                        ) : (
                          <span className="muted">{t("programmeMilestones.notAchieved")}</span>
                        )}
                      </td>
                      <td data-label={t("programmeMilestones.col.adjustments")}>
                        {milestone.adjustments.length === 0 ? (
                          <span className="muted">{t("programmeMilestones.noAdjustments")}</span>
                        ) : (
                          <ol className="plain-list">
                            {milestone.adjustments.map((adjustment) => (
                              <li key={adjustment.id}>
                                {adjustment.previousTargetDate && adjustment.newTargetDate ? (
                                  <p>
                                    {t("programmeMilestones.adjustment.from")} <Day value={adjustment.previousTargetDate} />{" "}
                                    {t("programmeMilestones.adjustment.to")} <Day value={adjustment.newTargetDate} />
                                  </p>
                                ) : null}
                                <p>
                                  <span className="visually-hidden">{t("programmeMilestones.adjustment.reason")} </span>
                                  {adjustment.reason}
                                </p>
                                <p className="meta">
                                  <time dateTime={adjustment.changedAt}>{formatDateTime(adjustment.changedAt, locale)}</time>{" "}
                                  {t("programmeMilestones.adjustment.by", { name: personName(adjustment.changedByName) })}
                                </p>
                              </li>
                            ))}
                          </ol>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
          )}
        </section>
      ))}
    </section>
  );
}
