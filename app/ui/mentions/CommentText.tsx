import { commentParts } from "../../richtext/mentions";
import { usePersonName } from "../PersonName";

/** A comment's text with its mentions shown by each person's current name (`names`, by id). */
export function CommentText({ body, names }: { body: string; names: Record<string, string> }) {
  const personName = usePersonName();
  return (
    <p>
      {commentParts(body).map((part, index) =>
        "mention" in part ? (
          <span key={index} className="mention">
            {`@${personName(Object.hasOwn(names, part.mention.id) ? names[part.mention.id] : part.mention.name)}`}
          </span>
        ) : (
          part.text
        ),
      )}
    </p>
  );
}
