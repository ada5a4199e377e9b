import { NavLink } from "@remix-run/react";
import type { ReactNode } from "react";
import type { TeamRole } from "../../../db/schema";
import { CalendarDays, CircleHelp, FilePenLine, Flag, MessagesSquare, House, Lightbulb, NotebookPen, Quote, Users, UsersRound, Icon } from "../Icon";
import { useT } from "../i18n";

/** One section link: icon, word, and a count of what waits there. aria-current marks the section one is in. */
function Section({ to, end, icon, label, count }: { to: string; end?: boolean; icon: ReactNode; label: string; count?: number }) {
  const t = useT();
  return (
    <li>
      <NavLink to={to} end={end} className="team-nav-link" prefetch="intent">
        {icon}
        <span>{label}</span>
        {count ? (
          <span className="count-badge">
            {count}
            <span className="visually-hidden"> {t("team.nav.waiting")}</span>
          </span>
        ) : null}
      </NavLink>
    </li>
  );
}

/** A coalition's sections; the count of what waits for the person sits on the overview, which lists it. */
export function TeamNav({ team, role, waiting }: { team: { slug: string; name: string }; role: TeamRole | null; waiting: number }) {
  const t = useT();
  const base = `/teams/${team.slug}`;
  return (
    <nav className="team-nav" aria-label={t("team.nav.label", { team: team.name })}>
      <p className="team-nav-name">{team.name}</p>
      <ul>
        <Section to={base} end icon={<Icon icon={House} />} label={t("team.nav.home")} count={waiting} />
        <Section to={`${base}/reflections`} icon={<Icon icon={NotebookPen} />} label={t("team.nav.reflections")} />
        <Section to={`${base}/lessons`} icon={<Icon icon={Lightbulb} />} label={t("team.nav.lessons")} />
        <Section to={`${base}/milestones`} icon={<Icon icon={Flag} />} label={t("team.nav.milestones")} />
        {role ? <Section to={`${base}/questions`} icon={<Icon icon={CircleHelp} />} label={t("team.nav.questions")} /> : null}
        <Section to={`${base}/sessions`} icon={<Icon icon={UsersRound} />} label={t("team.nav.sessions")} />
        <Section to={`${base}/events`} icon={<Icon icon={CalendarDays} />} label={t("team.nav.events")} />
        {role ? <Section to={`${base}/rounds`} icon={<Icon icon={MessagesSquare} />} label={t("team.nav.rounds")} /> : null}
        {role ? <Section to={`${base}/agreement`} icon={<Icon icon={FilePenLine} />} label={t("team.nav.agreement")} /> : null}
        {role === "facilitator" ? <Section to={`${base}/quotes`} icon={<Icon icon={Quote} />} label={t("quotes.nav")} /> : null}
        {role === "facilitator" ? (
          <Section to={`${base}/members`} icon={<Icon icon={Users} />} label={t("team.nav.members")} />
        ) : (
          <li>
            <a className="team-nav-link" href={`${base}#deelnemers`}>
              <Icon icon={Users} />
              <span>{t("team.nav.members")}</span>
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}
