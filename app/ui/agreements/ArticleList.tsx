import { useForm, type SubmissionResult } from "@conform-to/react";
import type { SerializeFrom } from "@remix-run/node";
import { Form, Link } from "@remix-run/react";
import type { ArticleView } from "../../domain/agreements/agreements.server";
import { FormErrors } from "../Field";
import { useT } from "../i18n";

function ArticleButton({ article, intent, direction, label }: { article: string; intent: "move" | "remove"; direction?: "up" | "down"; label: string }) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="article" value={article} />
      {direction ? <input type="hidden" name="direction" value={direction} /> : null}
      <button type="submit" className={intent === "remove" ? "button button-danger" : "button button-secondary"}>
        {label}
      </button>
    </Form>
  );
}

/** The draft's articles in their order: edit one, move it up or down (the numbers follow), or remove it. */
export function ArticleList({ team, articles, lastResult }: { team: string; articles: SerializeFrom<ArticleView>[]; lastResult?: SubmissionResult<string[]> }) {
  const t = useT();
  const [form] = useForm({ id: "articles", lastResult });
  return (
    <section aria-labelledby="articles-edit-heading">
      <h2 id="articles-edit-heading">{t("agreement.articles")}</h2>
      <FormErrors errors={form.errors} />
      {articles.length === 0 ? <p className="muted">{t("agreement.noArticlesYet")}</p> : null}
      <ol className="plain-list agreement-article-list">
        {articles.map((article, index) => (
          <li key={article.id} className="card">
            <h3>{t("agreement.articleHeading", { number: article.number, title: article.title })}</h3>
            {article.sources.length ? (
              <p className="meta">
                {t("agreement.sources")} {article.sources.map((source) => source.label).join(", ")}
              </p>
            ) : null}
            <div className="actions">
              <Link to={`/teams/${team}/agreement/articles/${article.id}`} className="button button-secondary">
                {t("agreement.editArticle")}
                <span className="visually-hidden"> {article.number}</span>
              </Link>
              {index > 0 ? <ArticleButton article={article.id} intent="move" direction="up" label={t("agreement.moveUp", { number: article.number })} /> : null}
              {index < articles.length - 1 ? <ArticleButton article={article.id} intent="move" direction="down" label={t("agreement.moveDown", { number: article.number })} /> : null}
              <ArticleButton article={article.id} intent="remove" label={t("agreement.removeArticle", { number: article.number })} />
            </div>
          </li>
        ))}
      </ol>
      <p>
        <Link to={`/teams/${team}/agreement/articles/new`} className="button button-primary">
          {t("agreement.addArticle")}
        </Link>
      </p>
    </section>
  );
}
