import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";
import { Avatar } from "./Avatar";
import { Bell, ChartColumn, ChevronDown, Globe, House, LogOut, Shield, UsersRound, Icon } from "./Icon";
import { useT } from "./i18n";

export type NavUser = { name: string; accountRole: string; teams: { slug: string; name: string }[]; unread: number };

/** One item of the main navigation: icon and word; NavLink marks the current one with aria-current. */
function NavItem({ to, end, icon, label }: { to: string; end?: boolean; icon: ReactNode; label: string }) {
  return (
    <li>
      <NavLink to={to} end={end} className="nav-link">
        {icon}
        <span className="nav-label">{label}</span>
      </NavLink>
    </li>
  );
}

/** The coalition a page belongs to, from its address (/teams/:slug/…). */
function teamSlugOf(pathname: string): string | undefined {
  return /^\/teams\/([^/]+)/.exec(pathname)?.[1];
}

/**
 * The person's own coalition, or for someone in several a menu to switch between them: a native <details>,
 * so it opens without JavaScript; it is drawn anew (closed) on every new address.
 */
function CoalitionSwitch({ teams }: { teams: NavUser["teams"] }) {
  const t = useT();
  const { pathname } = useLocation();
  const currentSlug = teamSlugOf(pathname);
  if (teams.length === 0) return null;
  if (teams.length === 1) {
    return <NavItem to={`/teams/${teams[0].slug}`} icon={<Icon icon={House} />} label={teams[0].name} />;
  }
  const current = teams.find((team) => team.slug === currentSlug);
  return (
    <li>
      <details className="nav-menu" key={pathname}>
        <summary className={current ? "nav-link nav-link-current" : "nav-link"}>
          <Icon icon={House} />
          <span className="visually-hidden">{t("nav.switchCoalition")}: </span>
          <span className="nav-label">{current?.name ?? t("nav.coalitions")}</span>
          <Icon icon={ChevronDown} className="nav-menu-chevron" />
        </summary>
        <ul className="nav-menu-list">
          {teams.map((team) => (
            <li key={team.slug}>
              <NavLink to={`/teams/${team.slug}`}>
                {team.name}
                {team.slug === currentSlug ? <span className="visually-hidden"> {t("nav.current")}</span> : null}
              </NavLink>
            </li>
          ))}
        </ul>
      </details>
    </li>
  );
}

/** The bell: a link with its word, the unread count shown as a badge and said in words to a screen reader. */
function NotificationsLink({ unread }: { unread: number }) {
  const t = useT();
  return (
    <NavLink to="/notifications" className="header-button bell-link">
      <Icon icon={Bell} />
      <span className="header-button-label">{t("nav.notifications")}</span>
      {unread > 0 ? (
        <>
          <span className="bell-count" aria-hidden="true">
            {unread > 99 ? "99+" : unread}
          </span>
          <span className="visually-hidden"> ({t("nav.unread", { count: unread })})</span>
        </>
      ) : null}
    </NavLink>
  );
}

/** The page frame: skip link, header with who is signed in and the navigation, main content. */
export function Layout({ user, children }: { user: NavUser | null; children: ReactNode }) {
  const t = useT();
  return (
    <>
      <a className="skip-link" href="#main">
        {t("nav.skip")}
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <Link to="/" className="brand">
            <span className="brand-mark" aria-hidden="true">
              L
            </span>
            {t("app.name")}
          </Link>
          {user ? (
            <>
              <nav aria-label={t("nav.main")} className="main-nav">
                <ul className="nav-list">
                  <CoalitionSwitch teams={user.teams} />
                  {user.accountRole === "funder" ? (
                    <NavItem to="/programme" icon={<Icon icon={ChartColumn} />} label={t("nav.programme")} />
                  ) : null}
                  {user.accountRole === "funder" || user.teams.length > 0 ? (
                    <NavItem to="/network" icon={<Icon icon={Globe} />} label={t("nav.network")} />
                  ) : null}
                  <NavItem to="/teams" end icon={<Icon icon={UsersRound} />} label={t("nav.teams")} />
                  {user.accountRole === "admin" ? <NavItem to="/admin" icon={<Icon icon={Shield} />} label={t("nav.admin")} /> : null}
                </ul>
              </nav>
              <div className="header-person">
                <NotificationsLink unread={user.unread} />
                <NavLink to="/settings" className="person-link" title={t("nav.settings")}>
                  <Avatar name={user.name} />
                  <span className="person-name">{user.name}</span>
                </NavLink>
                <Form method="post" action="/logout">
                  <button type="submit" className="header-button">
                    <Icon icon={LogOut} />
                    <span className="header-button-label">{t("nav.logout")}</span>
                  </button>
                </Form>
              </div>
            </>
          ) : null}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
