import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireMembership, requireUser } from "~/auth/permissions.server";
import { readableLinks } from "~/domain/questions/question-links.server";
import { getQuestion } from "~/domain/questions/questions.server";
import { useLocale, useT } from "~/ui/i18n";
import { LinkedItems } from "~/ui/questions/LinkedItems";
import { HarvestDates } from "~/ui/questions/HarvestDates";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.question.question ?? ""} · Leernetwerk` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const team = await requireMembership(user, params.team);
  const question = await getQuestion(user, team, params.id);
  return json({ team, question, links: await readableLinks(user, [question.id]) });
}

export default function QuestionPage() {
  const t = useT();
  const locale = useLocale();
  const { team, question, links } = useLoaderData<typeof loader>();
  return (
    <article>
      <p>
        <Link to={`/teams/${team.slug}/questions`}>{t("questions.back")}</Link>
      </p>
      <h1>{question.question}</h1>
      <p className="meta">
        <span className="badge">{t(`questions.status.${question.status}`)}</span>
        {question.themes.map((theme) => (
          <span key={theme.id} className="badge">
            {locale === "en" ? theme.name_en : theme.name_nl}
          </span>
        ))}
        <span>{question.ownerName ? t("questions.owner", { name: question.ownerName }) : t("questions.noOwner")}</span>
      </p>
      {question.explanation ? <p className="prose">{question.explanation}</p> : null}
      {question.harvestDates.length ? (
        <p>
          <HarvestDates days={question.harvestDates} />
        </p>
      ) : null}
      {question.canManage ? (
        <p className="actions">
          <Link className="button button-secondary" to="edit">
            {t("questions.edit")}
          </Link>
        </p>
      ) : null}
      <h2>{t("questions.linked")}</h2>
      <LinkedItems team={team} items={links} />
    </article>
  );
}
