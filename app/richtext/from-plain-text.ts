import { cleanText } from "./rules";
import type {
  RichTextInlineNode,
  RichTextListNode,
  RichTextNode,
  RichTextParagraphNode,
  RichTextState,
} from "./schema";

// The plain-text form of a rich text, for the textarea that works without JavaScript:
// a blank line between paragraphs, a single newline for a line break inside one.

function paragraph(children: RichTextInlineNode[]): RichTextParagraphNode {
  return {
    type: "paragraph",
    children,
    direction: null,
    format: "",
    indent: 0,
    textFormat: 0,
    textStyle: "",
    version: 1,
  };
}

function lines(text: string): RichTextInlineNode[] {
  const children: RichTextInlineNode[] = [];
  text.split("\n").forEach((line, index) => {
    if (index > 0) children.push({ type: "linebreak", version: 1 });
    if (line !== "") {
      children.push({ type: "text", text: line, format: 0, detail: 0, mode: "normal", style: "", version: 1 });
    }
  });
  return children;
}

/** Plain text to a rich text: blank lines separate paragraphs; a trailing blank line leaves an empty paragraph. */
export function richTextFromPlainText(text: string): RichTextState {
  const normalised = cleanText(text)
    .replace(/\r\n?/g, "\n")
    .replace(/^(?:[ \t]*\n)+/, "");
  const chunks = normalised.trim() === "" ? [""] : normalised.split(/\n[ \t]*\n(?:[ \t]*\n)*/);
  return {
    root: {
      type: "root",
      children: chunks.map((chunk) => paragraph(lines(chunk))),
      direction: null,
      format: "",
      indent: 0,
      version: 1,
    },
  };
}

function inlineText(nodes: readonly RichTextNode[]): string {
  return nodes
    .map((node) => {
      if (node.type === "text" || node.type === "mention") return node.text;
      if (node.type === "linebreak") return "\n";
      return "children" in node ? inlineText(node.children) : "";
    })
    .join("");
}

function listText(list: RichTextListNode, level: number): string {
  const indent = "  ".repeat(level - 1);
  let number = list.start;
  return list.children
    .map((item) => {
      const own = item.children.filter((child) => child.type !== "list");
      const nested = item.children.filter((child): child is RichTextListNode => child.type === "list");
      const hasLine = own.length > 0 || nested.length === 0;
      const marker = list.listType === "number" ? `${hasLine ? number++ : number}. ` : "- ";
      const line = hasLine ? [`${indent}${marker}${inlineText(own)}`] : [];
      return [...line, ...nested.map((sub) => listText(sub, level + 1))].join("\n");
    })
    .join("\n");
}

/**
 * A rich text as the textarea shows it without JavaScript. Paragraphs come back exactly as
 * richTextFromPlainText made them; headings, lists and quotes become lines of plain text.
 */
export function plainTextForTextarea(state: RichTextState | null | undefined): string {
  if (!state) return "";
  return state.root.children
    .map((block) => {
      if (block.type === "list") return listText(block, 1);
      if (block.type === "quote") return inlineText(block.children).replace(/^/gm, "> ");
      return inlineText(block.children);
    })
    .join("\n\n");
}

/**
 * The text a textarea sent, as a rich text. When it is exactly what the textarea was prefilled with,
 * the previous version (with its headings, lists and links) is kept instead of being flattened.
 */
export function richTextFromTextarea(text: string, previous?: RichTextState | null): RichTextState {
  const normalise = (value: string) => value.replace(/\r\n?/g, "\n").trim();
  if (previous && normalise(text) === normalise(plainTextForTextarea(previous))) return previous;
  return richTextFromPlainText(text);
}
