import { Link } from "@remix-run/react";
import { usePersonName } from "../PersonName";
import { useT } from "../i18n";
import { VisibilityBadge } from "../Visibility";

type LessonLink = { id: string; statement: string; visibility: "team" | "network"; authorName: string | null };

/** Under a reflection: the lessons made from it that this reader may read, and for a member the way to make one. */
export function LessonsFrom({
  teamSlug,
  reflectionId,
  lessons,
  canWrite,
}: {
  teamSlug: string;
  reflectionId: string;
  lessons: LessonLink[];
  canWrite: boolean;
}) {
  const t = useT();
  const personName = usePersonName();
  if (lessons.length === 0 && !canWrite) return null;
  const makeOne = canWrite ? (
    <Link className="button button-secondary" to={`/teams/${teamSlug}/lessons/new?from=${reflectionId}`}>
      {t("lesson.fromReflection")}
    </Link>
  ) : null;
  return (
    <section className="card made-from" aria-labelledby="made-from">
      <h2 id="made-from">{t("reflection.lessons.title")}</h2>
      {lessons.length === 0 ? (
        <div className="empty-state">
          <p>{t("reflection.lessons.none")}</p>
          {makeOne}
        </div>
      ) : (
        <>
          <ul className="plain-list">
            {lessons.map((lesson) => (
              <li key={lesson.id} className="log-item">
                <Link to={`/teams/${teamSlug}/lessons/${lesson.id}`}>{lesson.statement}</Link>
                <p className="meta">
                  <VisibilityBadge visibility={lesson.visibility} />
                  <span>{personName(lesson.authorName)}</span>
                </p>
              </li>
            ))}
          </ul>
          {makeOne ? <p className="actions">{makeOne}</p> : null}
        </>
      )}
    </section>
  );
}
