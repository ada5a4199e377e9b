import { Form, Link, NavLink } from "@remix-run/react";
import type { ReactNode } from "react";
import { useT } from "./i18n";

export type NavUser = { name: string; accountRole: string; teams: { slug: string; name: string }[] };

/** The page frame: skip link, header with navigation, main content. */
export function Layout({ user, children }: { user: NavUser | null; children: ReactNode }) {
  const t = useT();
  return (
    <>
      <a className="skip-link" href="#main">
        {t("nav.skip")}
      </a>
      <header className="site-header">
        <Link to="/" className="brand">
          {t("app.name")}
        </Link>
        {user ? (
          <nav aria-label={t("nav.main")}>
            <ul className="nav-list">
              {user.accountRole === "funder" ? (
                <li>
                  <NavLink to="/programme">{t("nav.programme")}</NavLink>
                </li>
              ) : null}
              {user.accountRole === "funder" || user.teams.length > 0 ? (
                <li>
                  <NavLink to="/network">{t("nav.network")}</NavLink>
                </li>
              ) : null}
              <li>
                <NavLink to="/teams" end>
                  {t("nav.teams")}
                </NavLink>
              </li>
              {user.accountRole === "admin" ? (
                <li>
                  <NavLink to="/admin">{t("nav.admin")}</NavLink>
                </li>
              ) : null}
              <li>
                <NavLink to="/settings">{t("nav.settings")}</NavLink>
              </li>
              <li>
                <Form method="post" action="/logout">
                  <button type="submit" className="link-button">
                    {t("nav.logout")}
                  </button>
                </Form>
              </li>
            </ul>
          </nav>
        ) : null}
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
