import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/permissions.server";
import { listCoalitions } from "~/domain/coalitions/coalitions.server";
import { useT } from "~/ui/i18n";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const coalitions = await listCoalitions();
  return json({ coalitions, mine: user.memberships.map((m) => m.coalitionId) });
}

export default function Teams() {
  const t = useT();
  const { coalitions, mine } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>{t("teams.title")}</h1>
      <p className="lead">{t("teams.intro")}</p>
      {coalitions.length === 0 ? <p>{t("teams.none")}</p> : null}
      <ul className="cards">
        {coalitions.map((c) => (
          <li key={c.id} className="card">
            <h2>
              <Link to={`/teams/${c.slug}`}>{c.name}</Link>
            </h2>
            <p className="muted">
              {c.place} · {t("teams.members", { count: c.members })}
            </p>
            {mine.includes(c.id) ? <p className="badge">{t("teams.yours")}</p> : null}
            <p>
              <span className="muted">{t("teams.partners")}: </span>
              {c.partners.join(", ")}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
