import { sql } from "kysely";
import { db } from "../../../../db/db.server";
import type { AgreementStatus, Perspective } from "../../../../db/schema";
import { requireFunder, type User } from "../../../auth/permissions.server";
import { perspectives } from "../../vocabulary";
import { versionInForceOf } from "./in-force.server";

// The funder's overview of every coalition's agreement and input rounds (/programme/agreements). Join requests
// show only as a count: outsiders' details are for the coalition's facilitators. A round's contributions show
// as counts per perspective, and as texts only once the coalition shared the round's outcome with the network.

export async function programmeAgreements(user: User, themeSlug: string | null) {
  requireFunder(user);
  const [coalitions, latest, openRequests, rounds, counts, shared, themes] = await Promise.all([
    db().selectFrom("coalition").select(["id", "slug", "name", "place"]).orderBy("name").execute(),
    db()
      .selectFrom("agreement_version")
      .distinctOn("coalition_id")
      .select(["coalition_id", "number", "status"])
      .orderBy("coalition_id")
      .orderBy("number", "desc")
      .execute(),
    db()
      .selectFrom("agreement_join_request")
      .where("decision", "is", null)
      .groupBy("coalition_id")
      .select(["coalition_id", (eb) => eb.fn.countAll<string>().as("count")])
      .execute(),
    db()
      .selectFrom("input_round")
      .select([
        "id",
        "coalition_id",
        "question",
        sql<string>`to_char(opens_on, 'YYYY-MM-DD')`.as("opensOn"),
        sql<string>`to_char(closes_on, 'YYYY-MM-DD')`.as("closesOn"),
        "outcome_shared_at as outcomeSharedAt",
      ])
      .orderBy("opens_on", "desc")
      .execute(),
    db()
      .selectFrom("round_contribution")
      .groupBy(["round_id", "perspective"])
      .select(["round_id", "perspective", (eb) => eb.fn.countAll<string>().as("count")])
      .execute(),
    // Texts only of rounds whose outcome was shared; never who wrote them.
    db()
      .selectFrom("round_contribution")
      .innerJoin("input_round", "input_round.id", "round_contribution.round_id")
      .where("input_round.outcome_shared_at", "is not", null)
      .select(["round_contribution.id", "round_contribution.round_id", "round_contribution.perspective", "round_contribution.body"])
      .orderBy("round_contribution.created_at")
      .execute(),
    db().selectFrom("theme").where("archived_at", "is", null).select(["id", "slug", "name_nl as nameNl", "name_en as nameEn"]).orderBy("position").execute(),
  ]);
  const inForce = new Map(await Promise.all(coalitions.map(async (c) => [c.id, await versionInForceOf(c.id)] as const)));
  const latestOf = new Map(latest.map((v) => [v.coalition_id, { number: v.number, status: v.status as AgreementStatus }]));
  const openOf = new Map(openRequests.map((r) => [r.coalition_id, Number(r.count)]));
  const theme = themes.find((t) => t.slug === themeSlug) ?? null;
  const articles = theme ? await articlesByTheme(theme.id, [...inForce.values()].flatMap((v) => (v ? [v.id] : []))) : [];

  return {
    themes,
    theme: theme ? theme.slug : null,
    coalitions: coalitions.map((coalition) => {
      const version = inForce.get(coalition.id) ?? null;
      const ownRounds = rounds.filter((r) => r.coalition_id === coalition.id);
      return {
        slug: coalition.slug,
        name: coalition.name,
        place: coalition.place,
        latest: latestOf.get(coalition.id) ?? null,
        inForce: version ? { number: version.number, signedAt: version.signedAt, signatures: version.signatures } : null,
        openRequests: openOf.get(coalition.id) ?? 0,
        rounds: ownRounds.map((round) => ({
          id: round.id,
          question: round.question,
          opensOn: round.opensOn,
          closesOn: round.closesOn,
          shared: round.outcomeSharedAt !== null,
          counts: perspectives.map((perspective) => ({
            perspective,
            count: Number(counts.find((c) => c.round_id === round.id && c.perspective === perspective)?.count ?? 0),
          })),
          texts: round.outcomeSharedAt
            ? shared.filter((c) => c.round_id === round.id).map((c) => ({ id: c.id, perspective: c.perspective as Perspective, body: c.body }))
            : [],
        })),
        themeArticles: version ? articles.filter((a) => a.versionId === version.id).map(({ versionId: _, ...a }) => a) : [],
      };
    }),
  };
}

/** The articles of the versions in force that came from a round theme with this programme theme. */
async function articlesByTheme(themeId: string, versionIds: string[]) {
  if (versionIds.length === 0) return [];
  return db()
    .selectFrom("agreement_article")
    .where("agreement_article.version_id", "in", versionIds)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("agreement_article_source")
          .innerJoin("round_theme", "round_theme.id", "agreement_article_source.round_theme_id")
          .whereRef("agreement_article_source.article_id", "=", "agreement_article.id")
          .where("round_theme.theme_id", "=", themeId)
          .select("agreement_article_source.article_id"),
      ),
    )
    .select(["agreement_article.id", "agreement_article.version_id as versionId", "agreement_article.number", "agreement_article.title", "agreement_article.body"])
    .orderBy("agreement_article.number")
    .execute();
}
