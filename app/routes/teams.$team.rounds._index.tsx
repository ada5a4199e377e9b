import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireMembership, requireUser } from "~/auth/permissions.server";
import { listRounds } from "~/domain/rounds/rounds.server";
import { useT } from "~/ui/i18n";
import { RoundList } from "~/ui/rounds/RoundList";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Inspiratierondes · ${data?.team.name ?? ""} · Leernetwerk` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const team = await requireMembership(user, params.team);
  return json({ team, ...(await listRounds(user, team)) });
}

export default function TeamRounds() {
  const t = useT();
  const { team, open, coming, closed, canOpen } = useLoaderData<typeof loader>();
  const base = `/teams/${team.slug}/rounds`;
  return (
    <section>
      <h1>{t("round.list.title")}</h1>
      <p className="lead">{t("round.list.intro")}</p>
      {canOpen ? (
        <p>
          <Link className="button button-primary" to={`${base}/new`}>
            {t("round.list.new")}
          </Link>
        </p>
      ) : null}
      <RoundList title={t("round.list.open")} rounds={open} base={base} empty={t(canOpen ? "round.list.noneOpen" : "round.list.noneOpenMember")} />
      {coming.length > 0 ? <RoundList title={t("round.list.coming")} rounds={coming} base={base} empty="" /> : null}
      <RoundList title={t("round.list.closed")} rounds={closed} base={base} empty={t("round.list.noneClosed")} />
    </section>
  );
}
