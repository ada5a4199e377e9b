import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/permissions.server";
import { adminOverview } from "~/domain/admin/admin.server";
import { useT } from "~/ui/i18n";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json(await adminOverview(user));
}

export default function AdminOverview() {
  const t = useT();
  const { coalitions, accounts, openInvitations, outbox } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>{t("admin.title")}</h1>
      <p className="lead">{t("admin.intro")}</p>

      <h2>{t("admin.coalitions.title")}</h2>
      <p>
        <Link to="/admin/coalitions/new" className="button button-primary">
          {t("admin.coalitions.new")}
        </Link>
      </p>
      {coalitions.length === 0 ? (
        <p>{t("admin.coalitions.none")}</p>
      ) : (
        <table className="stack-table">
            <caption className="muted">{t("admin.coalitions.editHint")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("admin.coalitions.name")}</th>
                <th scope="col">{t("admin.coalitions.slug")}</th>
                <th scope="col">{t("admin.coalitions.place")}</th>
                <th scope="col">{t("admin.coalitions.partners")}</th>
                <th scope="col">{t("admin.coalitions.members")}</th>
              </tr>
            </thead>
            <tbody>
              {coalitions.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <Link to={`/admin/coalitions/${c.id}`}>{c.name}</Link>
                  </th>
                  <td data-label={t("admin.coalitions.slug")}>{c.slug}</td>
                  <td data-label={t("admin.coalitions.place")}>{c.place}</td>
                  <td data-label={t("admin.coalitions.partners")}>{c.partners.join(", ")}</td>
                  <td data-label={t("admin.coalitions.members")} className="figure">{c.members}</td>
                </tr>
              ))}
            </tbody>
          </table>
      )}

      <h2>{t("admin.invitations.title")}</h2>
      <p>{t("admin.invitations.summary", { open: openInvitations })}</p>
      <p>
        <Link to="/admin/invitations">{t("admin.invitations.link")}</Link>
      </p>

      <h2>{t("admin.accounts.title")}</h2>
      <p>{t("admin.accounts.summary", accounts)}</p>
      <p>
        <Link to="/admin/accounts">{t("admin.accounts.link")}</Link>
      </p>

      <h2>{t("audit.title")}</h2>
      <p>{t("audit.summary")}</p>
      <p>
        <Link to="/admin/audit">{t("audit.link")}</Link>
      </p>

      <h2>{t("audit.retention.title")}</h2>
      <p>
        <Link to="/admin/retention">{t("audit.retention.link")}</Link>
      </p>

      <h2>{t("admin.outbox.title")}</h2>
      <p>{outbox ? t("admin.outbox.overview") : t("admin.outbox.overviewSending")}</p>
      <p>
        <Link to="/admin/outbox">{t("admin.outbox.link")}</Link>
      </p>
    </section>
  );
}
