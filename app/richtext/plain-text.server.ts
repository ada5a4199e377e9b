import { createHeadlessEditor } from "@lexical/headless";
import { LinkNode } from "@lexical/link";
import { ListItemNode, ListNode } from "@lexical/list";
import { HeadingNode, QuoteNode } from "@lexical/rich-text";
import { $getRoot, type LexicalEditor } from "lexical";
import { MentionNode } from "./MentionNode";
import type { RichTextState } from "./schema";

// One headless editor for the process: parseEditorState builds a new state each time and leaves the editor as it is.
let editor: LexicalEditor | undefined;

function headlessEditor(): LexicalEditor {
  editor ??= createHeadlessEditor({
    namespace: "leernetwerk",
    nodes: [HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode, MentionNode],
    onError(error) {
      throw error;
    },
  });
  return editor;
}

/** The words of a rich text for full-text search: blocks separated by a blank line, line breaks kept. */
export function plainTextOf(state: RichTextState): string {
  const text = headlessEditor()
    .parseEditorState(state)
    .read(() => $getRoot().getTextContent());
  return text.replace(/\n{3,}/g, "\n\n").trim();
}
