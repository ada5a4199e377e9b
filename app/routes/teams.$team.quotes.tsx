import { parseWithZod } from "@conform-to/zod/v4";
import { json, type LinksFunction, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireMembership, requireUser } from "~/auth/permissions.server";
import { publicUrl } from "~/domain/mail/email.server";
import { quoteDecisionSchema } from "~/domain/publications/publication-form";
import { decideQuote, teamQuotes } from "~/domain/publications/quotes.server";
import { formErrors, redirectWithFlash } from "~/ui/form-answer.server";
import { useT } from "~/ui/i18n";
import { TeamQuote } from "~/ui/publications/TeamQuote";
import publicationStyles from "~/ui/publications/publications.css";

// /teams/:team/quotes — the coalition's facilitators decide whether the programme may quote what the coalition
// shared, and under which name; an approval can be withdrawn later. Members, other coalitions and the funder
// find nothing (404).

export const links: LinksFunction = () => [{ rel: "stylesheet", href: publicationStyles }];

export const meta: MetaFunction = () => [{ title: "Citaten · Leernetwerk" }];

async function facilitatorTeam(request: Request, slug: string | undefined) {
  const user = await requireUser(request);
  const team = await requireMembership(user, slug, "facilitator");
  return { user, team };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, team } = await facilitatorTeam(request, params.team);
  return json({ team: { slug: team.slug, name: team.name }, quotes: await teamQuotes(user, team) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, team } = await facilitatorTeam(request, params.team);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: quoteDecisionSchema });
  const quote = String(formData.get("quote") ?? "");
  if (submission.status !== "success") return formErrors(submission, 400, { quote });
  const outcome = await decideQuote(user, team, submission.value, publicUrl(request));
  if (!outcome.ok) return formErrors(submission, 400, { quote, refusal: outcome });
  return redirectWithFlash(`/teams/${team.slug}/quotes`, `quotes.done.${submission.value.decision}`);
}

export default function TeamQuotes() {
  const t = useT();
  const { team, quotes } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  return (
    <section>
      <h1>{t("quotes.title")}</h1>
      <p className="lead">{t("quotes.intro")}</p>
      {quotes.length === 0 ? (
        <p>{t("quotes.none")}</p>
      ) : (
        <div className="stack">
          {quotes.map((quote) => (
            <TeamQuote key={quote.id} quote={quote} teamName={team.name} result={reply?.quote === quote.id ? reply.result : undefined} />
          ))}
        </div>
      )}
    </section>
  );
}
