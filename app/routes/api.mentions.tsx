import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireContentReader, requireUser } from "~/auth/permissions.server";
import { mentionableLesson } from "~/domain/lessons/lessons.server";
import { mentionSuggestions } from "~/domain/mentions/mentions.server";
import { mentionableReflection } from "~/domain/reflections/reflections.server";
import { lessonVisibilities, visibilities } from "~/domain/vocabulary";

// The people the editor and the comment field suggest after "@": only those who can read the item, with
// the visibility being chosen on the form (an item not saved yet: this member's new one in their coalition).

const query = z.object({
  kind: z.enum(["reflection", "lesson"]),
  team: z.string().max(80),
  id: z.uuid().optional().catch(undefined),
  visibility: z.enum(visibilities).optional().catch(undefined),
  q: z.string().max(200).catch(""),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw new Response("Bad Request", { status: 400 });
  const { kind, id, visibility, q } = parsed.data;
  const team = await requireContentReader(user, parsed.data.team);
  const item =
    kind === "reflection"
      ? await mentionableReflection(user, team, id, visibility)
      : await mentionableLesson(user, team, id, lessonVisibilities.find((v) => v === visibility));
  const people = await mentionSuggestions(user, item, q);
  return json({ people }, { headers: { "Cache-Control": "private, no-store" } });
}
