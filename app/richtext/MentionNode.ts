import {
  $applyNodeReplacement,
  TextNode,
  type EditorConfig,
  type LexicalNode,
  type LexicalUpdateJSON,
  type NodeKey,
  type SerializedTextNode,
  type Spread,
} from "lexical";

// A mention in a rich text: the person's id, shown as "@Name". One token: the caret steps over it and
// Backspace removes it whole, so a half-deleted name never points at someone. The editor, and the headless
// editor that extracts plain text on the server, both register it; schema.ts says what it may hold.

export type SerializedMentionNode = Spread<{ type: "mention"; personId: string }, SerializedTextNode>;

export class MentionNode extends TextNode {
  __personId: string;

  static getType(): string {
    return "mention";
  }

  static clone(node: MentionNode): MentionNode {
    return new MentionNode(node.__personId, node.__text, node.__key);
  }

  static importJSON(json: SerializedMentionNode): MentionNode {
    return $createMentionNode(json.personId, json.text).updateFromJSON(json);
  }

  constructor(personId = "", text = "", key?: NodeKey) {
    super(text, key);
    this.__personId = personId;
  }

  updateFromJSON(json: LexicalUpdateJSON<SerializedMentionNode>): this {
    return super.updateFromJSON(json).setMode("token");
  }

  exportJSON(): SerializedMentionNode {
    return { ...super.exportJSON(), type: "mention", personId: this.__personId };
  }

  getPersonId(): string {
    return this.getLatest().__personId;
  }

  createDOM(config: EditorConfig): HTMLElement {
    const dom = super.createDOM(config);
    dom.className = "mention";
    return dom;
  }

  isTextEntity(): true {
    return true;
  }

  canInsertTextBefore(): boolean {
    return false;
  }

  canInsertTextAfter(): boolean {
    return false;
  }
}

export function $createMentionNode(personId: string, text: string): MentionNode {
  return $applyNodeReplacement(new MentionNode(personId, text).setMode("token"));
}

export function $isMentionNode(node: LexicalNode | null | undefined): node is MentionNode {
  return node instanceof MentionNode;
}
