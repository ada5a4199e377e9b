import { sql } from "kysely";
import { db } from "../../../db/db.server";

// The coalition's round themes, which articles name as their sources. Rounds are their own object; here they are
// only read: a theme from the programme's list shows its Dutch name (the agreement is written in Dutch), a round's own label shows the label.

export type RoundThemeChoice = { id: string; label: string; question: string };

const labelOf = sql<string>`coalesce(theme.name_nl, round_theme.label)`;

export async function roundThemesOf(coalitionId: string): Promise<RoundThemeChoice[]> {
  return db()
    .selectFrom("round_theme")
    .innerJoin("input_round", "input_round.id", "round_theme.round_id")
    .leftJoin("theme", "theme.id", "round_theme.theme_id")
    .where("input_round.coalition_id", "=", coalitionId)
    .select(["round_theme.id", labelOf.as("label"), "input_round.question"])
    .orderBy("input_round.opens_on", "desc")
    .orderBy(labelOf)
    .execute();
}

/** The sources of each article, by article id. */
export async function sourcesOfArticles(articleIds: string[]): Promise<Map<string, RoundThemeChoice[]>> {
  const found = new Map<string, RoundThemeChoice[]>();
  if (articleIds.length === 0) return found;
  const rows = await db()
    .selectFrom("agreement_article_source")
    .innerJoin("round_theme", "round_theme.id", "agreement_article_source.round_theme_id")
    .innerJoin("input_round", "input_round.id", "round_theme.round_id")
    .leftJoin("theme", "theme.id", "round_theme.theme_id")
    .where("agreement_article_source.article_id", "in", articleIds)
    .select(["agreement_article_source.article_id", "round_theme.id", labelOf.as("label"), "input_round.question"])
    .orderBy(labelOf)
    .execute();
  for (const { article_id, ...theme } of rows) found.set(article_id, [...(found.get(article_id) ?? []), theme]);
  return found;
}
