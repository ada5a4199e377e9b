import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/permissions.server";
import { themeMatrix } from "~/domain/programme/programme.server";
import { useLocale, useT } from "~/ui/i18n";
import { TableScroll } from "~/ui/TableScroll";

export const meta: MetaFunction = () => [{ title: "Thema's per coalitie · Leernetwerk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  // The admin sees the counts but reads no lesson text, so only for the funder do themes and cells lead to the lessons.
  return json({ ...(await themeMatrix(user)), canCompare: user.accountRole === "funder" });
}

export default function ProgrammeThemes() {
  const t = useT();
  const locale = useLocale();
  const { coalitions, themes, canCompare } = useLoaderData<typeof loader>();
  return (
    <section>
      <p>
        <Link to="/programme">{t("programme.title")}</Link>
      </p>
      <h1>{t("programme.themes.title")}</h1>
      <p className="lead">{t("programme.themes.intro")}</p>
      {themes.length === 0 ? (
        <p>{t("programme.themes.none")}</p>
      ) : (
        <TableScroll label={t("programme.themes.caption")}>
          <table className="sticky-first">
            <caption className="muted">{t("programme.themes.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("programme.themes.theme")}</th>
                {coalitions.map((c) => (
                  <th scope="col" key={c.id}>
                    {c.name}
                  </th>
                ))}
                <th scope="col">{t("programme.total")}</th>
              </tr>
            </thead>
            <tbody>
              {themes.map((theme) => (
                <tr key={theme.id}>
                  <th scope="row">
                    {canCompare ? (
                      <Link to={`/programme/compare?theme=${encodeURIComponent(theme.slug)}`}>
                        {locale === "en" ? theme.name_en : theme.name_nl}
                      </Link>
                    ) : locale === "en" ? (
                      theme.name_en
                    ) : (
                      theme.name_nl
                    )}
                    {theme.spread ? (
                      <>
                        {" "}
                        <span className={theme.spread === "shared" ? "badge badge-network" : "badge badge-private"}>
                          {t(theme.spread === "shared" ? "programme.themes.shared" : "programme.themes.single")}
                        </span>
                      </>
                    ) : null}
                  </th>
                  {theme.cells.map((cell) => (
                    <td key={cell.coalitionId}>
                      {cell.count > 0 && canCompare ? (
                        <Link
                          to={`/programme/compare?theme=${encodeURIComponent(theme.slug)}`}
                          aria-label={t("programme.themes.cellLink", { count: cell.count, network: cell.network })}
                        >
                          {cell.count}
                        </Link>
                      ) : (
                        cell.count
                      )}
                    </td>
                  ))}
                  <td>{theme.total}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
