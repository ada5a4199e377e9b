import { db } from "../../../db/db.server";
import { requireTeamMember, type Team, type User } from "../../auth/permissions.server";
import type { Visibility } from "../../../db/schema";
import { translator } from "../../i18n/dictionaries.server";
import type { MessageKey } from "../../i18n/i18n";
import type { MentionedPerson } from "../../richtext/mentions";
import { peopleWhoCanRead, type ReadableItem } from "../coalitions/readers.server";
import { notify, type NotifiedItem } from "../notifications/notify.server";

// @mentions: whom one may mention in an item is whom its page lets in (readers.server.ts asks the page's own
// rule), for the visibility being chosen. The suggestions and the check on saving ask the same question.

/** A reflection or lesson as it will be saved: its author, coalition and chosen visibility. */
export type MentionableItem = Extract<ReadableItem, { kind: "reflection" | "lesson" }>;

export const SUGGESTIONS = 8;

/** What an item of this coalition will be, for the mentions in it: its author and the visibility chosen. */
export function mentionable(kind: MentionableItem["kind"], authorId: string, team: Team, visibility: Visibility): MentionableItem {
  return { kind, authorId, coalitionId: team.id, visibility };
}

/**
 * The item the suggestions are for while a form is open: a member's new one in their coalition (`saved`
 * null), or a saved one the person may read, whose visibility only someone who may change it is choosing.
 */
export function itemBeingWritten<V extends Visibility>(
  user: User,
  team: Team,
  kind: MentionableItem["kind"],
  saved: { authorId: string; visibility: V; mayChange: boolean } | null,
  chosen: V | undefined,
  unchosen: V,
): MentionableItem {
  if (!saved) {
    requireTeamMember(user, team);
    return mentionable(kind, user.id, team, chosen ?? unchosen);
  }
  return mentionable(kind, saved.authorId, team, (saved.mayChange && chosen) || saved.visibility);
}

/** People whose name holds `query` and who can read the item, the writer left out. */
export async function mentionSuggestions(user: User, item: MentionableItem, query: string): Promise<MentionedPerson[]> {
  const people = await peopleWhoCanRead(item, { nameContains: query.trim().slice(0, 50) });
  return people.filter((person) => person.id !== user.id).slice(0, SUGGESTIONS);
}

/**
 * Without JavaScript nobody is picked from suggestions: "@Full Name" typed for someone who can read the item
 * mentions them too. Whoever else is typed so stays plain text and is told nothing.
 */
export async function typedMentions(user: User, item: MentionableItem, text: string): Promise<MentionedPerson[]> {
  const words = new Set([...text.matchAll(TYPED_MENTION)].map((match) => match[1]));
  if (words.size === 0) return [];
  const found = await Promise.all([...words].slice(0, 5).map((word) => peopleWhoCanRead(item, { nameContains: word })));
  return found
    .flat()
    .filter((person) => person.id !== user.id && text.includes(`@${person.name}`))
    .sort((a, b) => b.name.length - a.name.length);
}

/** "@" at the start or after a space or bracket, then the first word of a name (two letters at least). */
const TYPED_MENTION = /(?:^|[\s(])@([^\s@[\]()]{2,50})/g;

/**
 * Null when everyone mentioned can read the item; otherwise the message for the field, in the writer's
 * language, naming those who cannot by the name the text shows for them (nothing the writer did not type).
 */
export async function refusedMentions(
  user: User,
  item: MentionableItem,
  mentioned: MentionedPerson[],
  message: "richtext.mention.notReader" | "richtext.mention.notReaderComment" = "richtext.mention.notReader",
): Promise<string | null> {
  if (mentioned.length === 0) return null;
  const readers = new Set((await peopleWhoCanRead(item, { ids: mentioned.map((person) => person.id) })).map((person) => person.id));
  const refused = mentioned.filter((person) => !readers.has(person.id));
  if (refused.length === 0) return null;
  const names = new Intl.ListFormat(user.language, { type: "conjunction" }).format(refused.map((person) => person.name));
  return translator(user.language)(message satisfies MessageKey, { names, count: refused.length });
}

/** Tells the people mentioned now who were not mentioned before (an edit does not tell them again). */
export async function notifyMentioned(user: User, item: NotifiedItem, now: MentionedPerson[], before: MentionedPerson[] = []) {
  const already = new Set([user.id, ...before.map((person) => person.id)]);
  const recipientIds = now.map((person) => person.id).filter((id) => !already.has(id));
  if (recipientIds.length > 0) await notify({ kind: "mention", recipientIds, actorId: user.id, item });
}

/** The names people have now, for the mentions a page shows: "" for someone erased or gone (a "former member"). */
export async function currentNames(ids: string[]): Promise<Record<string, string>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return {};
  const rows = await db().selectFrom("person").where("id", "in", wanted).where("erased_at", "is", null).select(["id", "name"]).execute();
  const byId = new Map(rows.map((row) => [row.id, row.name]));
  return Object.fromEntries(wanted.map((id) => [id, byId.get(id) ?? ""]));
}
