import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { membershipIn, requireContentReader, requireUser } from "~/auth/permissions.server";
import { listMilestones, parseMilestoneFilters } from "~/domain/milestones/milestones.server";
import { milestoneStatuses } from "~/domain/vocabulary";
import { useT } from "~/ui/i18n";
import { Day, MilestoneStatusBadge, OverdueBadge } from "~/ui/milestones/MilestoneStatus";
import { VisibilityBadge } from "~/ui/Visibility";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.team.name ?? ""} · Leernetwerk` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const team = await requireContentReader(user, params.team);
  const filters = parseMilestoneFilters(new URL(request.url).searchParams);
  const { items, summary } = await listMilestones(user, team, filters);
  return json({ team, items, summary, filters, canAdd: Boolean(membershipIn(user, team.id)) });
}

export default function Milestones() {
  const t = useT();
  const { team, items, summary, filters, canAdd } = useLoaderData<typeof loader>();
  const filtered = filters.status !== undefined;
  return (
    <section>
      <p>
        <Link to={`/teams/${team.slug}`}>{team.name}</Link>
      </p>
      <h1>{t("milestones.title")}</h1>
      <p className="lead">{t("milestones.intro", { team: team.name })}</p>

      <section aria-labelledby="milestone-summary" className="card">
        <h2 id="milestone-summary">{t("milestones.summary")}</h2>
        <dl className="milestone-summary">
          <div>
            <dt>{t("milestones.summary.achieved")}</dt>
            <dd>{summary.achieved}</dd>
          </div>
          <div>
            <dt>{t("milestones.summary.inProgress")}</dt>
            <dd>{summary.inProgress}</dd>
          </div>
          <div className={summary.overdue > 0 ? "milestone-summary-overdue" : undefined}>
            <dt>{t("milestones.summary.overdue")}</dt>
            <dd>{summary.overdue}</dd>
          </div>
          <div>
            <dt>{t("milestones.summary.total")}</dt>
            <dd>{summary.total}</dd>
          </div>
        </dl>
      </section>

      {canAdd ? (
        <p className="actions">
          <Link className="button button-primary" to="new">
            {t("milestones.new")}
          </Link>
        </p>
      ) : null}

      <Form method="get" className="filters" aria-label={t("milestones.filters")}>
        <div className="field">
          <label htmlFor="filter-status">{t("milestones.filter.status")}</label>
          <select id="filter-status" name="status" defaultValue={filters.status ?? ""}>
            <option value="">{t("milestones.filter.any")}</option>
            {milestoneStatuses.map((status) => (
              <option key={status} value={status}>
                {t(`status.${status}`)}
              </option>
            ))}
            <option value="overdue">{t("milestones.filter.overdue")}</option>
          </select>
        </div>
        <div className="actions">
          <button type="submit" className="button button-secondary">
            {t("milestones.filter.apply")}
          </button>
          {filtered ? <Link to=".">{t("milestones.filter.reset")}</Link> : null}
        </div>
      </Form>

      <p className="muted" role="status">
        {t("milestones.count", { count: items.length })}
      </p>
      {items.length === 0 ? (
        <p>
          {filtered ? t("milestones.noneFiltered") : t("milestones.none")}{" "}
          {canAdd && !filtered ? <Link to="new">{t("milestones.firstOne")}</Link> : null}
        </p>
      ) : (
        <ol className="plain-list">
          {items.map((item) => (
            <li key={item.id} className="log-item">
              <h2>
                <Link to={item.id}>{item.title}</Link>
              </h2>
              <p className="meta">
                <MilestoneStatusBadge status={item.status} />
                {item.overdue ? <OverdueBadge /> : null}
                <VisibilityBadge visibility={item.visibility} />
                <span>
                  {t("milestones.plannedDate")} <Day value={item.plannedDate} />
                </span>
                <span>
                  {t("milestones.targetDate")} <Day value={item.targetDate} />
                </span>
                <span>{item.ownerName ? t("milestones.owner", { name: item.ownerName }) : t("milestones.noOwner")}</span>
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
