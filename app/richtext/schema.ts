import { z } from "zod";
import type { MessageKey } from "../i18n/i18n";
import {
  ALLOWED_TEXT_FORMAT,
  isCleanText,
  MAX_RICH_TEXT_BYTES,
  MAX_RICH_TEXT_DEPTH,
  MAX_RICH_TEXT_NODES,
  safeLinkHref,
  utf8Length,
} from "./rules";
import { mentionedInRichText } from "./mentions";

// A rich text is Lexical's serialized editor state, checked against an allow-list before it is stored:
// known node types only, bold and italic only, no inline CSS, links only to http, https and mailto.
// The parsed value is the canonical form to store: unknown keys are dropped, link URLs normalised.

export type ElementDirection = "ltr" | "rtl" | null;
export type ElementFormat = "" | "left" | "start" | "center" | "right" | "end" | "justify";
type ElementFields = { direction: ElementDirection; format: ElementFormat; indent: number; version: number };

export type RichTextTextNode = {
  type: "text";
  text: string;
  /** Bit 1 bold, bit 2 italic; other bits are dropped. */
  format: number;
  detail: number;
  mode: "normal";
  style: "";
  version: number;
};
export type RichTextLineBreakNode = { type: "linebreak"; version: number };
/** An @mention: the person's id, and "@Name" as it was shown when written. */
export type RichTextMentionNode = Omit<RichTextTextNode, "type" | "mode"> & { type: "mention"; personId: string; mode: "token" };
export type RichTextLinkNode = ElementFields & {
  type: "link";
  url: string;
  rel: null;
  target: null;
  title: null;
  children: (RichTextTextNode | RichTextLineBreakNode)[];
};
export type RichTextInlineNode = RichTextTextNode | RichTextLineBreakNode | RichTextLinkNode | RichTextMentionNode;
export type RichTextParagraphNode = ElementFields & {
  type: "paragraph";
  textFormat: number;
  textStyle: "";
  children: RichTextInlineNode[];
};
export type RichTextHeadingNode = ElementFields & { type: "heading"; tag: "h2" | "h3"; children: RichTextInlineNode[] };
export type RichTextQuoteNode = ElementFields & { type: "quote"; children: RichTextInlineNode[] };
export type RichTextListNode = ElementFields & {
  type: "list";
  listType: "bullet" | "number";
  tag: "ul" | "ol";
  start: number;
  children: RichTextListItemNode[];
};
export type RichTextListItemNode = ElementFields & {
  type: "listitem";
  value: number;
  children: (RichTextInlineNode | RichTextListNode)[];
};
export type RichTextBlockNode = RichTextParagraphNode | RichTextHeadingNode | RichTextQuoteNode | RichTextListNode;
export type RichTextRootNode = ElementFields & { type: "root"; children: RichTextBlockNode[] };
export type RichTextState = { root: RichTextRootNode };
export type RichTextNode = RichTextRootNode | RichTextBlockNode | RichTextListItemNode | RichTextInlineNode;

const BAD_LINK = "richtext.badLink" satisfies MessageKey;
const TOO_LARGE = "richtext.tooLarge" satisfies MessageKey;
const TOO_DEEP = "richtext.tooDeep" satisfies MessageKey;

const version = z.int().min(1).max(100).default(1);
const elementFields = {
  direction: z.enum(["ltr", "rtl"]).nullable().default(null),
  format: z.enum(["", "left", "start", "center", "right", "end", "justify"]).default(""),
  indent: z.int().min(0).max(MAX_RICH_TEXT_DEPTH).default(0),
  version,
};
const formatBits = z
  .int()
  .min(0)
  .max(0x7ff)
  .default(0)
  .transform((bits) => bits & ALLOWED_TEXT_FORMAT);
/** Kept apart from any value a browser or a later Lexical might add: read, then replaced by null. */
const ignored = z
  .unknown()
  .optional()
  .transform(() => null);

const textNode = z.object({
  type: z.literal("text"),
  text: z.string().max(MAX_RICH_TEXT_BYTES).refine(isCleanText),
  format: formatBits,
  detail: z.int().min(0).max(3).default(0),
  mode: z.literal("normal").default("normal"),
  style: z.literal("").default(""),
  version,
});

const lineBreakNode = z.object({ type: z.literal("linebreak"), version });

// A mention is a whole token "@Name" (1 to 200 characters after the @, on one line) with a person's id;
// it stands where text stands, but not inside a link.
const mentionNode = z.object({
  type: z.literal("mention"),
  personId: z.uuid().transform((id) => id.toLowerCase()),
  text: z
    .string()
    .regex(/^@[^\n\r]{1,200}$/)
    .refine(isCleanText),
  format: formatBits,
  detail: z.int().min(0).max(3).default(0),
  mode: z.literal("token").default("token"),
  style: z.literal("").default(""),
  version,
});

const linkUrl = z.string().transform((url, ctx) => {
  const href = safeLinkHref(url);
  if (href === null) {
    ctx.addIssue({ code: "custom", message: BAD_LINK });
    return z.NEVER;
  }
  return href;
});

const linkNode = z.object({
  type: z.literal("link"),
  url: linkUrl,
  rel: ignored,
  target: ignored,
  title: ignored,
  children: z.array(z.discriminatedUnion("type", [textNode, lineBreakNode])),
  ...elementFields,
});

const inlineNodes = z.array(z.discriminatedUnion("type", [textNode, lineBreakNode, linkNode, mentionNode]));

const paragraphNode = z.object({
  type: z.literal("paragraph"),
  textFormat: formatBits,
  textStyle: z.literal("").default(""),
  children: inlineNodes,
  ...elementFields,
});

