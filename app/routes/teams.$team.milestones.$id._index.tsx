import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireContentReader, requireUser } from "~/auth/permissions.server";
import { statusChangeSchema } from "~/domain/milestones/milestone-form";
import { changeMilestoneStatus, getMilestone, getMilestoneForStatusChange, milestoneHistory } from "~/domain/milestones/milestones.server";
import { readersOf } from "~/domain/coalitions/readers.server";
import type { MilestoneStatus } from "../../db/schema";
import { RichText } from "~/richtext/RichText";
import { setFlash } from "~/ui/flash.server";
import { useT } from "~/ui/i18n";
import { Day, MilestoneStatusBadge, MilestoneTimeline, OverdueBadge, StatusChangeForm } from "~/ui/milestones/MilestoneStatus";
import { Readers } from "~/ui/Readers";
import { VisibilityBadge } from "~/ui/Visibility";
import { usePersonName } from "~/ui/PersonName";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.milestone.title ?? ""} · Leernetwerk` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const team = await requireContentReader(user, params.team);
  const milestone = await getMilestone(user, team, params.id);
  const [history, readers] = await Promise.all([
    milestoneHistory(milestone),
    readersOf({ kind: "milestone", coalitionId: team.id, visibility: milestone.visibility }, user),
  ]);
  return json({ team, milestone, history, readers });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const team = await requireContentReader(user, params.team);
  // Who may not change it hears 404 before anything about the form.
  await getMilestoneForStatusChange(user, team, params.id);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: statusChangeSchema });
  if (submission.status !== "success") return json({ result: submission.reply(), conflict: null }, { status: 400 });
  const outcome = await changeMilestoneStatus(user, team, params.id, Number(formData.get("version")), submission.value);
  if (outcome.ok) {
    return redirect(`/teams/${team.slug}/milestones/${params.id}`, {
      headers: { "Set-Cookie": await setFlash("milestone.statusChanged") },
    });
  }
  if ("errors" in outcome) return json({ result: submission.reply({ fieldErrors: outcome.errors }), conflict: null }, { status: 400 });
  // Someone changed it in between: nothing is recorded; the form keeps what this person typed.
  const conflict: { status: MilestoneStatus } = { status: outcome.current.status };
  return json({ result: submission.reply(), conflict }, { status: 409 });
}

export default function MilestonePage() {
  const t = useT();
  const personName = usePersonName();
  const { team, milestone, history, readers } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  return (
    <article>
      <p>
        <Link to={`/teams/${team.slug}/milestones`}>{t("milestone.back")}</Link>
      </p>
      <h1>{milestone.title}</h1>
      <p className="meta">
        <MilestoneStatusBadge status={milestone.status} />
        {milestone.overdue ? <OverdueBadge /> : null}
        <VisibilityBadge visibility={milestone.visibility} />
      </p>
      <Readers readers={readers} />
      <dl className="milestone-facts" aria-label={t("milestone.facts")}>
        <div>
          <dt>{t("milestone.plannedDate")}</dt>
          <dd>
            <Day value={milestone.plannedDate} />
          </dd>
        </div>
        <div>
          <dt>{t("milestone.targetDate")}</dt>
          <dd>
            <Day value={milestone.targetDate} />
          </dd>
        </div>
        <div>
          <dt>{t("milestone.owner")}</dt>
          <dd>{milestone.ownerName ? personName(milestone.ownerName) : t("milestones.noOwner")}</dd>
        </div>
        <div>
          <dt>{t("milestone.createdBy")}</dt>
          <dd>{personName(milestone.createdByName)}</dd>
        </div>
      </dl>
      <RichText state={milestone.description} />
      {milestone.canEdit ? (
        <p className="actions">
          <Link className="button button-secondary" to="edit">
            {t("milestone.edit")}
          </Link>
        </p>
      ) : null}

      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t("milestone.timeline")}</h2>
        <p className="field-hint">{t("milestone.timeline.intro")}</p>
        <MilestoneTimeline entries={history} />
      </section>

      {milestone.canUpdateStatus ? (
        <section aria-labelledby="status-heading" className="card">
          <h2 id="status-heading">{t("milestone.statusForm.title")}</h2>
          <p className="field-hint">{t("milestone.statusForm.intro")}</p>
          {reply?.conflict ? (
            <div className="form-error" role="alert">
              <p>
                <strong>{t("milestone.statusConflict.title")}</strong>
              </p>
              <p>{t("milestone.statusConflict.body", { status: t(`status.${reply.conflict.status}`) })}</p>
            </div>
          ) : null}
          <StatusChangeForm
            key={milestone.version}
            current={milestone.status}
            targetDate={milestone.targetDate}
            version={milestone.version}
            lastResult={reply?.result}
          />
        </section>
      ) : null}
    </article>
  );
}
