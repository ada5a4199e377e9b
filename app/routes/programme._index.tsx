import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { notFound, requireUser } from "~/auth/permissions.server";
import { listCoalitions, perspectiveCounts } from "~/domain/coalitions.server";
import { perspectives } from "~/domain/vocabulary";
import { useT } from "~/ui/i18n";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (user.accountRole === "participant") throw notFound();
  const [coalitions, count] = await Promise.all([listCoalitions(), perspectiveCounts()]);
  return json({
    coalitions: coalitions.map((c) => ({
      ...c,
      perspectives: perspectives.map((p) => ({ perspective: p, count: count(c.id, p) })),
    })),
    readsContent: user.accountRole === "funder",
  });
}

export default function Programme() {
  const t = useT();
  const { coalitions, readsContent } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>{t("programme.title")}</h1>
      <p className="lead">{t("programme.intro")}</p>
      <nav aria-label={t("programme.nav.label")}>
        <ul className="inline-list">
          <li>
            <Link to="/programme/themes">{t("programme.nav.themes")}</Link>
          </li>
          {readsContent ? (
            <li>
              <Link to="/programme/compare">{t("programme.nav.compare")}</Link>
            </li>
          ) : null}
          {readsContent ? (
            <li>
              <Link to="/programme/milestones">{t("programmeMilestones.nav")}</Link>
            </li>
          ) : null}
          {readsContent ? (
            <li>
              <a href="/programme/export/lessons.csv" download>
                {t("programme.nav.exportLessons")}
              </a>
            </li>
          ) : null}
          {readsContent ? (
            <li>
              <a href="/programme/export/milestones.csv" download>
                {t("programme.nav.exportMilestones")}
              </a>
            </li>
          ) : null}
        </ul>
      </nav>
      <div className="table-scroll">
        <table>
          <caption className="muted">{t("programme.perspective")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("programme.coalition")}</th>
              <th scope="col">{t("programme.place")}</th>
              {perspectives.map((p) => (
                <th scope="col" key={p}>
                  {t(`perspective.${p}`)}
                </th>
              ))}
              <th scope="col">{t("programme.total")}</th>
              <th scope="col">{t("programme.partners")}</th>
            </tr>
          </thead>
          <tbody>
            {coalitions.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  <Link to={`/teams/${c.slug}`}>{c.name}</Link>
                </th>
                <td>{c.place}</td>
                {c.perspectives.map((p) => (
                  <td key={p.perspective}>{p.count}</td>
                ))}
                <td>{c.perspectives.reduce((sum, p) => sum + p.count, 0)}</td>
                <td>{c.partners.join(", ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
