import { json, type LoaderFunctionArgs, type MetaFunction, type SerializeFrom } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireTeamReader, requireUser } from "~/auth/permissions.server";
import { listSessions } from "~/domain/sessions/sessions.server";
import { useT } from "~/ui/i18n";
import { SessionStatusBadge, SessionWhen } from "~/ui/sessions/SessionFacts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.team.name ?? ""} · Leernetwerk` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const team = await requireTeamReader(user, params.team);
  const sessions = await listSessions(user, team);
  return json({ team, ...sessions });
}

type Item = SerializeFrom<typeof loader>["upcoming"][number];

export default function Sessions() {
  const t = useT();
  const { team, upcoming, past, canSchedule } = useLoaderData<typeof loader>();
  return (
    <section>
      <p>
        <Link to={`/teams/${team.slug}`}>{team.name}</Link>
      </p>
      <h1>{t("sessions.title")}</h1>
      <p className="lead">{t("sessions.intro", { team: team.name })}</p>
      {canSchedule ? (
        <p className="actions">
          <Link className="button button-primary" to="new">
            {t("sessions.new")}
          </Link>
        </p>
      ) : null}

      <h2 id="upcoming">{t("sessions.upcoming")}</h2>
      {upcoming.length === 0 ? <p className="muted">{t(canSchedule ? "sessions.noneUpcomingScheduler" : "sessions.noneUpcoming")}</p> : <SessionList items={upcoming} labelledBy="upcoming" base={`/teams/${team.slug}/sessions`} />}

      <h2 id="past">{t("sessions.past")}</h2>
      {past.length === 0 ? <p className="muted">{t("sessions.nonePast")}</p> : <SessionList items={past} labelledBy="past" base={`/teams/${team.slug}/sessions`} />}
    </section>
  );
}

function SessionList({ items, labelledBy, base }: { items: Item[]; labelledBy: string; base: string }) {
  const t = useT();
  return (
    <ul className="plain-list session-list" aria-labelledby={labelledBy}>
      {items.map((item) => (
        <li key={item.id} className="log-item">
          <h3>
            <Link to={`${base}/${item.id}`}>{item.title}</Link>
          </h3>
          <p className="meta">
            <span>
              <SessionWhen startsAt={item.startsAt} endsAt={item.endsAt} />
            </span>
            <span>{t("sessions.methodLine", { method: item.methodName })}</span>
            {item.status === "confirmed" ? <span>{t("sessions.participants", { count: item.participants })}</span> : null}
            {item.status !== "confirmed" ? <SessionStatusBadge status={item.status} /> : null}
            {item.leading ? <span className="badge">{t("sessions.youLead")}</span> : null}
            {item.pollWaiting ? (
              <span className="badge badge-waiting">{t("sessions.pollWaiting")}</span>
            ) : !item.leading && item.myRsvp ? (
              <span className="badge">{t(`sessions.yourRsvp.${item.myRsvp}`)}</span>
            ) : null}
          </p>
        </li>
      ))}
    </ul>
  );
}
