import { Fragment, type ReactNode } from "react";
import { usePersonName } from "../ui/PersonName";
import { FORMAT_BOLD, FORMAT_ITALIC, MAX_RICH_TEXT_DEPTH, safeLinkHref } from "./rules";
import type { RichTextState } from "./schema";

// Reading a rich text: its JSON becomes React elements, so React escapes every text. No Lexical is loaded
// and no HTML string is built. The stored state was validated on the way in; this renderer trusts nothing
// anyway: unknown nodes show their text at most, and every link is checked again before it becomes an href.

export const LINK_REL = "noopener noreferrer nofollow ugc";

type UnknownNode = Record<string, unknown>;
/** The current name of each person mentioned, by id ("" for someone who left): a renamed person shows renamed. */
export type MentionNames = Record<string, string>;

function MentionName({ name }: { name: string }) {
  const personName = usePersonName();
  return <span className="mention">{`@${personName(name)}`}</span>;
}

function isNode(value: unknown): value is UnknownNode {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function childrenOf(node: UnknownNode): unknown[] {
  return Array.isArray(node.children) ? node.children : [];
}

function renderChildren(node: UnknownNode, depth: number, names?: MentionNames): ReactNode[] {
  return childrenOf(node).map((child, index) => renderNode(child, index, depth + 1, names));
}

function renderText(node: UnknownNode, key: number): ReactNode {
  if (typeof node.text !== "string") return null;
  const format = typeof node.format === "number" ? node.format : 0;
  let content: ReactNode = node.text;
  if (format & FORMAT_ITALIC) content = <em>{content}</em>;
  if (format & FORMAT_BOLD) content = <strong>{content}</strong>;
  return <Fragment key={key}>{content}</Fragment>;
}

function renderList(node: UnknownNode, key: number, depth: number, names?: MentionNames): ReactNode {
  const ordered = node.listType === "number";
  let number = ordered && typeof node.start === "number" && Number.isInteger(node.start) ? node.start : 1;
  const items = childrenOf(node).map((item, index) => {
    if (!isNode(item) || item.type !== "listitem") return null;
    const children = childrenOf(item);
    // Lexical indents by giving a nested list an item of its own; that item shows no bullet or number.
    const holdsOnlyAList = children.length > 0 && children.every((child) => isNode(child) && child.type === "list");
    if (holdsOnlyAList) {
      return (
        <li key={index} className="rich-text-nested">
          {renderChildren(item, depth + 1, names)}
        </li>
      );
    }
    return (
      <li key={index} value={ordered ? number++ : undefined}>
        {renderChildren(item, depth + 1, names)}
      </li>
    );
  });
  return ordered ? <ol key={key}>{items}</ol> : <ul key={key}>{items}</ul>;
}

function renderNode(node: unknown, key: number, depth: number, names?: MentionNames): ReactNode {
  if (!isNode(node) || depth > MAX_RICH_TEXT_DEPTH + 1) return null;
  switch (node.type) {
    case "text":
      return renderText(node, key);
    case "linebreak":
      return <br key={key} />;
    case "mention":
      // The person's name now when the page knows it, else the name as written; the id stays out of the page.
      if (names && typeof node.personId === "string" && Object.hasOwn(names, node.personId)) {
        return <MentionName key={key} name={names[node.personId]} />;
      }
      return typeof node.text === "string" ? (
        <span key={key} className="mention">
          {node.text}
        </span>
      ) : null;
    case "paragraph":
      // Empty paragraphs are the editor's blank lines; the spacing between paragraphs does their work here.
      return childrenOf(node).length > 0 ? <p key={key}>{renderChildren(node, depth, names)}</p> : null;
    case "heading":
      return node.tag === "h3" ? (
        <h3 key={key}>{renderChildren(node, depth, names)}</h3>
      ) : (
        <h2 key={key}>{renderChildren(node, depth, names)}</h2>
      );
    case "quote":
      return <blockquote key={key}>{renderChildren(node, depth, names)}</blockquote>;
    case "list":
      return renderList(node, key, depth, names);
    case "link": {
      const href = safeLinkHref(node.url);
      const children = renderChildren(node, depth, names);
      return href ? (
        <a key={key} href={href} rel={LINK_REL}>
          {children}
        </a>
      ) : (
        <Fragment key={key}>{children}</Fragment>
      );
    }
    default:
      return typeof node.text === "string" ? <Fragment key={key}>{node.text}</Fragment> : null;
  }
}

/** A stored rich text, read-only. */
export function RichText({ state, names }: { state: RichTextState | null | undefined; names?: MentionNames }) {
  const root: unknown = state?.root;
  return <div className="rich-text">{isNode(root) ? renderChildren(root, 0, names) : null}</div>;
}