const headingNode = z.object({
  type: z.literal("heading"),
  tag: z.enum(["h2", "h3"]),
  children: inlineNodes,
  ...elementFields,
});

const quoteNode = z.object({ type: z.literal("quote"), children: inlineNodes, ...elementFields });

// A list item holds inline nodes, or a nested list (that is how Lexical indents list items).
const listItemChild: z.ZodType<RichTextInlineNode | RichTextListNode> = z.lazy(() =>
  z.discriminatedUnion("type", [textNode, lineBreakNode, linkNode, mentionNode, listNode]),
);

const listItemNode = z.object({
  type: z.literal("listitem"),
  value: z.int().min(0).max(1_000_000).default(1),
  children: z.array(listItemChild),
  ...elementFields,
});

const listNode = z
  .object({
    type: z.literal("list"),
    listType: z.enum(["bullet", "number"]),
    start: z.int().min(0).max(1_000_000).default(1),
    children: z.array(listItemNode),
    ...elementFields,
  })
  .transform((list) => ({ ...list, tag: list.listType === "number" ? ("ol" as const) : ("ul" as const) }));

const rootNode = z.object({
  type: z.literal("root"),
  children: z.array(z.discriminatedUnion("type", [paragraphNode, headingNode, quoteNode, listNode])),
  ...elementFields,
});

const documentSchema = z.object({ root: rootNode });

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Depth and node count, measured without recursion before zod walks the tree recursively. */
function tooBig(value: unknown): typeof TOO_LARGE | typeof TOO_DEEP | null {
  if (!isRecord(value) || !Object.hasOwn(value, "root")) return null;
  const stack: [unknown, number][] = [[value.root, 1]];
  let count = 0;
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (++count > MAX_RICH_TEXT_NODES) return TOO_LARGE;
    if (depth > MAX_RICH_TEXT_DEPTH) return TOO_DEEP;
    if (!isRecord(node) || !Object.hasOwn(node, "children")) continue;
    const children = node.children;
    if (!Array.isArray(children)) continue;
    if (count + children.length > MAX_RICH_TEXT_NODES) return TOO_LARGE;
    for (const child of children) stack.push([child, depth + 1]);
  }
  return null;
}

/** The allow-list schema of a serialized editor state (a parsed object, not the JSON string). */
export const richTextSchema: z.ZodType<RichTextState> = z
  .unknown()
  .superRefine((value, ctx) => {
    const problem = tooBig(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  })
  .pipe(documentSchema);

export type RichTextResult = { ok: true; value: RichTextState } | { ok: false; message: MessageKey };

function messageOf(issues: readonly { message: string }[]): MessageKey {
  for (const key of [TOO_LARGE, TOO_DEEP, BAD_LINK] as const) {
    if (issues.some((issue) => issue.message === key)) return key;
  }
  return "richtext.invalid";
}

/** Checks an already parsed value, e.g. a jsonb column read back from the database. */
export function checkRichText(value: unknown): RichTextResult {
  const result = richTextSchema.safeParse(value);
  return result.success ? { ok: true, value: result.data } : { ok: false, message: messageOf(result.error.issues) };
}

/** Checks the JSON a form sends: at most 200 KB, valid JSON, then the allow-list. */
export function parseRichTextJson(json: string): RichTextResult {
  if (typeof json !== "string") return { ok: false, message: "richtext.invalid" };
  if (json.length > MAX_RICH_TEXT_BYTES || utf8Length(json) > MAX_RICH_TEXT_BYTES) {
    return { ok: false, message: TOO_LARGE };
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { ok: false, message: "richtext.invalid" };
  }
  return checkRichText(value);
}

/** True when the text holds nothing but white space (an empty editor still has one empty paragraph). */
export function isEmptyRichText(state: RichTextState): boolean {
  const stack: unknown[] = [state.root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!isRecord(node)) continue;
    if ((node.type === "text" || node.type === "mention") && typeof node.text === "string" && node.text.trim() !== "") return false;
    if (Array.isArray(node.children)) stack.push(...node.children);
  }
  return true;
}

/**
 * A form field holding a rich text as JSON, for `z.object({ body: richTextField({ required: true }) })`.
 * Errors are message keys. An optional field left empty yields undefined rather than an empty document.
 * Without JavaScript the form sends `${name}Text` instead: see withRichTextFromTextarea in form-data.ts.
 * Mentions are refused unless the field takes them (`mentions: true`): where nobody can be told, such as
 * intervision notes, a mention has no place.
 */
type FieldOptions = { required?: boolean; mentions?: boolean };
export function richTextField(options: FieldOptions & { required: true }): z.ZodType<RichTextState, string | undefined>;
export function richTextField(options?: FieldOptions): z.ZodType<RichTextState | undefined, string | undefined>;
export function richTextField({ required = false, mentions = false }: FieldOptions = {}): z.ZodType<
  RichTextState | undefined,
  string | undefined
> {
  return z
    .string({ error: "richtext.invalid" })
    .optional()
    .transform((json, ctx): RichTextState | undefined => {
      const result = json === undefined || json.trim() === "" ? null : parseRichTextJson(json);
      if (result && !result.ok) {
        ctx.addIssue({ code: "custom", message: result.message });
        return z.NEVER;
      }
      if (result && !mentions && mentionedInRichText(result.value).length > 0) {
        ctx.addIssue({ code: "custom", message: "richtext.invalid" });
        return z.NEVER;
      }
      if (!result || isEmptyRichText(result.value)) {
        if (!required) return undefined;
        ctx.addIssue({ code: "custom", message: "richtext.empty" });
        return z.NEVER;
      }
      return result.value;
    });
}
