// @mentions, as the editor, a comment and the server all read them. No Lexical and no zod here: the reading
// pages, the comment field and the editor chunk import this file.
//
// In a rich text a mention is a node { type: "mention", personId, text: "@Name" } (MentionNode.ts).
// In a plain-text comment it is a token `@[Name](person id)`: the id is what counts, the name inside is only
// what was shown when it was written; the page shows the person's current name.

export type MentionedPerson = { id: string; name: string };

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const TOKEN = new RegExp(`@\\[([^\\[\\]\\n]{1,200})\\]\\((${UUID})\\)`, "gi");

/** A name as it may stand inside a token: no brackets or line ends, at most 200 characters. */
function tokenName(name: string): string {
  return name.replace(/[[\]\r\n]/g, " ").trim().slice(0, 200) || "?";
}

export function mentionToken(person: MentionedPerson): string {
  return `@[${tokenName(person.name)}](${person.id.toLowerCase()})`;
}

export type CommentPart = { text: string } | { mention: MentionedPerson };

/** A comment as text and mentions, in order. */
export function commentParts(body: string): CommentPart[] {
  const parts: CommentPart[] = [];
  let last = 0;
  for (const match of body.matchAll(TOKEN)) {
    if (match.index > last) parts.push({ text: body.slice(last, match.index) });
    parts.push({ mention: { id: match[2].toLowerCase(), name: match[1] } });
    last = match.index + match[0].length;
  }
  if (last < body.length) parts.push({ text: body.slice(last) });
  return parts;
}

/** The people a comment mentions, each once, with the name the comment shows for them. */
export function mentionedInComment(body: string): MentionedPerson[] {
  return unique(commentParts(body).flatMap((part) => ("mention" in part ? [part.mention] : [])));
}

/**
 * A comment typed in the field, with the people picked from the suggestions: each picked person's "@Name"
 * becomes their token (the longest names first, so "@Jan de Vries" is not taken for "@Jan"). A pick whose
 * "@Name" was typed away again mentions nobody.
 */
export function commentWithMentions(text: string, picked: MentionedPerson[]): string {
  let body = text;
  for (const person of [...picked].sort((a, b) => b.name.length - a.name.length)) {
    const shown = `@${person.name}`;
    if (person.name.trim() === "" || !body.includes(shown)) continue;
    body = body.split(shown).join(mentionToken(person));
  }
  return body;
}

/** The people a rich text mentions, each once, in reading order (the state is validated, or read from the database). */
export function mentionedInRichText(state: unknown): MentionedPerson[] {
  const people: MentionedPerson[] = [];
  const stack: unknown[] = [state];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== "object" || node === null) continue;
    const record = node as Record<string, unknown>;
    if (record.type === "mention" && typeof record.personId === "string") {
      people.push({ id: record.personId.toLowerCase(), name: typeof record.text === "string" ? record.text.replace(/^@/, "") : "" });
    }
    if (Array.isArray(record.children)) stack.push(...[...record.children].reverse());
    if (typeof record.root === "object") stack.push(record.root);
  }
  return unique(people);
}

function unique(people: MentionedPerson[]): MentionedPerson[] {
  const byId = new Map<string, MentionedPerson>();
  for (const person of people) if (!byId.has(person.id)) byId.set(person.id, person);
  return [...byId.values()];
}

/**
 * The name being typed after an "@" right before the caret, or null: "@" at the start or after a space or an
 * opening bracket, then up to 50 characters without a space or another "@".
 */
export const MENTION_QUERY = /(?:^|[\s(])@([^\s@[\]()]{0,50})$/;

export function mentionQueryBefore(text: string): { query: string; start: number } | null {
  const match = MENTION_QUERY.exec(text);
  if (!match) return null;
  return { query: match[1], start: text.length - match[1].length - 1 };
}

/** Where the suggestions come from: the item being written (its id once saved) in its coalition. */
export type MentionSource = { kind: "reflection" | "lesson"; team: string; id?: string };

export function suggestionsUrl(source: MentionSource, query: string, visibility: string | null): string {
  const params = new URLSearchParams({ kind: source.kind, team: source.team, q: query });
  if (source.id) params.set("id", source.id);
  if (visibility) params.set("visibility", visibility);
  return `/api/mentions?${params}`;
}
